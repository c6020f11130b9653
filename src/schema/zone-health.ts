import type { ZoneHealth } from '../resolvers/zones/assess-health.js';
import { builder } from './builder.js';

export const ZoneHealthRef = builder.objectRef<ZoneHealth>('ZoneHealth').implement({
  description: "A zone's health across providers: serials, transfers, delegation, and what to fix.",
  fields: (t) => ({
    serialNs1: t.exposeInt('serialNs1', { nullable: true, description: "NS1's SOA serial, if the zone is on NS1." }),
    serialBuddyNs: t.exposeInt('serialBuddyNs', { nullable: true, description: "BuddyNS's serial, if the zone is on BuddyNS." }),
    serialsInSync: t.exposeBoolean('serialsInSync', { nullable: true, description: 'Null when the zone is on one provider only.' }),
    transferOk: t.exposeBoolean('transferOk', { nullable: true, description: "BuddyNS's last transfer succeeded." }),
    delegationOk: t.exposeBoolean('delegationOk', { nullable: true, description: 'BuddyNS registry, authority and master checks all pass.' }),
    problems: t.exposeStringList('problems', { description: 'What is wrong, in words a person can act on; empty when healthy.' }),
    complete: t.exposeBoolean('complete', {
      description: 'False when a provider did not answer: the problems then name it, and what it would have told is unknown.',
    }),
  }),
});
