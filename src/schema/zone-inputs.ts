import { z } from 'zod';
import { builder } from './builder.js';
import { ProviderEnum } from './provider.js';

const SecondaryServerInput = builder.inputType('Ns1SecondaryServerInput', {
  fields: (t) => ({
    ip: t.field({ type: 'IP', required: true }),
    port: t.int({ validate: z.number().int().min(1).max(65535) }),
    notify: t.boolean(),
  }),
});

const PrimaryInput = builder.inputType('Ns1ZonePrimaryInput', {
  fields: (t) => ({
    enabled: t.boolean({ required: true }),
    secondaries: t.field({ type: [SecondaryServerInput], required: true }),
  }),
});

const SecondaryInput = builder.inputType('Ns1ZoneSecondaryInput', {
  fields: (t) => ({
    enabled: t.boolean({ required: true }),
    primaryIp: t.field({ type: 'IPv4', required: true }),
    primaryPort: t.int({ validate: z.number().int().min(1).max(65535) }),
  }),
});

const seconds = z.number().int().min(0).max(2_147_483_647);

export const Ns1ZoneInput = builder.inputType('Ns1ZoneInput', {
  description: 'NS1 zone settings: SOA values, hostmaster, link, networks, outbound transfers, or slaving.',
  fields: (t) => ({
    ttl: t.int({ validate: seconds }),
    refresh: t.int({ validate: seconds }),
    retry: t.int({ validate: seconds }),
    expiry: t.int({ validate: seconds }),
    nxTtl: t.int({ validate: seconds }),
    hostmaster: t.field({ type: 'EmailAddress' }),
    link: t.field({ type: 'DomainName', description: 'Create a linked zone that answers with this zone’s records.' }),
    networks: t.intList({ validate: z.array(z.number().int().min(0)) }),
    primary: t.field({ type: PrimaryInput }),
    secondary: t.field({ type: SecondaryInput }),
    meta: t.field({ type: 'JSONObject' }),
  }),
});

export const BuddyNsZoneInput = builder.inputType('BuddyNsZoneInput', {
  fields: (t) => ({
    master: t.field({ type: 'IP', description: "Defaults to NS1's transfer address when the zone is also created on NS1." }),
  }),
});

export const CreateZoneInput = builder.inputType('CreateZoneInput', {
  fields: (t) => ({
    name: t.field({ type: 'DomainName', required: true }),
    providers: t.field({
      type: [ProviderEnum],
      required: true,
      description: 'Where to create it; [NS1, BUDDYNS] makes NS1 the primary and BuddyNS its secondary.',
    }),
    ns1: t.field({ type: Ns1ZoneInput }),
    buddyns: t.field({ type: BuddyNsZoneInput }),
  }),
});

export const UpdateZoneInput = builder.inputType('UpdateZoneInput', {
  fields: (t) => ({
    ns1: t.field({ type: Ns1ZoneInput }),
  }),
});
