import DataLoader from 'dataloader';

/**
 * The per-request set of DataLoaders. Each is created on first use under a name that includes the
 * credential fingerprint, so nothing cached for one credential can answer for another.
 */
export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  constructor(private readonly maxBatchSize = 100) {}

  get<K, V, C = K>(name: string, batch: DataLoader.BatchLoadFn<K, V>, options: DataLoader.Options<K, V, C> = {}): DataLoader<K, V, C> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = new DataLoader<K, V, C>(batch, { maxBatchSize: this.maxBatchSize, ...options });
      this.loaders.set(name, loader);
    }
    return loader as unknown as DataLoader<K, V, C>;
  }
}
