import { requireScope } from '../auth/forbidden.js';
import * as references from '../resolvers/entity-references.js';
import { builder } from './builder.js';
import { InvoiceRef } from './billing.js';
import { DataFeedRef, DataSourceRef } from './data-source.js';
import { MonitorJobRef } from './monitor-job.js';
import { RecordRef } from './record.js';
import { ZoneRef } from './zone.js';

/**
 * The types other subgraphs of a company supergraph can extend and refer to, with their keys. References
 * resolve through the same per-request loaders as every other field, after the scope their type needs;
 * a representation of a zone the caller's token does not grant resolves to null.
 */
builder.asEntity(ZoneRef, {
  key: builder.selection<{ name: string }>('name'),
  resolveReference: (ref, ctx) => (requireScope(ctx.principal, 'dns:read'), references.zoneReference(ctx, ref)),
});

builder.asEntity(RecordRef, {
  key: builder.selection<{ zone: string; domain: string; type: string }>('zone domain type'),
  resolveReference: (ref, ctx) => (requireScope(ctx.principal, 'dns:read'), references.recordReference(ctx, ref)),
});

builder.asEntity(MonitorJobRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref, ctx) => (requireScope(ctx.principal, 'monitoring:read'), references.monitorJobReference(ctx, ref)),
});

builder.asEntity(DataSourceRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref, ctx) => (requireScope(ctx.principal, 'data:read'), references.dataSourceReference(ctx, ref)),
});

builder.asEntity(DataFeedRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref, ctx) => (requireScope(ctx.principal, 'data:read'), references.dataFeedReference(ctx, ref)),
});

builder.asEntity(InvoiceRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref, ctx) => (requireScope(ctx.principal, 'billing:read'), references.invoiceReference(ctx, ref)),
});
