import { z } from 'zod';
import { builder } from './builder.js';
import { ProviderEnum } from './provider.js';

const SecondaryServerInput = builder.inputType('Ns1SecondaryServerInput', {
  description: 'A secondary server NS1 allows to transfer the zone.',
  fields: (t) => ({
    ip: t.field({ type: 'IP', required: true, description: 'Address of the secondary.' }),
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

export const BuddyNsZoneInput = builder.inputType('BuddyNsZoneInput', {
  description: 'BuddyNS settings of a new zone.',
  fields: (t) => ({
    master: t.field({ type: 'IP', description: "Defaults to NS1's transfer address when the zone is also created on NS1." }),
  }),
});

export const CreateZoneInput = builder.inputType('CreateZoneInput', {
  description: 'A new zone: its name, where to create it, and each provider’s settings.',
  fields: (t) => ({
    name: t.field({ type: 'DomainName', required: true, description: 'The zone name, in Unicode or punycode.' }),
    providers: t.field({
      type: [ProviderEnum],
      required: true,
      description: 'Where to create it; [NS1, BUDDYNS] makes NS1 the primary and BuddyNS its secondary.',
    }),
    ns1: t.field({ type: Ns1ZoneInput, description: 'NS1 settings; only with NS1 among the providers.' }),
    buddyns: t.field({ type: BuddyNsZoneInput, description: 'BuddyNS settings; only with BUDDYNS among the providers.' }),
  }),
});

export const UpdateZoneInput = builder.inputType('UpdateZoneInput', {
  description: 'Changes to a zone. Only NS1 settings can change in place (BuddyNS masters change with setBuddyNsMaster).',
  fields: (t) => ({
    ns1: t.field({ type: Ns1ZoneInput, description: 'The NS1 settings to change; settings left out stay as they are.' }),
  }),
});
