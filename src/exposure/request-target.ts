import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A request target in absolute form (`POST http://host/graphql`, RFC 9112 §3.2.2), which a server must accept, turned
 * into origin form with the target's authority as its Host, as the RFC has a server do; so the Host check judges the
 * host the request names. False for any other target that is not origin form (`*`, or no URL at all).
 */
export function toOriginForm(request: IncomingMessage): boolean {
  const target = request.url ?? '/';
  if (target.startsWith('/')) return true;
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return false;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.host) return false;
  request.url = `${url.pathname}${url.search}`;
  request.headers.host = url.host;
  return true;
}

/** The answer to a request whose target names no resource of the gateway: a GraphQL error, never a stack trace. */
export function refuseTarget(response: ServerResponse): void {
  const body = JSON.stringify({
    errors: [{ message: 'The request target is neither a path nor an http(s) URL', extensions: { code: 'BAD_REQUEST' } }],
  });
  response.writeHead(400, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}
