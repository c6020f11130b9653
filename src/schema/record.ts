import { ns1RecordQps } from '../loaders/ns1-dns.js';
import type { Ns1Record } from '../providers/ns1/records.js';
import type { Ns1RecordSummary } from '../providers/ns1/zones.js';
import { requireNs1 } from '../resolvers/providers.js';
import { fullRecord, recordUsage, recordVersion } from '../resolvers/records/record-fields.js';
import { builder } from './builder.js';
import { emptyAsNull } from '../resolvers/empty-as-null.js';
import { AnswerInput, AnswerRef, FilterInput, FilterRef, RegionInput, RegionRef } from './record-parts.js';
import { RecordTypeEnum } from './record-type.js';
import { StatsPeriodEnum } from './stats-period.js';
import { UsageStatsRef } from './usage-stats.js';

/** A record from a zone listing (short form) or fetched in full; full fields load on demand. */
export const RecordRef = builder.objectRef<Ns1RecordSummary | Ns1Record>('Record').implement({
  description: 'An NS1 DNS record with its answers and traffic steering.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'NS1’s id of the record.' }),
    zone: t.field({ type: 'DomainName', description: 'The zone the record belongs to.', resolve: (r) => r.zone }),
    domain: t.field({ type: 'DomainName', description: 'The record’s fully qualified name, e.g. "www.example.com".', resolve: (r) => r.domain }),
    type: t.field({ type: RecordTypeEnum, description: 'The record type.', resolve: (r) => r.type }),
    ttl: t.exposeInt('ttl', { nullable: true, description: 'Seconds resolvers may cache the answers; null when NS1 does not send it.' }),
    tier: t.exposeInt('tier', {
      nullable: true,
      description: 'The record’s NS1 tier, as NS1 sends it, e.g. 1 for a plain record; null when NS1 does not send it.',
    }),
    link: t.field({ type: 'DomainName', nullable: true, description: 'The record this linked record answers for.', resolve: (r) => r.link }),
    shortAnswers: t.exposeStringList('shortAnswers', { description: 'Answers as text, available from the zone listing without another request.' }),
    answers: t.field({
      type: [AnswerRef],
      resolve: async (r, _a, ctx) => (await fullRecord(ctx, r)).answers,
      description: 'The answers in full, with regions and metadata. Loads the whole record: one more NS1 request per record from a zone listing.',
    }),
    regions: t.field({
      type: [RegionRef],
      resolve: async (r, _a, ctx) => (await fullRecord(ctx, r)).regions,
      description: 'Answer groups with their metadata. Loads the whole record, like answers.',
    }),
    filters: t.field({
      type: [FilterRef],
      resolve: async (r, _a, ctx) => (await fullRecord(ctx, r)).filters,
      description: 'The traffic-steering filter chain, in the order NS1 applies it; empty for a plain record. Loads the whole record.',
    }),
    meta: t.field({
      type: 'JSONObject',
      nullable: true,
      resolve: async (r, _a, ctx) => emptyAsNull((await fullRecord(ctx, r)).meta),
      description: 'Record-level metadata; null when none. Loads the whole record.',
    }),
    useClientSubnet: t.boolean({
      nullable: true,
      resolve: async (r, _a, ctx) => (await fullRecord(ctx, r)).useClientSubnet,
      description: 'Whether NS1 steers by the EDNS Client Subnet a resolver sends; null when NS1 does not say. Loads the whole record.',
    }),
    networks: t.intList({
      resolve: async (r, _a, ctx) => (await fullRecord(ctx, r)).networks,
      description: 'NS1 networks the record is served on. Loads the whole record.',
    }),
    version: t.string({
      description: 'Opaque; changes whenever the record does. Pass it as `ifVersion` to refuse overwriting a change you have not seen.',
      resolve: (r, _a, ctx) => recordVersion(ctx, r),
    }),
    qps: t.float({ nullable: true, description: 'Current queries per second.', resolve: (r, _a, ctx) => ns1RecordQps(requireNs1(ctx), r) }),
    usage: t.field({
      type: [UsageStatsRef],
      args: { period: t.arg({ type: StatsPeriodEnum, defaultValue: '24h', description: 'The window, ending now.' }) },
      resolve: (r, args, ctx) => recordUsage(ctx, r, args.period ?? '24h'),
      description: 'NS1 query counts for this record over the period.',
    }),
  }),
});

export const CreateRecordInput = builder.inputType('CreateRecordInput', {
  description: 'A new NS1 record: where it lives, its type, and its answers or a link.',
  fields: (t) => ({
    zone: t.field({ type: 'DomainName', required: true, description: 'The NS1 zone to create the record in; NOT_FOUND when NS1 does not have it.' }),
    domain: t.field({ type: 'DomainName', required: true, description: 'The record’s fully qualified name; it must be within the zone.' }),
    type: t.field({ type: RecordTypeEnum, required: true, description: 'The record type; each answer’s RDATA is checked against it.' }),
    ttl: t.int({ description: 'Seconds resolvers may cache the answers, 0 to 2147483647; NS1’s default when left out.' }),
    answers: t.field({ type: [AnswerInput], required: true, description: 'Empty with `link`.' }),
    link: t.field({
      type: 'DomainName',
      description:
        'Make a linked record that answers like this record, an existing record of the same type (in any zone of the account); then answers must be empty, and regions, filters and meta left out.',
    }),
    regions: t.field({ type: [RegionInput], description: 'Answer groups the answers may refer to.' }),
    filters: t.field({ type: [FilterInput], description: 'The traffic-steering filter chain, in order.' }),
    meta: t.field({ type: 'JSONObject', description: 'Record-level metadata.' }),
    useClientSubnet: t.boolean({ description: 'Steer by the EDNS Client Subnet a resolver sends.' }),
  }),
});

export const UpdateRecordInput = builder.inputType('UpdateRecordInput', {
  description: 'Changes to an NS1 record; fields left out stay as they are. At least one field must be given.',
  fields: (t) => ({
    ttl: t.int({ description: 'Seconds resolvers may cache the answers, 0 to 2147483647.' }),
    answers: t.field({ type: [AnswerInput], description: 'Replaces all answers; each RDATA is checked against the record type.' }),
    link: t.field({
      type: 'DomainName',
      description:
        'Turn the record into a linked record, to an existing record of the same type; then give no answers, regions, filters or meta. A linked record takes none of these without a new link.',
    }),
    regions: t.field({ type: [RegionInput], description: 'Replaces the answer groups.' }),
    filters: t.field({ type: [FilterInput], description: 'Replaces the filter chain.' }),
    meta: t.field({ type: 'JSONObject', description: 'Replaces the record-level metadata; null clears it.' }),
    useClientSubnet: t.boolean({ description: 'Steer by the EDNS Client Subnet a resolver sends.' }),
  }),
});
