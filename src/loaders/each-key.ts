const ignore = (): void => undefined;

/** One key's load as a promise, whether it failed at once (refused input) or later. */
function started<K, V>(load: (key: K) => Promise<V>, key: K): Promise<V> {
  let promise: Promise<V>;
  try {
    promise = load(key);
  } catch (error) {
    promise = Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  // DataLoader takes the rejection over once it resolves the key's load with this promise, a microtask later.
  promise.catch(ignore);
  return promise;
}

/**
 * A DataLoader batch function for upstreams without a batch endpoint: one request per distinct key, all
 * in flight together (the HTTP pool bounds concurrency). Each key's value is its own request's promise,
 * which DataLoader resolves that key's load with: every key settles as its own answer arrives, rather than
 * all of them when the batch's slowest does, so what depends on one zone starts while others are on the way.
 */
export function eachKey<K, V>(load: (key: K) => Promise<V>) {
  return (keys: readonly K[]): Promise<Array<V | Error>> => Promise.resolve(keys.map((key) => started(load, key)) as unknown as Array<V | Error>);
}
