import type { Ns1Network } from '../providers/ns1/catalog.js';
import { builder } from './builder.js';

export const NetworkRef = builder.objectRef<Ns1Network>('Network').implement({
  description: 'An NS1 DNS network zones can be served on (0 is the NSONE Global Network).',
  fields: (t) => ({
    id: t.exposeInt('id', { description: 'The network id zones and records list in their networks.' }),
    label: t.exposeString('label', { description: 'Short label of the network, as NS1 names it.' }),
    name: t.exposeString('name', { description: 'Display name of the network.' }),
  }),
});
