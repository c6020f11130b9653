import type { Ns1Described } from '../providers/ns1/described.js';
import { builder } from './builder.js';

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
