import { ns1ZoneDetail, ns1ZoneQps } from '../loaders/ns1-dns.js';
import { createZone } from '../resolvers/create-zone.js';
import { deleteZone } from '../resolvers/delete-zone.js';
import { findZone, listZones } from '../resolvers/merge-zones.js';
import { requireNs1 } from '../resolvers/providers.js';
import { zoneRecord, zoneRecords, zoneUsage } from '../resolvers/zone-records.js';
import { zoneHealth } from '../resolvers/zone-health.js';
import { providersOf, type UnifiedZone } from '../resolvers/unified-zone.js';
import { updateZone } from '../resolvers/update-zone.js';
import { toUnicodeDomain } from '../domain/domain-name.js';
import { builder } from './builder.js';
import { BuddyNsZoneRef } from './buddyns-zone.js';
import { Ns1ZoneRef } from './ns1-zone.js';
import { ProviderEnum } from './provider.js';
import { RecordRef, RecordTypeEnum } from './record.js';
import { reportAt } from './report-failure.js';
import { StatsPeriodEnum, UsageStatsRef } from './usage-stats.js';
import { CreateZoneInput, UpdateZoneInput } from './zone-inputs.js';
import { ZoneHealthRef } from './zone-health.js';

export const ZoneRef = builder.objectRef<UnifiedZone>('Zone').implement({
  description: 'One zone per domain name, merged across providers: NS1 primary and BuddyNS secondary are one Zone with both facets.',
  fields: (t) => ({
    id: t.id({ description: 'Stable across providers and requests: the ASCII (punycode) name, so normalising client caches key zones by it.', resolve: (z) => z.asciiName }),
    name: t.field({ type: 'DomainName', resolve: (z) => z.asciiName }),
    asciiName: t.exposeString('asciiName', { description: 'IDNA (punycode) form of the name.' }),
    unicodeName: t.string({ description: 'Unicode form of the name.', resolve: (z) => toUnicodeDomain(z.asciiName) }),
    providers: t.field({ type: [ProviderEnum], resolve: (z) => providersOf(z) }),
    ns1: t.field({
      type: Ns1ZoneRef,
      nullable: true,
      description: 'Null when the zone is not on NS1.',
      resolve: (z, _a, ctx) => (z.onNs1 ? ns1ZoneDetail(requireNs1(ctx), z.asciiName) : null),
    }),
    buddyns: t.field({ type: BuddyNsZoneRef, nullable: true, description: 'Null when the zone is not on BuddyNS.', resolve: (z) => z.buddyns }),
    records: t.field({
      type: [RecordRef],
      description: "The zone's NS1 records (empty when the zone is not on NS1).",
      args: { type: t.arg({ type: RecordTypeEnum }) },
      resolve: (z, args, ctx) => zoneRecords(ctx, z, args.type ?? undefined),
    }),
    record: t.field({
      type: RecordRef,
      nullable: true,
      args: { domain: t.arg({ type: 'DomainName', required: true }), type: t.arg({ type: RecordTypeEnum, required: true }) },
      resolve: (z, args, ctx) => zoneRecord(ctx, z, args.domain, args.type),
    }),
    qps: t.float({
      nullable: true,
      description: 'Current NS1 queries per second; null when the zone is not on NS1.',
      resolve: (z, _a, ctx) => (z.onNs1 ? ns1ZoneQps(requireNs1(ctx), z.asciiName) : null),
    }),
    usage: t.field({
      type: [UsageStatsRef],
      args: {
        period: t.arg({ type: StatsPeriodEnum, defaultValue: '24h' }),
        byTier: t.arg.boolean({ defaultValue: false }),
        expand: t.arg.boolean({ defaultValue: false }),
      },
      resolve: (z, args, ctx) => zoneUsage(ctx, z, { period: args.period ?? '24h', byTier: args.byTier ?? false, expand: args.expand ?? false }),
    }),
    health: t.field({ type: ZoneHealthRef, resolve: (z, _a, ctx) => zoneHealth(ctx, z) }),
  }),
});

builder.queryFields((t) => ({
  zones: t.field({
    type: [ZoneRef],
    description: 'Every zone of every configured provider, merged by name and sorted. A provider that fails leaves the others’ zones, with an error at this path.',
    args: { provider: t.arg({ type: ProviderEnum }) },
    resolve: (_root, args, ctx, info) => listZones(ctx, args.provider ?? undefined, reportAt(ctx, info)),
  }),
  zone: t.field({
    type: ZoneRef,
    nullable: true,
    description: 'One zone by name, in Unicode or punycode; null when no provider has it.',
    args: { name: t.arg({ type: 'DomainName', required: true }) },
    resolve: (_root, args, ctx, info) => findZone(ctx, args.name, reportAt(ctx, info)),
  }),
}));

builder.mutationFields((t) => ({
  createZone: t.field({
    type: ZoneRef,
    description: 'Creates a zone on NS1, BuddyNS or both. On both, a refusal by BuddyNS removes the NS1 zone again.',
    args: { input: t.arg({ type: CreateZoneInput, required: true }) },
    resolve: (_root, { input }, ctx) => createZone(ctx, input),
  }),
  updateZone: t.field({
    type: ZoneRef,
    args: { name: t.arg({ type: 'DomainName', required: true }), input: t.arg({ type: UpdateZoneInput, required: true }) },
    resolve: (_root, args, ctx) => updateZone(ctx, args.name, args.input.ns1),
  }),
  deleteZone: t.boolean({
    description: 'Deletes the zone from the given providers, or from every provider that has it.',
    args: { name: t.arg({ type: 'DomainName', required: true }), providers: t.arg({ type: [ProviderEnum] }) },
    resolve: (_root, args, ctx) => deleteZone(ctx, args.name, args.providers),
  }),
}));

