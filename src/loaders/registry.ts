import DataLoader from 'dataloader';

/**
 * The per-request set of DataLoaders. Each is created on first use under its kind and the credential's
 * fingerprint, so nothing cached for one credential can answer for another.
 */
export class LoaderRegistry {
  /**
   * By credential fingerprint, then by kind: found without building a name for every load. Made on the first
   * load: an operation that loads nothing (a subscription's own context, `{ __typename }`) keeps no empty map.
   */
  private loaders: Map<string, Map<string, DataLoader<unknown, unknown>>> | undefined;

  constructor(private readonly maxBatchSize = 100) {}

  get<K, V, C = K>(kind: string, fingerprint: string, batch: DataLoader.BatchLoadFn<K, V>, options: DataLoader.Options<K, V, C> = {}): DataLoader<K, V, C> {
    const loaders = (this.loaders ??= new Map<string, Map<string, DataLoader<unknown, unknown>>>());
    let byKind = loaders.get(fingerprint);
    if (!byKind) loaders.set(fingerprint, (byKind = new Map<string, DataLoader<unknown, unknown>>()));
    let loader = byKind.get(kind);
    if (!loader) {
      loader = new DataLoader<K, V, C>(batch, { maxBatchSize: this.maxBatchSize, ...options });
      byKind.set(kind, loader);
    }
    return loader as unknown as DataLoader<K, V, C>;
  }
}
