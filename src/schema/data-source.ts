import { z } from 'zod';
import type { Ns1DataSource } from '../providers/ns1/data.js';
import { writeOnlySecrets } from '../resolvers/write-only.js';
import { builder } from './builder.js';
import { DataFeedRef } from './data-feed.js';
import { nameRule } from './input-rules.js';

export const DataSourceRef = builder.objectRef<Ns1DataSource>('DataSource');

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

export const DataSourceInput = builder.inputType('DataSourceInput', {
  description: 'A new data source.',
  fields: (t) => ({
    name: t.string({
      required: true,
      validate: nameRule,
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

export const UpdateDataSourceInput = builder.inputType('UpdateDataSourceInput', {
  description: 'Changes to a data source; fields left out stay as they are.',
  fields: (t) => ({
    name: t.string({ validate: nameRule, description: 'New display name, 1 to 255 characters.' }),
    config: t.field({
      type: 'JSONObject',
      description: 'New options of the source type, in place of the old ones; a secret sent back as it reads ("********") keeps its value.',
    }),
  }),
});
