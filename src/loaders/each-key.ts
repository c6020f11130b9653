/**
 * A DataLoader batch function for upstreams without a batch endpoint: one request per distinct key, all
 * in flight together (the HTTP pool bounds concurrency), with an Error in place of a key that failed.
 */
export function eachKey<K, V>(load: (key: K) => Promise<V>) {
  return (keys: readonly K[]): Promise<Array<V | Error>> =>
    Promise.all(keys.map((key) => load(key).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))))));
}

/** A provider's 404 as an absence, not a failure. */
export async function orNull<V>(promise: Promise<V>): Promise<V | null> {
  try {
    return await promise;
  } catch (error) {
    if (error && typeof error === 'object' && 'code' in error && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}
