import { z } from 'zod';
import { ns1DataFeed, ns1DataSource, ns1DataSources } from '../loaders/ns1-ops.js';
import type { Ns1DataFeed, Ns1DataSource, Ns1FeedDestination } from '../providers/ns1/data.js';
import type { Ns1Described } from '../providers/ns1/described.js';
import { destinationRecord, feedOfPointer, visibleDestinations } from '../resolvers/feeds.js';
import { requireNs1 } from '../resolvers/providers.js';
import { dataSourceTypes } from '../resolvers/ns1-catalogs.js';
import * as writes from '../resolvers/data-writes.js';
import { builder } from './builder.js';
import { FeedPointerRef, RecordRef } from './record.js';
import { writeOnlySecrets } from '../resolvers/write-only.js';

export const DataSourceTypeRef = builder.objectRef<Ns1Described>('DataSourceType').implement({
  description: 'A kind of data source NS1 can connect, with the configuration it and its feeds take.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The source type key to create a DataSource with, e.g. "nsone_v1".' }),
    shortDescription: t.exposeString('shortDescription', { nullable: true, description: 'One line on the source type; null when NS1 gives none.' }),
    description: t.exposeString('description', { nullable: true, description: 'HTML.' }),
    config: t.expose('config', { type: 'JSONObject', description: 'The options a source of this type takes, and their descriptions.' }),
    feedConfig: t.expose('feedConfig', { type: 'JSONObject', description: 'The options each feed of such a source takes, and their descriptions.' }),
  }),
});

const FeedDestinationRef = builder.objectRef<Ns1FeedDestination>('FeedDestination').implement({
  description: 'A metadata table a feed writes to: an answer of a record.',
  fields: (t) => ({
    destType: t.exposeString('destType', { description: 'What the feed writes to, as NS1 names it, e.g. "answer".' }),
    destId: t.exposeString('destId', { description: 'Id of the destination, e.g. the answer’s id.' }),
    recordId: t.exposeID('recordId', { description: 'NS1 id of the record the destination belongs to.' }),
    record: t.field({
      type: RecordRef,
      nullable: true,
      resolve: (d, _a, ctx) => destinationRecord(ctx, d),
      description: 'The record the destination belongs to, in full; null when it no longer exists.',
    }),
  }),
});

export const DataSourceRef = builder.objectRef<Ns1DataSource>('DataSource');
export const DataFeedRef = builder.objectRef<Ns1DataFeed>('DataFeed');

DataSourceRef.implement({
  description: 'An NS1 data source: where monitoring or third-party data enters NS1.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'NS1’s id of the source.' }),
    name: t.exposeString('name', { description: 'Display name of the source.' }),
    sourceType: t.exposeString('sourceType', { description: 'The source type key (see Query.dataSourceTypes).' }),
    config: t.field({
      type: 'JSONObject',
      nullable: true,
      resolve: (s) => writeOnlySecrets(s.config),
      description:
        'The source’s configuration, as its type describes it; null when NS1 sends none. Secrets (keys, tokens, passwords, webhook URLs) are write-only: they read as "********".',
    }),
    status: t.exposeString('status', {
      nullable: true,
      description: 'Connection status as NS1 reports it, e.g. "ok"; some sources stay pending until they are verified.',
    }),
    feeds: t.field({ type: [DataFeedRef], description: 'The feeds of this source.', resolve: (s) => s.feeds }),
  }),
});

DataFeedRef.implement({
  description: 'A data feed: one stream of metadata from a source, connected to answers.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'NS1’s id of the feed.' }),
    name: t.exposeString('name', { description: 'Display name of the feed.' }),
    config: t.field({
      type: 'JSONObject',
      nullable: true,
      resolve: (f) => writeOnlySecrets(f.config),
      description:
        'The feed’s configuration, as its source type describes it, e.g. {"label": "server-2"}. Secrets (keys, tokens, passwords, webhook URLs) are write-only: they read as "********".',
    }),
    data: t.expose('data', { type: 'JSONObject', nullable: true, description: 'The latest published data.' }),
    destinations: t.field({
      type: [FeedDestinationRef],
      description: 'The answers this feed writes metadata to.',
      resolve: (f, _a, ctx) => visibleDestinations(ctx, f.destinations),
    }),
    source: t.field({
      type: DataSourceRef,
      nullable: true,
      resolve: (f, _a, ctx) => ns1DataSource(requireNs1(ctx), f.sourceId),
      description: 'The data source of this feed; null when it no longer exists.',
    }),
  }),
});

builder.objectField(FeedPointerRef, 'dataFeed', (t) =>
  t.field({ type: DataFeedRef, nullable: true, description: 'The feed this pointer names.', resolve: (p, _a, ctx) => feedOfPointer(ctx, p) }),
);

const id = z.string().trim().min(1, 'must not be empty');

builder.queryFields((t) => ({
  dataSourceTypes: t.field({
    type: [DataSourceTypeRef],
    resolve: (_r, _a, ctx) => dataSourceTypes(ctx),
    description: 'The kinds of data source NS1 can connect, with the configuration each takes.',
  }),
  dataSources: t.field({
    type: [DataSourceRef],
    resolve: (_r, _a, ctx) => ns1DataSources(requireNs1(ctx)),
    description: 'Every NS1 data source of the account, with its feeds.',
  }),
  dataSource: t.field({
    type: DataSourceRef,
    nullable: true,
    args: { id: t.arg.id({ required: true, validate: id }) },
    resolve: (_r, args, ctx) => ns1DataSource(requireNs1(ctx), String(args.id)),
    description: 'One NS1 data source by id, with its feeds; null when NS1 does not have it.',
  }),
  dataFeed: t.field({
    type: DataFeedRef,
    nullable: true,
    args: { sourceId: t.arg.id({ required: true, validate: id }), id: t.arg.id({ required: true, validate: id }) },
    resolve: (_r, args, ctx) => ns1DataFeed(requireNs1(ctx), String(args.sourceId), String(args.id)),
    description: 'One data feed of a source; null when NS1 does not have it.',
  }),
}));

const DataSourceInput = builder.inputType('DataSourceInput', {
  description: 'A new data source.',
  fields: (t) => ({
    name: t.string({
      required: true,
      validate: z.string().trim().min(1, 'must not be empty').max(255),
      description: 'Display name, 1 to 255 characters.',
    }),
    sourceType: t.string({
      required: true,
      description: 'One of dataSourceTypes.key, e.g. "nsone_v1".',
      validate: z.string().regex(/^[a-z0-9_]+$/, 'is not a data source type key'),
    }),
    config: t.field({ type: 'JSONObject', description: 'The options of the source type, as dataSourceTypes.config describes them.' }),
  }),
});

const UpdateDataSourceInput = builder.inputType('UpdateDataSourceInput', {
  description: 'Changes to a data source; fields left out stay as they are.',
  fields: (t) => ({
    name: t.string({ validate: z.string().trim().min(1, 'must not be empty').max(255), description: 'New display name, 1 to 255 characters.' }),
    config: t.field({ type: 'JSONObject', description: 'New options of the source type.' }),
  }),
});

const DataFeedInput = builder.inputType('DataFeedInput', {
  description: 'A data feed, or changes to one; on update, fields left out stay as they are.',
  fields: (t) => ({
    name: t.string({
      validate: z.string().trim().min(1, 'must not be empty').max(255),
      description: 'Display name, 1 to 255 characters; required to create a feed.',
    }),
    config: t.field({ type: 'JSONObject', description: 'The source type\'s feed configuration, e.g. {"label": "web-east"}.' }),
  }),
});

builder.mutationFields((t) => ({
  createDataSource: t.field({
    type: DataSourceRef,
    args: { input: t.arg({ type: DataSourceInput, required: true }) },
    resolve: (_r, { input }, ctx) => writes.createDataSource(ctx, input),
    description: 'Connects a new NS1 data source and returns it. Some source types stay pending until the source verifies itself.',
  }),
  updateDataSource: t.field({
    type: DataSourceRef,
    args: { id: t.arg.id({ required: true, validate: id }), input: t.arg({ type: UpdateDataSourceInput, required: true }) },
    resolve: (_r, args, ctx) => writes.updateDataSource(ctx, String(args.id), args.input),
    description: 'Changes a data source’s name or configuration and returns it as NS1 now has it.',
  }),
  deleteDataSource: t.boolean({
    args: { id: t.arg.id({ required: true, validate: id }) },
    resolve: (_r, args, ctx) => writes.deleteDataSource(ctx, String(args.id)),
    description: 'Deletes a data source and its feeds; true once NS1 has removed it.',
  }),
  createDataFeed: t.field({
    type: DataFeedRef,
    args: { sourceId: t.arg.id({ required: true, validate: id }), input: t.arg({ type: DataFeedInput, required: true }) },
    resolve: (_r, args, ctx) => writes.createDataFeed(ctx, String(args.sourceId), args.input),
    description: 'Adds a feed to a data source and returns it. A feed needs a name (BAD_USER_INPUT without one).',
  }),
  updateDataFeed: t.field({
    type: DataFeedRef,
    args: {
      sourceId: t.arg.id({ required: true, validate: id }),
      id: t.arg.id({ required: true, validate: id }),
      input: t.arg({ type: DataFeedInput, required: true }),
    },
    resolve: (_r, args, ctx) => writes.updateDataFeed(ctx, String(args.sourceId), String(args.id), args.input),
    description: 'Changes a feed’s name or configuration and returns it as NS1 now has it.',
  }),
  deleteDataFeed: t.boolean({
    args: { sourceId: t.arg.id({ required: true, validate: id }), id: t.arg.id({ required: true, validate: id }) },
    resolve: (_r, args, ctx) => writes.deleteDataFeed(ctx, String(args.sourceId), String(args.id)),
    description: 'Deletes a feed from its source; true once NS1 has removed it.',
  }),
  publishFeedData: t.boolean({
    description: 'Publishes metadata to a source: for all its feeds, or keyed by feed label. Answers pointing at the feeds show it on the next query.',
    args: { sourceId: t.arg.id({ required: true, validate: id }), data: t.arg({ type: 'JSONObject', required: true }) },
    resolve: (_r, args, ctx) => writes.publishFeedData(ctx, String(args.sourceId), args.data),
  }),
}));
