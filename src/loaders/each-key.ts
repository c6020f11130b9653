/**
 * A DataLoader batch function for upstreams without a batch endpoint: one request per distinct key, all
 * in flight together (the HTTP pool bounds concurrency), with an Error in place of a key that failed.
 */
export function eachKey<K, V>(load: (key: K) => Promise<V>) {
  return (keys: readonly K[]): Promise<Array<V | Error>> =>
    Promise.all(keys.map((key) => load(key).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))))));
}
