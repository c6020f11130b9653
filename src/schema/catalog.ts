import { z } from 'zod';
import type { Ns1FilterType, Ns1MetaType, Ns1Network } from '../providers/ns1/catalog.js';
import { filterTypes, metaTypes, networks } from '../resolvers/catalog/catalogs.js';
import { search, type SearchResult } from '../resolvers/catalog/search.js';
import { builder } from './builder.js';
import { RecordRef } from './record.js';
import { ZoneRef } from './zone.js';

const NetworkRef = builder.objectRef<Ns1Network>('Network').implement({
  description: 'An NS1 DNS network zones can be served on (0 is the NSONE Global Network).',
  fields: (t) => ({
    id: t.exposeInt('id', { description: 'The network id zones and records list in their networks.' }),
    label: t.exposeString('label', { description: 'Short label of the network, as NS1 names it.' }),
    name: t.exposeString('name', { description: 'Display name of the network.' }),
  }),
});

const MetaTypeRef = builder.objectRef<Ns1MetaType>('MetaType').implement({
  description: 'A metadata field answers, regions and records can carry.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The metadata key, as used in meta objects, e.g. "up" or "georegion".' }),
    shortDescription: t.exposeString('shortDescription', {
      nullable: true,
      description: 'One line on what the field means; null when NS1 gives none.',
    }),
    description: t.exposeString('description', { nullable: true, description: 'HTML.' }),
    category: t.exposeString('category', { nullable: true, description: 'The group NS1 files the field under; null when none.' }),
  }),
});

const FilterTypeRef = builder.objectRef<Ns1FilterType>('FilterType').implement({
  description: 'A filter available for traffic-steering filter chains.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The filter key, as used in Filter.filter, e.g. "up".' }),
    shortDescription: t.exposeString('shortDescription', {
      nullable: true,
      description: 'One line on what the filter does; null when NS1 gives none.',
    }),
    description: t.exposeString('description', { nullable: true, description: 'HTML.' }),
    tier: t.exposeInt('tier', {
      nullable: true,
      description: 'The NS1 tier of the filter, as NS1 sends it, e.g. 2; null when NS1 does not say.',
    }),
    inputs: t.exposeStringList('inputs', { description: 'Metadata fields the filter reads.' }),
    config: t.expose('config', { type: 'JSONObject', description: 'Configuration options and their descriptions.' }),
  }),
});

const SearchTypeEnum = builder.enumType('SearchType', {
  description: 'What search looks for.',
  values: {
    ALL: { value: 'all', description: 'Zones and records.' },
    ZONE: { value: 'zone', description: 'Zones only.' },
    RECORD: { value: 'record', description: 'Records only.' },
  } as const,
});

const SearchResultUnion = builder.unionType('SearchResult', {
  description: 'A search hit: a Zone or a Record.',
  types: [ZoneRef, RecordRef],
  resolveType: (value) => ('asciiName' in value && 'onNs1' in value ? ZoneRef : RecordRef),
});

builder.queryFields((t) => ({
  networks: t.field({
    type: [NetworkRef],
    resolve: (_r, _a, ctx) => networks(ctx),
    description: 'The NS1 networks zones can be served on. PROVIDER_NOT_CONFIGURED without NS1 credentials.',
  }),
  metaTypes: t.field({
    type: [MetaTypeRef],
    resolve: (_r, _a, ctx) => metaTypes(ctx),
    description: 'The metadata fields NS1 knows for answers, regions and records, with what they mean.',
  }),
  filterTypes: t.field({
    type: [FilterTypeRef],
    resolve: (_r, _a, ctx) => filterTypes(ctx),
    description: 'The filters NS1 offers for traffic-steering chains, with their options.',
  }),
  search: t.field({
    type: [SearchResultUnion],
    description: 'NS1 zones and records whose names contain the query.',
    args: {
      query: t.arg.string({ required: true, validate: z.string().trim().min(1, 'must not be empty') }),
      max: t.arg.int({ description: 'At most this many hits, 1 to 1000.', validate: z.number().int().min(1).max(1000) }),
      type: t.arg({ type: SearchTypeEnum, defaultValue: 'all', description: 'Zones, records or both.' }),
    },
    resolve: async (_r, args, ctx) =>
      (await search(ctx, args.query, { ...(args.max != null ? { max: args.max } : {}), type: args.type ?? 'all' })).map((hit: SearchResult) =>
        hit.kind === 'zone' ? hit.zone : hit.record,
      ),
  }),
}));
