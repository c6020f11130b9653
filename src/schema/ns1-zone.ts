import type { Ns1SecondaryServer, Ns1ZoneDetail } from '../providers/ns1/dns-types.js';
import { builder } from './builder.js';
import { writeOnlySecrets } from '../resolvers/write-only.js';

const SecondaryServerRef = builder.objectRef<Ns1SecondaryServer>('Ns1SecondaryServer').implement({
  description: 'A secondary that may transfer the zone from NS1, and is notified of changes.',
  fields: (t) => ({
    ip: t.exposeString('ip'),
    port: t.exposeInt('port'),
    notify: t.exposeBoolean('notify'),
    networks: t.exposeIntList('networks'),
  }),
});

const PrimaryRef = builder.objectRef<NonNullable<Ns1ZoneDetail['primary']>>('Ns1ZonePrimary').implement({
  description: 'Outbound zone transfers (AXFR) and NOTIFY to secondaries.',
  fields: (t) => ({
    enabled: t.exposeBoolean('enabled'),
    secondaries: t.field({ type: [SecondaryServerRef], resolve: (p) => p.secondaries }),
  }),
});

const SecondaryRef = builder.objectRef<NonNullable<Ns1ZoneDetail['secondary']>>('Ns1ZoneSecondary').implement({
  description: 'NS1 slaving the zone from an external primary.',
  fields: (t) => ({
    enabled: t.exposeBoolean('enabled'),
    primaryIp: t.exposeString('primaryIp', { nullable: true }),
    primaryPort: t.exposeInt('primaryPort', { nullable: true }),
    tsig: t.field({ type: 'JSONObject', nullable: true, description: 'The TSIG key in use; its secret is write-only and reads as "********".', resolve: (s) => writeOnlySecrets(s.tsig) }),
    status: t.exposeString('status', { nullable: true }),
    lastTransferAt: t.expose('lastTransferAt', { type: 'DateTime', nullable: true }),
    expired: t.exposeBoolean('expired', { nullable: true }),
  }),
});

export const Ns1ZoneRef = builder.objectRef<Ns1ZoneDetail>('Ns1Zone').implement({
  description: 'A zone as NS1 serves it.',
  fields: (t) => ({
    id: t.exposeID('id'),
    serial: t.exposeInt('serial', { nullable: true, description: 'SOA serial; moves on every change.' }),
    ttl: t.exposeInt('ttl', { nullable: true }),
    refresh: t.exposeInt('refresh', { nullable: true }),
    retry: t.exposeInt('retry', { nullable: true }),
    expiry: t.exposeInt('expiry', { nullable: true }),
    nxTtl: t.exposeInt('nxTtl', { nullable: true }),
    hostmaster: t.exposeString('hostmaster', { nullable: true }),
    dnsServers: t.exposeStringList('dnsServers'),
    networks: t.exposeIntList('networks'),
    networkPools: t.exposeStringList('networkPools'),
    link: t.field({ type: 'DomainName', nullable: true, description: 'The zone this linked zone points to.', resolve: (z) => z.link }),
    primary: t.field({ type: PrimaryRef, nullable: true, resolve: (z) => z.primary }),
    secondary: t.field({ type: SecondaryRef, nullable: true, resolve: (z) => z.secondary }),
    meta: t.expose('meta', { type: 'JSONObject', nullable: true }),
  }),
});
