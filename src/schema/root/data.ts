import { ns1DataFeed, ns1DataSource, ns1DataSources } from '../../loaders/ns1-ops.js';
import { createDataFeed, deleteDataFeed, updateDataFeed } from '../../resolvers/data/feeds.js';
import { createDataSource, dataSourceTypes, deleteDataSource, publishFeedData, updateDataSource } from '../../resolvers/data/sources.js';
import { requireNs1 } from '../../resolvers/providers.js';
import { builder } from '../builder.js';
import { DataFeedInput, DataFeedRef } from '../data-feed.js';
import { DataSourceTypeRef } from '../data-source-type.js';
import { DataSourceInput, DataSourceRef, UpdateDataSourceInput } from '../data-source.js';
import { idRule } from '../input-rules.js';

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
    args: { id: t.arg.id({ required: true, validate: idRule }) },
    resolve: (_r, args, ctx) => ns1DataSource(requireNs1(ctx), String(args.id)),
    description: 'One NS1 data source by id, with its feeds; null when NS1 does not have it.',
  }),
  dataFeed: t.field({
    type: DataFeedRef,
    nullable: true,
    args: { sourceId: t.arg.id({ required: true, validate: idRule }), id: t.arg.id({ required: true, validate: idRule }) },
    resolve: (_r, args, ctx) => ns1DataFeed(requireNs1(ctx), String(args.sourceId), String(args.id)),
    description: 'One data feed of a source; null when NS1 does not have it.',
  }),
}));

builder.mutationFields((t) => ({
  createDataSource: t.field({
    type: DataSourceRef,
    args: { input: t.arg({ type: DataSourceInput, required: true }) },
    resolve: (_r, { input }, ctx) => createDataSource(ctx, input),
    description: 'Connects a new NS1 data source and returns it. Some source types stay pending until the source verifies itself.',
  }),
  updateDataSource: t.field({
    type: DataSourceRef,
    args: { id: t.arg.id({ required: true, validate: idRule }), input: t.arg({ type: UpdateDataSourceInput, required: true }) },
    resolve: (_r, args, ctx) => updateDataSource(ctx, String(args.id), args.input),
    description: 'Changes a data source’s name or configuration and returns it as NS1 now has it.',
  }),
  deleteDataSource: t.boolean({
    args: { id: t.arg.id({ required: true, validate: idRule }) },
    resolve: (_r, args, ctx) => deleteDataSource(ctx, String(args.id)),
    description: 'Deletes a data source and its feeds; true once NS1 has removed it.',
  }),
  createDataFeed: t.field({
    type: DataFeedRef,
    args: { sourceId: t.arg.id({ required: true, validate: idRule }), input: t.arg({ type: DataFeedInput, required: true }) },
    resolve: (_r, args, ctx) => createDataFeed(ctx, String(args.sourceId), args.input),
    description: 'Adds a feed to a data source and returns it. A feed needs a name (BAD_USER_INPUT without one).',
  }),
  updateDataFeed: t.field({
    type: DataFeedRef,
    args: {
      sourceId: t.arg.id({ required: true, validate: idRule }),
      id: t.arg.id({ required: true, validate: idRule }),
      input: t.arg({ type: DataFeedInput, required: true }),
    },
    resolve: (_r, args, ctx) => updateDataFeed(ctx, String(args.sourceId), String(args.id), args.input),
    description: 'Changes a feed’s name or configuration and returns it as NS1 now has it.',
  }),
  deleteDataFeed: t.boolean({
    args: { sourceId: t.arg.id({ required: true, validate: idRule }), id: t.arg.id({ required: true, validate: idRule }) },
    resolve: (_r, args, ctx) => deleteDataFeed(ctx, String(args.sourceId), String(args.id)),
    description: 'Deletes a feed from its source; true once NS1 has removed it.',
  }),
  publishFeedData: t.boolean({
    description: 'Publishes metadata to a source: for all its feeds, or keyed by feed label. Answers pointing at the feeds show it on the next query.',
    args: { sourceId: t.arg.id({ required: true, validate: idRule }), data: t.arg({ type: 'JSONObject', required: true }) },
    resolve: (_r, args, ctx) => publishFeedData(ctx, String(args.sourceId), args.data),
  }),
}));
