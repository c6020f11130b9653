import { recordReference, zoneReference } from '../resolvers/entity-references.js';
import { builder } from './builder.js';
import { RecordRef } from './record.js';
import { ZoneRef } from './zone.js';

/** The types other subgraphs of a company supergraph can extend and refer to, with their keys. */
builder.asEntity(ZoneRef, {
  key: builder.selection<{ name: string }>('name'),
  resolveReference: (ref, ctx) => zoneReference(ctx, ref),
});

builder.asEntity(RecordRef, {
  key: builder.selection<{ zone: string; domain: string; type: string }>('zone domain type'),
  resolveReference: (ref, ctx) => recordReference(ctx, ref),
});
