import { z } from 'zod';
import { filterTypes, metaTypes, networks } from '../../resolvers/catalog/catalogs.js';
import { search, type SearchResult } from '../../resolvers/catalog/search.js';
import { builder } from '../builder.js';
import { FilterTypeRef } from '../filter-type.js';
import { MetaTypeRef } from '../meta-type.js';
import { NetworkRef } from '../network.js';
import { SearchResultUnion, SearchTypeEnum } from '../search-result.js';

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
    description:
      'NS1 zones and records whose names contain the query: text in ASCII as NS1 holds names (punycode), text with Unicode in their ASCII or Unicode form ("müller" finds müller-qa.de), among the first 1,000 names NS1 finds for its longest ASCII part.',
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
