import { missingScope } from '../auth/forbidden.js';
import type { Scope } from '../auth/scopes.js';
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
 * resolve through the same per-request loaders as every other field, after the scope their type needs;
 * a representation of a zone the caller's token does not grant resolves to null.
 */
/** A representation whose type the token may not read resolves to null, with the refusal reported once at `_entities`. */
function withScope<T>(ctx: GatewayContext, scope: Scope, resolve: () => T): T | null {
  if (ctx.principal.scopes.has(scope)) return resolve();
  if (!ctx.partialFailures.some((f) => f.path.length === 1 && f.path[0] === '_entities' && (f.error as Error).message.includes(scope))) {
    ctx.partialFailures.push({ error: missingScope([scope]), path: ['_entities'] });
  }
  return null;
}

builder.asEntity(ZoneRef, {
  key: builder.selection<{ name: string }>('name'),
  resolveReference: (ref, ctx) => withScope(ctx, 'dns:read', () => references.zoneReference(ctx, ref)),
});

builder.asEntity(RecordRef, {
  key: builder.selection<{ zone: string; domain: string; type: string }>('zone domain type'),
  resolveReference: (ref, ctx) => withScope(ctx, 'dns:read', () => references.recordReference(ctx, ref)),
});

builder.asEntity(MonitorJobRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref, ctx) => withScope(ctx, 'monitoring:read', () => references.monitorJobReference(ctx, ref)),
});

builder.asEntity(DataSourceRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref, ctx) => withScope(ctx, 'data:read', () => references.dataSourceReference(ctx, ref)),
});

builder.asEntity(DataFeedRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref, ctx) => withScope(ctx, 'data:read', () => references.dataFeedReference(ctx, ref)),
});

builder.asEntity(InvoiceRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref, ctx) => withScope(ctx, 'billing:read', () => references.invoiceReference(ctx, ref)),
});
