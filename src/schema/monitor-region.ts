import type { Ns1MonitorRegion } from '../providers/ns1/monitoring.js';
import { builder } from './builder.js';

export const MonitorRegionRef = builder.objectRef<Ns1MonitorRegion>('MonitorRegion').implement({
  description: 'A region NS1 monitoring runs checks from.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'The region code jobs list in regions, e.g. "lga".' }),
    name: t.exposeString('name', { description: 'Display name of the region, e.g. "New York".' }),
    subnets: t.exposeStringList('subnets', { description: 'Where monitoring traffic comes from.' }),
  }),
});
