import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { GraphiQLOptions, Plugin } from 'graphql-yoga';

interface Page {
  etag: string;
  bodies: { br: Buffer; gzip: Buffer; identity: Buffer };
}

function build(options: GraphiQLOptions): Page {
  const identity = Buffer.from(renderGraphiQL(options));
  return {
    etag: `"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`,
    bodies: {
      identity,
      gzip: gzipSync(identity, { level: 9 }),
      // Quality 11 would take seconds on a page of several megabytes for little gain.
      br: brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 6 } }),
    },
  };
}

function encodingFor(acceptEncoding: string | null): keyof Page['bodies'] {
  const accepted = (acceptEncoding ?? '')
    .toLowerCase()
    .split(',')
    .map((e) => e.split(';')[0]?.trim());
  if (accepted.includes('br')) return 'br';
  if (accepted.includes('gzip')) return 'gzip';
  return 'identity';
}

/** A browser opening the GraphQL endpoint: what GraphiQL's page answers, and with GraphiQL off, its absence. */
const isPageRequest = (request: Request, url: URL, endpoint: string): boolean =>
  request.method === 'GET' && url.pathname === endpoint && (request.headers.get('accept')?.includes('text/html') ?? false);

const GRAPHIQL_DISABLED = 'GraphiQL is disabled on this gateway. Its operator can enable it with the GRAPHIQL=true setting.\n';

/** The parameters a GET carries for an operation rather than for a page. */
const OPERATION_PARAMETERS = ['query', 'documentId', 'extensions'];

/**
 * With GraphiQL off, a browser opening the GraphQL endpoint gets 406 (there is no page to accept) and one line
 * saying so, rather than an empty answer. A GET that carries an operation is left to run, or be refused, as any.
 */
export function useGraphiQLDisabled(endpoint: string): Plugin {
  return {
    onRequest({ request, url, fetchAPI, endResponse }) {
      if (!isPageRequest(request, url, endpoint) || OPERATION_PARAMETERS.some((name) => url.searchParams.has(name))) return;
      endResponse(
        new fetchAPI.Response(GRAPHIQL_DISABLED, {
          status: 406,
          headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
        }),
      );
    },
  };
}

/**
 * GraphiQL (bundled, so it works offline) at the GraphQL endpoint in a browser: rendered and compressed
 * once, served with an ETag and a cache lifetime, so a browser downloads its megabytes once.
 */
export function useGraphiQLPage(endpoint: string, options: GraphiQLOptions): Plugin {
  let page: Page | undefined;
  return {
    onRequest({ request, url, fetchAPI, endResponse }) {
      if (!isPageRequest(request, url, endpoint)) return;
      page ??= build(options);
      const headers = { etag: page.etag, 'cache-control': 'public, max-age=3600', vary: 'Accept-Encoding' };
      if (request.headers.get('if-none-match') === page.etag) {
        endResponse(new fetchAPI.Response(null, { status: 304, headers }));
        return;
      }
      const encoding = encodingFor(request.headers.get('accept-encoding'));
      endResponse(
        new fetchAPI.Response(new Uint8Array(page.bodies[encoding]), {
          status: 200,
          headers: { ...headers, 'content-type': 'text/html; charset=utf-8', ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }) },
        }),
      );
    },
  };
}
