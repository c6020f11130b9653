import type { ExecutionResult } from 'graphql';

/**
 * `encode` made once per result, however many subscribers the same result goes to. The result encoded last
 * is checked first, since a shared run hands each result to its subscribers one after another.
 */
export function encodedOnce(encode: (result: ExecutionResult) => Buffer): (result: ExecutionResult) => Buffer {
  const encoded = new WeakMap<ExecutionResult, Buffer>();
  let last: { result: ExecutionResult; bytes: Buffer } | undefined;
  return (result) => {
    if (last?.result === result) return last.bytes;
    let bytes = encoded.get(result);
    if (!bytes) encoded.set(result, (bytes = encode(result)));
    last = { result, bytes };
    return bytes;
  };
}
