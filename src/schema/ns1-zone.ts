import { z } from 'zod';
import type { Ns1SecondaryServer, Ns1ZoneDetail } from '../providers/ns1/zones.js';
import { versionOf } from '../resolvers/version.js';
import { writeOnlySecrets } from '../resolvers/write-only.js';
import { builder } from './builder.js';
import { emptyAsNull } from '../resolvers/empty-as-null.js';

const SecondaryServerRef = builder.objectRef<Ns1SecondaryServer>('Ns1SecondaryServer').implement({
  description: 'A secondary that may transfer the zone from NS1, and is notified of changes.',
  fields: (t) => ({
    ip: t.exposeString('ip', { description: 'Address of the secondary server.' }),
    port: t.exposeInt('port', { description: 'Port of the secondary, e.g. 53.' }),
    notify: t.exposeBoolean('notify', { description: 'Whether NS1 sends this server a NOTIFY when the zone changes.' }),
    networks: t.exposeIntList('networks', { description: 'NS1 network ids of this secondary, as NS1 sends them.' }),
  }),
});

const PrimaryRef = builder.objectRef<NonNullable<Ns1ZoneDetail['primary']>>('Ns1ZonePrimary').implement({
  description: 'Outbound zone transfers (AXFR) and NOTIFY to secondaries.',
  fields: (t) => ({
    enabled: t.exposeBoolean('enabled', { description: 'Whether NS1 allows outbound transfers (AXFR) of the zone.' }),
    secondaries: t.field({
      type: [SecondaryServerRef],
      resolve: (p) => p.secondaries,
      description: 'The secondaries allowed to transfer the zone, and whether each is notified.',
    }),
  }),
});

const SecondaryRef = builder.objectRef<NonNullable<Ns1ZoneDetail['secondary']>>('Ns1ZoneSecondary').implement({
  description: 'NS1 slaving the zone from an external primary.',
  fields: (t) => ({
    enabled: t.exposeBoolean('enabled', { description: 'Whether NS1 slaves this zone from the external primary.' }),
    primaryIp: t.exposeString('primaryIp', { nullable: true, description: 'Address of the external primary NS1 transfers the zone from.' }),
    primaryPort: t.exposeInt('primaryPort', { nullable: true, description: 'Port of the external primary; null when NS1 does not send one.' }),
    tsig: t.field({
      type: 'JSONObject',
      nullable: true,
      resolve: (s) => writeOnlySecrets(s.tsig),
      description:
        'TSIG settings that authenticate the transfers, as NS1 sends them; null without TSIG. The TSIG key in use; its secret is write-only and reads as "********".',
    }),
    status: t.exposeString('status', { nullable: true, description: 'Transfer status as NS1 reports it; null before NS1 reports one.' }),
    lastTransferAt: t.expose('lastTransferAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When NS1 last transferred the zone from the primary; null if never.',
    }),
    expired: t.exposeBoolean('expired', {
      nullable: true,
      description: 'Whether NS1 reports its slaved copy as expired; null when NS1 does not say.',
    }),
  }),
});

export const Ns1ZoneRef = builder.objectRef<Ns1ZoneDetail>('Ns1Zone').implement({
  description: 'A zone as NS1 serves it.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'NS1’s id of the zone.' }),
    serial: t.exposeInt('serial', { nullable: true, description: 'SOA serial; moves on every change.' }),
    ttl: t.exposeInt('ttl', { nullable: true, description: 'TTL of the SOA record, in seconds.' }),
    refresh: t.exposeInt('refresh', { nullable: true, description: 'SOA refresh: seconds between a secondary’s checks for a new serial.' }),
    retry: t.exposeInt('retry', { nullable: true, description: 'SOA retry: seconds a secondary waits to retry after a failed refresh.' }),
    expiry: t.exposeInt('expiry', {
      nullable: true,
      description: 'SOA expire: seconds after which a secondary that cannot refresh stops answering.',
    }),
    nxTtl: t.exposeInt('nxTtl', {
      nullable: true,
      description: 'Negative-caching TTL (SOA minimum): seconds resolvers cache that a name does not exist.',
    }),
    hostmaster: t.exposeString('hostmaster', { nullable: true, description: 'Contact address in the SOA record, e.g. "hostmaster@example.com".' }),
    dnsServers: t.exposeStringList('dnsServers', {
      description: 'The NS1 name servers assigned to the zone, e.g. "dns1.p03.nsone.net"; the registrar should list them.',
    }),
    networks: t.exposeIntList('networks', { description: 'NS1 networks the zone is served on (0 is the NSONE Global Network; see Query.networks).' }),
    networkPools: t.exposeStringList('networkPools', { description: 'NS1 name server pools of the zone, e.g. "p03".' }),
    link: t.field({ type: 'DomainName', nullable: true, description: 'The zone this linked zone points to.', resolve: (z) => z.link }),
    primary: t.field({
      type: PrimaryRef,
      nullable: true,
      resolve: (z) => z.primary,
      description: 'Outbound transfers to secondaries; null when NS1 does not send the setting.',
    }),
    secondary: t.field({
      type: SecondaryRef,
      nullable: true,
      resolve: (z) => z.secondary,
      description: 'Set when NS1 slaves the zone from an external primary; null for a zone NS1 is primary for.',
    }),
    meta: t.field({
      type: 'JSONObject',
      nullable: true,
      resolve: (zone) => emptyAsNull(zone.meta),
      description: 'Zone-level metadata, as NS1 sends it; null when none.',
    }),
    version: t.string({ description: 'Opaque; changes whenever the zone does. Pass it as `ifVersion` to updateZone.', resolve: (z) => versionOf(z) }),
  }),
});

const SecondaryServerInput = builder.inputType('Ns1SecondaryServerInput', {
  description: 'A secondary server NS1 allows to transfer the zone.',
  fields: (t) => ({
    ip: t.field({ type: 'IPv4', required: true, description: 'IPv4 address of the secondary, the only kind NS1 takes.' }),
    port: t.int({ validate: z.number().int().min(1).max(65535), description: 'Port of the secondary, 1 to 65535; 53 when left out.' }),
    notify: t.boolean({ description: 'Send this secondary a NOTIFY when the zone changes; false when left out.' }),
  }),
});

const PrimaryInput = builder.inputType('Ns1ZonePrimaryInput', {
  description: 'Outbound transfers (AXFR) and NOTIFY from NS1 to secondaries.',
  fields: (t) => ({
    enabled: t.boolean({ required: true, description: 'Allow outbound transfers of the zone.' }),
    secondaries: t.field({
      type: [SecondaryServerInput],
      required: true,
      description: 'The secondaries allowed to transfer it; replaces the list NS1 has.',
    }),
  }),
});

const SecondaryInput = builder.inputType('Ns1ZoneSecondaryInput', {
  description: 'Makes NS1 a secondary that slaves the zone from an external primary.',
  fields: (t) => ({
    enabled: t.boolean({ required: true, description: 'Slave the zone from the primary.' }),
    primaryIp: t.field({ type: 'IPv4', required: true, description: 'IPv4 address of the external primary.' }),
    primaryPort: t.int({
      validate: z.number().int().min(1).max(65535),
      description: 'Port of the primary, 1 to 65535; NS1 uses its default when left out.',
    }),
  }),
});

const seconds = z.number().int().min(0).max(2_147_483_647);

export const Ns1ZoneInput = builder.inputType('Ns1ZoneInput', {
  description: 'NS1 zone settings: SOA values, hostmaster, link, networks, outbound transfers, or slaving.',
  fields: (t) => ({
    ttl: t.int({ validate: seconds, description: 'TTL of the SOA record, in seconds (0 to 2147483647).' }),
    refresh: t.int({ validate: seconds, description: 'SOA refresh, in seconds.' }),
    retry: t.int({ validate: seconds, description: 'SOA retry, in seconds.' }),
    expiry: t.int({ validate: seconds, description: 'SOA expire, in seconds.' }),
    nxTtl: t.int({ validate: seconds, description: 'Negative-caching TTL (SOA minimum), in seconds.' }),
    hostmaster: t.field({ type: 'EmailAddress', description: 'Contact address for the SOA record.' }),
    link: t.field({ type: 'DomainName', description: 'Create a linked zone that answers with this zone’s records.' }),
    networks: t.intList({ validate: z.array(z.number().int().min(0)), description: 'NS1 network ids to serve the zone on (see Query.networks).' }),
    primary: t.field({ type: PrimaryInput, description: 'Allow outbound transfers to secondaries.' }),
    secondary: t.field({ type: SecondaryInput, description: 'Slave the zone from an external primary instead.' }),
    meta: t.field({ type: 'JSONObject', description: 'Zone-level metadata.' }),
  }),
});
