import { ns1Record } from '../../loaders/ns1-dns.js';
import { requireNs1 } from '../../resolvers/providers.js';
import { createRecord, deleteRecord, updateRecord } from '../../resolvers/records/record-writes.js';
import { createZone } from '../../resolvers/zones/create-zone.js';
import { deleteZone } from '../../resolvers/zones/delete-zone.js';
import { findZone, listZones } from '../../resolvers/zones/merge-zones.js';
import { updateZone } from '../../resolvers/zones/update-zone.js';
import { zoneReadsOf } from '../../resolvers/zones/zone-reads.js';
import { builder } from '../builder.js';
import { ProviderEnum } from '../provider.js';
import { RecordTypeEnum } from '../record-type.js';
import { CreateRecordInput, RecordRef, UpdateRecordInput } from '../record.js';
import { reportAt, staleAt } from '../report-failure.js';
import { CreateZoneInput, UpdateZoneInput, ZoneRef } from '../zone.js';
import { z } from 'zod';
import { selectedFieldNames } from '../selection.js';

/** A version as read from `version`: never empty (leave `ifVersion` out to write whatever is there). */
const KNOWN_VERSION = z.string().min(1, 'give the version you read, or leave ifVersion out');

builder.queryField('record', (t) =>
  t.field({
    type: RecordRef,
    nullable: true,
    description: 'One NS1 record; null when it does not exist.',
    args: {
      zone: t.arg({ type: 'DomainName', required: true }),
      domain: t.arg({ type: 'DomainName', required: true }),
      type: t.arg({ type: RecordTypeEnum, required: true }),
    },
    resolve: (_root, args, ctx) => ns1Record(requireNs1(ctx), { zone: args.zone, domain: args.domain, type: args.type }),
  }),
);

builder.queryFields((t) => ({
  zones: t.field({
    type: [ZoneRef],
    description:
      'Every zone of every configured provider, merged by name and sorted. A provider that fails leaves the others’ zones, with an error at this path.',
    args: { provider: t.arg({ type: ProviderEnum, description: 'Only zones this provider has.' }) },
    resolve: (_root, args, ctx, info) =>
      listZones(ctx, args.provider ?? undefined, reportAt(ctx, info), staleAt(ctx, info), zoneReadsOf(selectedFieldNames(info))),
  }),
  zone: t.field({
    type: ZoneRef,
    nullable: true,
    description: 'One zone by name, in Unicode or punycode; null when no provider has it.',
    args: { name: t.arg({ type: 'DomainName', required: true, description: 'The zone name, in Unicode or punycode.' }) },
    resolve: (_root, args, ctx, info) => findZone(ctx, args.name, reportAt(ctx, info), staleAt(ctx, info)),
  }),
}));

const recordArgs = (t: Parameters<Parameters<typeof builder.mutationFields>[0]>[0]) => ({
  zone: t.arg({ type: 'DomainName', required: true, description: 'The zone of the record.' }),
  domain: t.arg({ type: 'DomainName', required: true, description: 'The record’s fully qualified name.' }),
  type: t.arg({ type: RecordTypeEnum, required: true, description: 'The record’s type.' }),
});

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
      ifVersion: t.arg.string({
        validate: KNOWN_VERSION,
        description: 'The NS1 zone `version` the change was made against; CONFLICT when the zone changed since.',
      }),
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

builder.mutationFields((t) => ({
  createRecord: t.field({
    type: RecordRef,
    description: 'Creates an NS1 record; RDATA is checked against the record type before anything is sent.',
    args: { input: t.arg({ type: CreateRecordInput, required: true, description: 'The record to create.' }) },
    resolve: (_root, { input }, ctx) => createRecord(ctx, input.zone, input.domain, input.type, input),
  }),
  updateRecord: t.field({
    type: RecordRef,
    args: {
      ...recordArgs(t),
      input: t.arg({ type: UpdateRecordInput, required: true, description: 'The changes.' }),
      ifVersion: t.arg.string({ validate: KNOWN_VERSION, description: 'The `version` the change was made against.' }),
    },
    resolve: (_root, args, ctx) => updateRecord(ctx, args.zone, args.domain, args.type, args.input, args.ifVersion),
    description:
      'Changes an NS1 record and returns it as NS1 now has it. Input is checked first (BAD_USER_INPUT); NOT_FOUND when the record does not exist. With `ifVersion`, refuses with CONFLICT when the record changed since that version was read.',
  }),
  deleteRecord: t.boolean({
    args: {
      ...recordArgs(t),
      ifVersion: t.arg.string({ validate: KNOWN_VERSION, description: 'The `version` the deletion was decided on; CONFLICT when the record changed since.' }),
    },
    resolve: (_root, args, ctx) => deleteRecord(ctx, args.zone, args.domain, args.type, args.ifVersion),
    description: 'Deletes an NS1 record; true once NS1 has removed it. NOT_FOUND when the record does not exist; CONFLICT when `ifVersion` no longer matches.',
  }),
}));
