import { z } from 'zod';
import { ns1DataFeed, ns1DataSource, ns1DataSources } from '../loaders/ns1-ops.js';
import type { Ns1DataFeed, Ns1DataSource, Ns1FeedDestination } from '../providers/ns1/data.js';
import type { Ns1Described } from '../providers/ns1/ops-schemas.js';
import { destinationRecord, feedOfPointer, visibleDestinations } from '../resolvers/feeds.js';
import { requireNs1 } from '../resolvers/providers.js';
import { dataSourceTypes } from '../resolvers/ns1-catalogs.js';
import * as writes from '../resolvers/data-writes.js';
import { builder } from './builder.js';
import { FeedPointerRef, RecordRef } from './record.js';

export const DataSourceTypeRef = builder.objectRef<Ns1Described>('DataSourceType').implement({
  description: 'A kind of data source NS1 can connect, with the configuration it and its feeds take.',
  fields: (t) => ({
    key: t.exposeString('key'),
    shortDescription: t.exposeString('shortDescription', { nullable: true }),
    description: t.exposeString('description', { nullable: true, description: 'HTML.' }),
    config: t.expose('config', { type: 'JSONObject' }),
    feedConfig: t.expose('feedConfig', { type: 'JSONObject' }),
  }),
});

const FeedDestinationRef = builder.objectRef<Ns1FeedDestination>('FeedDestination').implement({
  description: 'A metadata table a feed writes to: an answer of a record.',
  fields: (t) => ({
    destType: t.exposeString('destType'),
    destId: t.exposeString('destId'),
    recordId: t.exposeID('recordId'),
    record: t.field({ type: RecordRef, nullable: true, resolve: (d, _a, ctx) => destinationRecord(ctx, d) }),
  }),
});

export const DataSourceRef = builder.objectRef<Ns1DataSource>('DataSource');
export const DataFeedRef = builder.objectRef<Ns1DataFeed>('DataFeed');

DataSourceRef.implement({
  description: 'An NS1 data source: where monitoring or third-party data enters NS1.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    sourceType: t.exposeString('sourceType'),
    config: t.expose('config', { type: 'JSONObject', nullable: true }),
    status: t.exposeString('status', { nullable: true }),
    feeds: t.field({ type: [DataFeedRef], resolve: (s) => s.feeds }),
  }),
});

DataFeedRef.implement({
  description: 'A data feed: one stream of metadata from a source, connected to answers.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    config: t.expose('config', { type: 'JSONObject', nullable: true }),
    data: t.expose('data', { type: 'JSONObject', nullable: true, description: 'The latest published data.' }),
    destinations: t.field({ type: [FeedDestinationRef], resolve: (f, _a, ctx) => visibleDestinations(ctx, f.destinations) }),
    source: t.field({ type: DataSourceRef, nullable: true, resolve: (f, _a, ctx) => ns1DataSource(requireNs1(ctx), f.sourceId) }),
  }),
});

builder.objectField(FeedPointerRef, 'dataFeed', (t) =>
  t.field({ type: DataFeedRef, nullable: true, description: 'The feed this pointer names.', resolve: (p, _a, ctx) => feedOfPointer(ctx, p) }),
);

const id = z.string().trim().min(1, 'must not be empty');

builder.queryFields((t) => ({
  dataSourceTypes: t.field({ type: [DataSourceTypeRef], resolve: (_r, _a, ctx) => dataSourceTypes(ctx) }),
  dataSources: t.field({ type: [DataSourceRef], resolve: (_r, _a, ctx) => ns1DataSources(requireNs1(ctx)) }),
  dataSource: t.field({
    type: DataSourceRef,
    nullable: true,
    args: { id: t.arg.id({ required: true, validate: id }) },
    resolve: (_r, args, ctx) => ns1DataSource(requireNs1(ctx), String(args.id)),
  }),
  dataFeed: t.field({
    type: DataFeedRef,
    nullable: true,
    args: { sourceId: t.arg.id({ required: true, validate: id }), id: t.arg.id({ required: true, validate: id }) },
    resolve: (_r, args, ctx) => ns1DataFeed(requireNs1(ctx), String(args.sourceId), String(args.id)),
  }),
}));

const DataSourceInput = builder.inputType('DataSourceInput', {
  fields: (t) => ({
    name: t.string({ required: true, validate: z.string().trim().min(1, 'must not be empty').max(255) }),
    sourceType: t.string({ required: true, description: 'One of dataSourceTypes.key, e.g. "nsone_v1".', validate: z.string().regex(/^[a-z0-9_]+$/, 'is not a data source type key') }),
    config: t.field({ type: 'JSONObject' }),
  }),
});

const UpdateDataSourceInput = builder.inputType('UpdateDataSourceInput', {
  fields: (t) => ({
    name: t.string({ validate: z.string().trim().min(1, 'must not be empty').max(255) }),
    config: t.field({ type: 'JSONObject' }),
  }),
});

const DataFeedInput = builder.inputType('DataFeedInput', {
  fields: (t) => ({
    name: t.string({ validate: z.string().trim().min(1, 'must not be empty').max(255) }),
    config: t.field({ type: 'JSONObject', description: "The source type's feed configuration, e.g. {\"label\": \"web-east\"}." }),
  }),
});

builder.mutationFields((t) => ({
  createDataSource: t.field({ type: DataSourceRef, args: { input: t.arg({ type: DataSourceInput, required: true }) }, resolve: (_r, { input }, ctx) => writes.createDataSource(ctx, input) }),
  updateDataSource: t.field({
    type: DataSourceRef,
    args: { id: t.arg.id({ required: true, validate: id }), input: t.arg({ type: UpdateDataSourceInput, required: true }) },
    resolve: (_r, args, ctx) => writes.updateDataSource(ctx, String(args.id), args.input),
  }),
  deleteDataSource: t.boolean({ args: { id: t.arg.id({ required: true, validate: id }) }, resolve: (_r, args, ctx) => writes.deleteDataSource(ctx, String(args.id)) }),
  createDataFeed: t.field({
    type: DataFeedRef,
    args: { sourceId: t.arg.id({ required: true, validate: id }), input: t.arg({ type: DataFeedInput, required: true }) },
    resolve: (_r, args, ctx) => writes.createDataFeed(ctx, String(args.sourceId), args.input),
  }),
  updateDataFeed: t.field({
    type: DataFeedRef,
    args: { sourceId: t.arg.id({ required: true, validate: id }), id: t.arg.id({ required: true, validate: id }), input: t.arg({ type: DataFeedInput, required: true }) },
    resolve: (_r, args, ctx) => writes.updateDataFeed(ctx, String(args.sourceId), String(args.id), args.input),
  }),
  deleteDataFeed: t.boolean({
    args: { sourceId: t.arg.id({ required: true, validate: id }), id: t.arg.id({ required: true, validate: id }) },
    resolve: (_r, args, ctx) => writes.deleteDataFeed(ctx, String(args.sourceId), String(args.id)),
  }),
  publishFeedData: t.boolean({
    description: 'Publishes metadata to a source: for all its feeds, or keyed by feed label. Answers pointing at the feeds show it on the next query.',
    args: { sourceId: t.arg.id({ required: true, validate: id }), data: t.arg({ type: 'JSONObject', required: true }) },
    resolve: (_r, args, ctx) => writes.publishFeedData(ctx, String(args.sourceId), args.data),
  }),
}));
