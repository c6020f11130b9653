import { ns1DataSource } from '../loaders/ns1-ops.js';
import type { Ns1DataFeed, Ns1FeedDestination } from '../providers/ns1/data.js';
import { destinationRecord, feedOfPointer, visibleDestinations } from '../resolvers/data/feeds.js';
import { requireNs1 } from '../resolvers/providers.js';
import { writeOnlySecrets } from '../resolvers/write-only.js';
import { builder } from './builder.js';
import { DataSourceRef } from './data-source.js';
import { nameRule } from './input-rules.js';
import { FeedPointerRef } from './record-parts.js';
import { RecordRef } from './record.js';

export const DataFeedRef = builder.objectRef<Ns1DataFeed>('DataFeed');

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

export const DataFeedInput = builder.inputType('DataFeedInput', {
  description: 'A data feed, or changes to one; on update, fields left out stay as they are.',
  fields: (t) => ({
    name: t.string({
      validate: nameRule,
      description: 'Display name, 1 to 255 characters; required to create a feed.',
    }),
    config: t.field({
      type: 'JSONObject',
      description:
        'The source type\'s feed configuration, e.g. {"label": "web-east"}; on update, in place of the old one, a secret sent back as it reads ("********") keeping its value.',
    }),
  }),
});
