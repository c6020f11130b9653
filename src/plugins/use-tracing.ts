import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { getOperationAST, print, type DocumentNode } from 'graphql';
import { getDocumentString } from '@envelop/core';
import { context, propagation, ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import type { Plugin } from 'graphql-yoga';

// Loaded only when tracing is on: it brings the OpenTelemetry trace SDK, slow to import.
const load = () => createRequire(import.meta.url)('@envelop/opentelemetry') as typeof import('@envelop/opentelemetry');

const headerGetter = {
  keys: (headers: Headers) => [...headers.keys()],
  get: (headers: Headers, key: string) => headers.get(key) ?? undefined,
};

/**
 * A server span per operation (`query.Dashboard`) with its name, type and document hash, continuing the
 * caller's W3C `traceparent`; upstream spans made while it runs are its children. Neither the document
 * (it may carry inline arguments) nor variables nor results go into a span.
 */
export function useTracing(): Plugin[] {
  const { getCurrentOtelContext, setCurrentOtelContext, useOpenTelemetry } = load();
  const opentelemetry = useOpenTelemetry(
    { resolvers: false, variables: false, result: false, document: false },
    trace.getTracerProvider(),
    SpanKind.SERVER,
    {},
    'dnsgraph',
  ) as Plugin;
  const callerContext: Plugin = {
    onContextBuilding: ({ context: graphqlContext }) => {
      const request = (graphqlContext as { request?: Request }).request;
      if (request) setCurrentOtelContext(graphqlContext, propagation.extract(ROOT_CONTEXT, request.headers, headerGetter));
    },
  };
  const describe = (args: { contextValue: unknown; document: DocumentNode; operationName?: string | null | undefined }) => {
    const span = trace.getSpan(getCurrentOtelContext(args.contextValue) ?? context.active());
    const operation = getOperationAST(args.document, args.operationName);
    span?.setAttributes({
      'graphql.operation.name': operation?.name?.value ?? 'anonymous',
      'graphql.operation.type': operation?.operation ?? 'unknown',
      'graphql.document.hash': createHash('sha256').update(getDocumentString(args.document, print)).digest('hex'),
    });
  };
  const operationAttributes: Plugin = {
    onExecute: ({ args }) => describe(args),
    onSubscribe: ({ args }) => describe(args),
  };
  return [callerContext, opentelemetry, operationAttributes];
}
