const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

/** One key's load, its failure as an Error value, whether it failed at once (refused input) or later. */
function settled<K, V>(load: (key: K) => Promise<V>, key: K): Promise<V | Error> {
  try {
    return load(key).catch(asError);
  } catch (error) {
    return Promise.resolve(asError(error));
  }
}

/**
 * A DataLoader batch function for upstreams without a batch endpoint: one request per distinct key, all
 * in flight together (the HTTP pool bounds concurrency), with an Error in place of a key that failed.
 */
export function eachKey<K, V>(load: (key: K) => Promise<V>) {
  return (keys: readonly K[]): Promise<Array<V | Error>> => Promise.all(keys.map((key) => settled(load, key)));
}
