import { missingScope } from '../auth/forbidden.js';
import { GatewayError } from '../errors/gateway-error.js';
import { ENTITY_SCOPES } from '../auth/field-rules.js';
import type { GatewayContext } from '../context.js';
import * as references from '../resolvers/entity-references.js';
import { builder } from './builder.js';
import { DataFeedRef } from './data-feed.js';
import { DataSourceRef } from './data-source.js';
import { InvoiceRef } from './invoice.js';
import { MonitorJobRef } from './monitor-job.js';
import { RecordRef } from './record.js';
import { ZoneRef } from './zone.js';

/**
 * The types other subgraphs of a company supergraph can extend and refer to, with their keys. References
 * resolve through the same per-request loaders as every other field; a representation of a zone the caller's
 * token does not grant resolves to null.
 */

/**
 * FORBIDDEN, naming the scope (`ENTITY_SCOPES`), for a representation of a type the caller's token may not read, or
 * of a type no scope grants. Checked for each representation at its own position, before it is resolved.
 */
export function entityRefusal(typename: string, context: unknown): Error | undefined {
  const scope = ENTITY_SCOPES[typename];
  if (!scope) return new GatewayError('FORBIDDEN', `Forbidden: no scope grants ${typename} by reference`);
  return (context as GatewayContext).principal.scopes.has(scope) ? undefined : missingScope([scope]);
}

builder.asEntity(ZoneRef, {
  key: builder.selection<{ name: string }>('name'),
  resolveReference: (ref, ctx) => references.zoneReference(ctx, ref),
});

builder.asEntity(RecordRef, {
  key: builder.selection<{ zone: string; domain: string; type: string }>('zone domain type'),
  resolveReference: (ref, ctx) => references.recordReference(ctx, ref),
});

builder.asEntity(MonitorJobRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref, ctx) => references.monitorJobReference(ctx, ref),
});

builder.asEntity(DataSourceRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref, ctx) => references.dataSourceReference(ctx, ref),
});

builder.asEntity(DataFeedRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref, ctx) => references.dataFeedReference(ctx, ref),
});

builder.asEntity(InvoiceRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref, ctx) => references.invoiceReference(ctx, ref),
});
