import type { Ns1Described } from '../providers/ns1/described.js';
import { builder } from './builder.js';

export const MonitorJobTypeRef = builder.objectRef<Ns1Described>('MonitorJobType').implement({
  description: 'A kind of monitoring job and its options.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The job type key, e.g. "ping", "tcp", "http" or "dns".' }),
    shortDescription: t.exposeString('shortDescription', { nullable: true, description: 'One line on the job type; null when NS1 gives none.' }),
    description: t.exposeString('description', { nullable: true, description: 'HTML.' }),
    config: t.expose('config', { type: 'JSONObject', description: 'Options and their descriptions.' }),
    results: t.expose('results', { type: 'JSONObject', description: 'Metrics and outputs rules can compare.' }),
  }),
});
