import { ns1ZoneQps } from '../loaders/ns1-dns.js';
import { createZone } from '../resolvers/zones/create-zone.js';
import { deleteZone } from '../resolvers/zones/delete-zone.js';
import { findZone, listZones } from '../resolvers/zones/merge-zones.js';
import { requireNs1 } from '../resolvers/providers.js';
import { zoneNs1Facet, zoneRecord, zoneRecords, zoneUsage } from '../resolvers/zones/zone-fields.js';
import { zoneHealth } from '../resolvers/zones/zone-health.js';
import { providersOf, type UnifiedZone } from '../resolvers/zones/unified-zone.js';
import { updateZone } from '../resolvers/zones/update-zone.js';
import { toUnicodeDomain } from '../domain/domain-name.js';
import { builder } from './builder.js';
import { BuddyNsZoneRef } from './buddyns-zone.js';
import { Ns1ZoneRef } from './ns1-zone.js';
import { ProviderEnum } from './provider.js';
import { RecordRef, RecordTypeEnum } from './record.js';
import { reportAt, staleAt } from './report-failure.js';
import { StatsPeriodEnum, UsageStatsRef } from './usage-stats.js';
import { CreateZoneInput, UpdateZoneInput } from './zone-inputs.js';
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
        'NS1 query counts for the zone; empty when the zone is not on NS1. With expand, one entry per record; with byTier, recordsByTier and queriesByTier are set.',
    }),
    health: t.field({
      type: ZoneHealthRef,
      resolve: (z, _a, ctx, info) => zoneHealth(ctx, z, reportAt(ctx, info)),
      description:
        'Serials, transfer and delegation checks across providers, and the problems found. Asks BuddyNS for status and delegation when the zone is on BuddyNS.',
    }),
  }),
});

builder.queryFields((t) => ({
  zones: t.field({
    type: [ZoneRef],
    description:
      'Every zone of every configured provider, merged by name and sorted. A provider that fails leaves the others’ zones, with an error at this path.',
    args: { provider: t.arg({ type: ProviderEnum, description: 'Only zones this provider has.' }) },
    resolve: (_root, args, ctx, info) => listZones(ctx, args.provider ?? undefined, reportAt(ctx, info), staleAt(ctx, info)),
  }),
  zone: t.field({
    type: ZoneRef,
    nullable: true,
    description: 'One zone by name, in Unicode or punycode; null when no provider has it.',
    args: { name: t.arg({ type: 'DomainName', required: true, description: 'The zone name, in Unicode or punycode.' }) },
    resolve: (_root, args, ctx, info) => findZone(ctx, args.name, reportAt(ctx, info), staleAt(ctx, info)),
  }),
}));

builder.mutationFields((t) => ({
  createZone: t.field({
    type: ZoneRef,
    description:
      'Creates a zone on NS1, BuddyNS or both. On both, a refusal by BuddyNS removes the NS1 zone again; what cannot be undone is reported as PARTIALLY_APPLIED.',
    args: { input: t.arg({ type: CreateZoneInput, required: true, description: 'The zone, where to create it, and each provider’s settings.' }) },
    resolve: (_root, { input }, ctx) => createZone(ctx, input),
  }),
  updateZone: t.field({
    type: ZoneRef,
    args: {
      name: t.arg({ type: 'DomainName', required: true }),
      input: t.arg({ type: UpdateZoneInput, required: true }),
      ifVersion: t.arg.string({ description: 'The NS1 zone `version` the change was made against; CONFLICT when the zone changed since.' }),
    },
    resolve: (_root, args, ctx) => updateZone(ctx, args.name, args.input.ns1, args.ifVersion),
    description:
      "Changes the zone's NS1 settings (SOA values, hostmaster, networks, transfers, meta) and returns the zone as it is now. NOT_FOUND when the zone is not on NS1; PROVIDER_NOT_CONFIGURED without NS1 credentials; CONFLICT when `ifVersion` no longer matches.",
  }),
  deleteZone: t.boolean({
    description: 'Deletes the zone from the given providers, or from every provider that has it.',
    args: { name: t.arg({ type: 'DomainName', required: true }), providers: t.arg({ type: [ProviderEnum] }) },
    resolve: (_root, args, ctx) => deleteZone(ctx, args.name, args.providers),
  }),
}));
