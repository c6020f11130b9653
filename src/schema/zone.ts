import { toUnicodeDomain } from '../domain/domain-name.js';
import { ns1ZoneQps } from '../loaders/ns1-dns.js';
import { requireNs1 } from '../resolvers/providers.js';
import { providersOf, type UnifiedZone } from '../resolvers/zones/unified-zone.js';
import { zoneNs1Facet, zoneRecord, zoneRecords, zoneUsage } from '../resolvers/zones/zone-fields.js';
import { zoneHealth } from '../resolvers/zones/zone-health.js';
import { BuddyNsZoneInput, BuddyNsZoneRef } from './buddyns-zone.js';
import { builder } from './builder.js';
import { Ns1ZoneInput, Ns1ZoneRef } from './ns1-zone.js';
import { ProviderEnum } from './provider.js';
import { RecordTypeEnum } from './record-type.js';
import { RecordRef } from './record.js';
import { reportAt, staleAt } from './report-failure.js';
import { StatsPeriodEnum } from './stats-period.js';
import { UsageStatsRef } from './usage-stats.js';
import { ZoneHealthRef } from './zone-health.js';

export const ZoneRef = builder.objectRef<UnifiedZone>('Zone').implement({
  description: 'One zone per domain name, merged across providers: NS1 primary and BuddyNS secondary are one Zone with both facets.',
  fields: (t) => ({
    id: t.id({
      description: 'Stable across providers and requests: the ASCII (punycode) name, so normalising client caches key zones by it.',
      resolve: (z) => z.asciiName,
    }),
    name: t.field({
      type: 'DomainName',
      resolve: (z) => z.asciiName,
      description: 'The zone name, in Unicode (e.g. "bücher.de"); the key other subgraphs use.',
    }),
    asciiName: t.exposeString('asciiName', { description: 'IDNA (punycode) form of the name.' }),
    unicodeName: t.string({ description: 'Unicode form of the name.', resolve: (z) => toUnicodeDomain(z.asciiName) }),
    providers: t.field({ type: [ProviderEnum], description: 'The providers that have the zone, NS1 first.', resolve: (z) => providersOf(z) }),
    ns1: t.field({
      type: Ns1ZoneRef,
      nullable: true,
      description: 'Null when the zone is not on NS1.',
      resolve: (z, _a, ctx, info) => zoneNs1Facet(ctx, z, staleAt(ctx, info)),
    }),
    buddyns: t.field({ type: BuddyNsZoneRef, nullable: true, description: 'Null when the zone is not on BuddyNS.', resolve: (z) => z.buddyns }),
    records: t.field({
      type: [RecordRef],
      description: "The zone's NS1 records (empty when the zone is not on NS1).",
      args: { type: t.arg({ type: RecordTypeEnum, description: 'Only records of this type.' }) },
      resolve: (z, args, ctx, info) => zoneRecords(ctx, z, args.type ?? undefined, reportAt(ctx, info), staleAt(ctx, info)),
    }),
    record: t.field({
      type: RecordRef,
      nullable: true,
      args: { domain: t.arg({ type: 'DomainName', required: true }), type: t.arg({ type: RecordTypeEnum, required: true }) },
      resolve: (z, args, ctx) => zoneRecord(ctx, z, args.domain, args.type),
      description: 'One NS1 record of the zone from the zone listing (no extra request); null when the zone has no such record or is not on NS1.',
    }),
    qps: t.float({
      nullable: true,
      description: 'Current NS1 queries per second; null when the zone is not on NS1.',
      resolve: (z, _a, ctx) => (z.onNs1 ? ns1ZoneQps(requireNs1(ctx), z.asciiName) : null),
    }),
    usage: t.field({
      type: [UsageStatsRef],
      args: {
        period: t.arg({ type: StatsPeriodEnum, defaultValue: '24h', description: 'The window, ending now.' }),
        byTier: t.arg.boolean({ defaultValue: false, description: 'Also split records and queries by billing tier.' }),
        expand: t.arg.boolean({ defaultValue: false, description: 'One entry per record instead of one for the zone.' }),
      },
      resolve: (z, args, ctx) => zoneUsage(ctx, z, { period: args.period ?? '24h', byTier: args.byTier ?? false, expand: args.expand ?? false }),
      description:
        'NS1 query counts for the zone; empty when the zone is not on NS1. With expand, one entry per record; with byTier, recordsByTier, queriesByTier and graphByTier are set.',
    }),
    health: t.field({
      type: ZoneHealthRef,
      resolve: (z, _a, ctx, info) => zoneHealth(ctx, z, reportAt(ctx, info)),
      description:
        'Serials, transfer and delegation checks across providers, and the problems found. Asks BuddyNS for status and delegation when the zone is on BuddyNS.',
    }),
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
