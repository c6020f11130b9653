import { buddyNsDelegation, buddyNsZoneStatus } from '../loaders/buddyns.js';
import type { BuddyNsDelegation, BuddyNsZone } from '../providers/buddyns/zones.js';
import { requireBuddyNs } from '../resolvers/providers.js';
import { BuddyNsZoneStatusRef } from './buddyns-zone-status.js';
import { builder } from './builder.js';

const BuddyNsDelegationRef = builder.objectRef<BuddyNsDelegation>('BuddyNsDelegation').implement({
  description: "Whether a zone's delegation to BuddyNS is in order (GET /zone/{name}/delegation/).",
  fields: (t) => ({
    registryOk: t.exposeBoolean('registryOk', { description: 'The registry lists the BuddyNS name servers.' }),
    authorityOk: t.exposeBoolean('authorityOk', { description: "The zone's NS records include the BuddyNS name servers." }),
    masterOk: t.exposeBoolean('masterOk', { description: 'BuddyNS can reach the master.' }),
    master: t.string({
      nullable: true,
      resolve: (d) => d.master || null,
      description: 'The master address BuddyNS checked (IPv4 or IPv6); null when the zone has none.',
    }),
  }),
});

export const BuddyNsZoneRef = builder.objectRef<BuddyNsZone>('BuddyNsZone').implement({
  description: 'A zone as BuddyNS serves it as secondary DNS.',
  fields: (t) => ({
    name: t.field({ type: 'DomainName', description: 'The zone name, in Unicode.', resolve: (z) => z.asciiName }),
    asciiName: t.exposeString('asciiName', { description: 'IDNA (punycode) form of the name.' }),
    serial: t.exposeInt('serial', { nullable: true, description: 'SOA serial BuddyNS serves; null until the first transfer.' }),
    master: t.exposeString('master', { description: 'IPv4 or IPv6 address of the master, "" when none.' }),
    createdAt: t.expose('createdAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the zone was added to BuddyNS; null when BuddyNS sends no time.',
    }),
    status: t.field({
      type: BuddyNsZoneStatusRef,
      nullable: true,
      resolve: (z, _a, ctx) => buddyNsZoneStatus(requireBuddyNs(ctx), z.asciiName),
      description:
        'Transfer status from the master: one more BuddyNS request per zone (GET /zone/{name}/status/). Null, with an error at this path, when BuddyNS does not answer.',
    }),
    delegation: t.field({
      type: BuddyNsDelegationRef,
      nullable: true,
      resolve: (z, _a, ctx) => buddyNsDelegation(requireBuddyNs(ctx), z.asciiName),
      description:
        'Delegation checks: one more BuddyNS request per zone (GET /zone/{name}/delegation/). Null, with an error at this path, when BuddyNS does not answer.',
    }),
  }),
});

export const BuddyNsZoneInput = builder.inputType('BuddyNsZoneInput', {
  description: 'BuddyNS settings of a new zone.',
  fields: (t) => ({
    master: t.field({
      type: 'IP',
      description:
        "Defaults to NS1's transfer address when the zone is also created on NS1; otherwise left out, the zone has no master of its own, as BuddyNS allows.",
    }),
  }),
});
