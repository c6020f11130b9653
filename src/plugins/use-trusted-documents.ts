import { readFileSync } from 'node:fs';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { GraphQLError } from 'graphql';
import type { GraphQLParams, Plugin } from 'graphql-yoga';
import { z } from 'zod';

/** The operations of a persisted-documents manifest, by the hash the client sends instead of the text. */
export type TrustedDocuments = ReadonlyMap<string, string>;

/** GraphQL Code Generator's client preset with `persistedDocuments: true` writes `{ "<hash>": "<document>" }`. */
const manifestSchema = z.record(z.string().min(1), z.string().min(1));

export function loadTrustedDocuments(path: string): TrustedDocuments {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`TRUSTED_DOCUMENTS: cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw new Error(`TRUSTED_DOCUMENTS: ${path} is not a persisted-documents manifest ({ "<hash>": "<document>" })`);
  return new Map(Object.entries(parsed.data));
}

/** `documentId` (the client preset and the GraphQL-over-HTTP appendix) or Apollo's `persistedQuery` hash. */
export function documentIdOf(params: { extensions?: Record<string, unknown> | null | undefined; documentId?: unknown }): string | undefined {
  if (typeof params.documentId === 'string') return params.documentId.replace(/^sha256:/, '');
  const persisted = params.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined;
  return typeof persisted?.sha256Hash === 'string' ? persisted.sha256Hash : undefined;
}

const refusal = (message: string, code: string) => new GraphQLError(message, { extensions: { code, http: { status: 400 } } });

export const TRUSTED_DOCUMENT_ERRORS = {
  notTrusted: () => refusal('Only trusted documents run on this gateway: send a documentId from its manifest, not a query', 'PERSISTED_QUERY_ONLY'),
  unknown: () => refusal('No trusted document has this documentId', 'PERSISTED_QUERY_NOT_FOUND'),
  missing: () => refusal('Send the documentId of a trusted document', 'PERSISTED_QUERY_ID_REQUIRED'),
};

/** The operation text a request asks for, or the error that refuses it: the same rule for HTTP and WebSocket. */
export function trustedQueryOf(
  documents: TrustedDocuments,
  params: { query?: unknown; documentId?: unknown; extensions?: Record<string, unknown> | null | undefined },
): string | GraphQLError {
  if (params.query) return TRUSTED_DOCUMENT_ERRORS.notTrusted();
  const id = documentIdOf(params);
  if (id === undefined) return TRUSTED_DOCUMENT_ERRORS.missing();
  return documents.get(id) ?? TRUSTED_DOCUMENT_ERRORS.unknown();
}

/**
 * A GET request's `documentId` (`/graphql?documentId=<hash>&variables=…`, as the GraphQL-over-HTTP appendix sends
 * it): yoga's GET parser reads only `query`, `operationName`, `variables` and `extensions`.
 */
function documentIdInQueryString(request: Request): string | undefined {
  if (request.method !== 'GET') return undefined;
  const documentId = new URL(request.url).searchParams.get('documentId');
  return documentId ? documentIdOf({ documentId }) : undefined;
}

/**
 * With TRUSTED_DOCUMENTS, only the manifest's operations run, by their hash; any other text is refused. A GET
 * runs a listed query as a POST would (a listed mutation over GET is refused like any mutation over GET).
 */
export function useTrustedDocuments(documents: TrustedDocuments): Plugin {
  return usePersistedOperations({
    allowArbitraryOperations: false,
    extractPersistedOperationId: (params, request) =>
      documentIdOf(params as GraphQLParams & { documentId?: unknown }) ?? documentIdInQueryString(request) ?? null,
    getPersistedOperation: (id) => documents.get(id) ?? null,
    customErrors: {
      persistedQueryOnly: () => TRUSTED_DOCUMENT_ERRORS.notTrusted(),
      notFound: () => TRUSTED_DOCUMENT_ERRORS.unknown(),
      keyNotFound: () => TRUSTED_DOCUMENT_ERRORS.missing(),
    },
  });
}
