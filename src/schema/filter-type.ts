import type { Ns1FilterType } from '../providers/ns1/catalog.js';
import { builder } from './builder.js';

export const FilterTypeRef = builder.objectRef<Ns1FilterType>('FilterType').implement({
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
