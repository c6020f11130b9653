import { ns1Record, ns1RecordQps } from '../loaders/ns1-dns.js';
import type { Ns1Answer, Ns1Record } from '../providers/ns1/records.js';
import type { Ns1RecordSummary } from '../providers/ns1/zones.js';
import { fullRecord, recordUsage, recordVersion } from '../resolvers/records.js';
import { requireNs1 } from '../resolvers/providers.js';
import { builder } from './builder.js';
import { StatsPeriodEnum, UsageStatsRef } from './usage-stats.js';

export const RecordTypeEnum = builder.enumType('RecordType', {
  description: 'The DNS record types NS1 records can have.',
  values: ['A', 'AAAA', 'ALIAS', 'AFSDB', 'CERT', 'CNAME', 'DNAME', 'HINFO', 'MX', 'NAPTR', 'NS', 'PTR', 'RP', 'SPF', 'SRV', 'TXT'] as const,
});

export const FeedPointerRef = builder.objectRef<{ source: string; feed: string }>('FeedPointer').implement({
  description: 'A data feed that sets a metadata value of an answer.',
  fields: (t) => ({
    source: t.exposeID('source', { description: 'Id of the data source that feeds the value.' }),
    feed: t.exposeID('feed', { description: 'Id of the data feed within that source (see dataFeed to load it).' }),
  }),
});

const AnswerRef = builder.objectRef<Ns1Answer>('Answer').implement({
  description: 'One answer of an NS1 record: its RDATA, and the metadata traffic steering reads.',
  fields: (t) => ({
    id: t.exposeID('id', { nullable: true, description: 'NS1’s id of the answer; null when NS1 does not send one.' }),
    rdata: t.exposeStringList('rdata', { description: 'The RDATA fields of the answer, e.g. ["10", "mail.example.com"] for MX.' }),
    region: t.exposeString('region', { nullable: true, description: 'The region (answer group) this answer belongs to; null when none.' }),
    meta: t.expose('meta', {
      type: 'JSONObject',
      nullable: true,
      description: 'Answer metadata the filter chain reads, e.g. {"up": true, "priority": 1}; a value {"feed": "<id>"} comes from a data feed.',
    }),
    feeds: t.field({
      type: [FeedPointerRef],
      resolve: (a) => a.feeds,
      description: 'The data feeds that set metadata values of this answer; empty when none.',
    }),
  }),
});

const RegionRef = builder.objectRef<{ name: string; meta: Record<string, unknown> }>('Region').implement({
  description: 'A group of answers (the NS1 portal calls regions "groups").',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The region’s name, e.g. "us-east"; answers refer to it.' }),
    meta: t.expose('meta', {
      type: 'JSONObject',
      nullable: true,
      description: 'Metadata shared by the region’s answers, e.g. {"georegion": ["US-EAST"]}.',
    }),
  }),
});

const FilterRef = builder.objectRef<Ns1Record['filters'][number]>('Filter').implement({
  description: 'One step of the traffic-steering filter chain.',
  fields: (t) => ({
    filter: t.exposeString('filter', {
      description: 'The filter’s key, e.g. "up", "geotarget_regional", "weighted_shuffle" (see Query.filterTypes).',
    }),
    config: t.expose('config', { type: 'JSONObject', nullable: true, description: 'The filter’s options; null when it has none.' }),
    disabled: t.exposeBoolean('disabled', { nullable: true, description: 'Whether this step is skipped; null when NS1 does not say.' }),
  }),
});

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
      resolve: async (r, _a, ctx) => (await fullRecord(ctx, r)).meta,
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
