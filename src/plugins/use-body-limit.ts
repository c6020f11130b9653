import type { Plugin } from 'graphql-yoga';
import type { ExposureConfig } from '../config-exposure.js';
import type { CountRefusal } from './use-metrics.js';

const tooLarge = (Response: typeof globalThis.Response, limit: number, setting: string): Response =>
  Response.json(
    { errors: [{ message: `The request body is larger than ${limit} bytes (${setting})`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] },
    { status: 413 },
  );

/**
 * Reads what the client still sends and drops it, so the 413 reaches it: closing a socket with unread data
 * would reset the connection before the client reads the answer.
 */
async function discard(body: ReadableStream<Uint8Array>): Promise<void> {
  const reader = body.getReader();
  while (!(await reader.read()).done);
}

/** The body of a request that declares no length, kept up to `limit` bytes: undefined when it is longer. */
async function readUpTo(body: ReadableStream<Uint8Array<ArrayBuffer>>, limit: number): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size <= limit) chunks.push(value);
  }
  if (size > limit) return undefined;
  // Most such bodies arrive in one chunk, which needs no copy.
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
}

/**
 * Answers 413 before anything parses a body longer than `MAX_BODY_BYTES` (`MAX_UPLOAD_BYTES` for
 * multipart uploads): by its `Content-Length`, or by counting a chunked body as it arrives.
 */
export function useBodyLimit(exposure: ExposureConfig, countRefusal: CountRefusal): Plugin {
  return {
    // Synchronous unless the body must be read here: most requests declare a length within the limit.
    onRequest({ request, setRequest, endResponse, fetchAPI }) {
      const upload = request.headers.get('content-type')?.toLowerCase().startsWith('multipart/form-data') ?? false;
      const [limit, setting] = upload ? [exposure.maxUploadBytes, 'MAX_UPLOAD_BYTES'] : [exposure.maxBodyBytes, 'MAX_BODY_BYTES'];
      const declared = request.headers.get('content-length');
      // Checked before `request.body`, which would build a stream over a body the parser reads without one.
      if (declared !== null && Number(declared) <= limit) return;
      const body = request.body;
      if (!body) return;
      const refuse = () => {
        countRefusal('body_too_large');
        endResponse(tooLarge(fetchAPI.Response, limit, setting));
      };
      return (async () => {
        if (declared !== null) {
          await discard(body);
          refuse();
          return;
        }
        const read = await readUpTo(body, limit);
        if (!read) {
          refuse();
          return;
        }
        const headers = new fetchAPI.Headers(request.headers);
        headers.set('content-length', String(read.byteLength));
        setRequest(new fetchAPI.Request(request.url, { method: request.method, headers, body: read, signal: request.signal }));
      })();
    },
  };
}
