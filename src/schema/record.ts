import { ns1Record, ns1RecordQps } from '../loaders/ns1-dns.js';
import type { Ns1Answer, Ns1Record, Ns1RecordSummary } from '../providers/ns1/dns-types.js';
import { fullRecord, recordUsage, recordVersion } from '../resolvers/records.js';
import { requireNs1 } from '../resolvers/providers.js';
import { builder } from './builder.js';
import { StatsPeriodEnum, UsageStatsRef } from './usage-stats.js';

export const RecordTypeEnum = builder.enumType('RecordType', {
  values: ['A', 'AAAA', 'ALIAS', 'AFSDB', 'CERT', 'CNAME', 'DNAME', 'HINFO', 'MX', 'NAPTR', 'NS', 'PTR', 'RP', 'SPF', 'SRV', 'TXT'] as const,
});

export const FeedPointerRef = builder.objectRef<{ source: string; feed: string }>('FeedPointer').implement({
  description: 'A data feed that sets a metadata value of an answer.',
  fields: (t) => ({
    source: t.exposeID('source'),
    feed: t.exposeID('feed'),
  }),
});

const AnswerRef = builder.objectRef<Ns1Answer>('Answer').implement({
  fields: (t) => ({
    id: t.exposeID('id', { nullable: true }),
    rdata: t.exposeStringList('rdata', { description: 'The RDATA fields of the answer, e.g. ["10", "mail.example.com"] for MX.' }),
    region: t.exposeString('region', { nullable: true }),
    meta: t.expose('meta', { type: 'JSONObject', nullable: true }),
    feeds: t.field({ type: [FeedPointerRef], resolve: (a) => a.feeds }),
  }),
});

const RegionRef = builder.objectRef<{ name: string; meta: Record<string, unknown> }>('Region').implement({
  description: 'A group of answers (the NS1 portal calls regions "groups").',
  fields: (t) => ({
    name: t.exposeString('name'),
    meta: t.expose('meta', { type: 'JSONObject', nullable: true }),
  }),
});

const FilterRef = builder.objectRef<Ns1Record['filters'][number]>('Filter').implement({
  description: 'One step of the traffic-steering filter chain.',
  fields: (t) => ({
    filter: t.exposeString('filter'),
    config: t.expose('config', { type: 'JSONObject', nullable: true }),
    disabled: t.exposeBoolean('disabled', { nullable: true }),
  }),
});

/** A record from a zone listing (short form) or fetched in full; full fields load on demand. */
export const RecordRef = builder.objectRef<Ns1RecordSummary | Ns1Record>('Record').implement({
  description: 'An NS1 DNS record with its answers and traffic steering.',
  fields: (t) => ({
    id: t.exposeID('id'),
    zone: t.field({ type: 'DomainName', resolve: (r) => r.zone }),
    domain: t.field({ type: 'DomainName', resolve: (r) => r.domain }),
    type: t.field({ type: RecordTypeEnum, resolve: (r) => r.type }),
    ttl: t.exposeInt('ttl', { nullable: true }),
    tier: t.exposeInt('tier', { nullable: true }),
    link: t.field({ type: 'DomainName', nullable: true, description: 'The record this linked record answers for.', resolve: (r) => r.link }),
    shortAnswers: t.exposeStringList('shortAnswers', { description: 'Answers as text, available from the zone listing without another request.' }),
    answers: t.field({ type: [AnswerRef], resolve: async (r, _a, ctx) => (await fullRecord(ctx, r)).answers }),
    regions: t.field({ type: [RegionRef], resolve: async (r, _a, ctx) => (await fullRecord(ctx, r)).regions }),
    filters: t.field({ type: [FilterRef], resolve: async (r, _a, ctx) => (await fullRecord(ctx, r)).filters }),
    meta: t.field({ type: 'JSONObject', nullable: true, resolve: async (r, _a, ctx) => (await fullRecord(ctx, r)).meta }),
    useClientSubnet: t.boolean({ nullable: true, resolve: async (r, _a, ctx) => (await fullRecord(ctx, r)).useClientSubnet }),
    networks: t.intList({ resolve: async (r, _a, ctx) => (await fullRecord(ctx, r)).networks }),
    version: t.string({ description: 'Opaque; changes whenever the record does. Pass it as `ifVersion` to refuse overwriting a change you have not seen.', resolve: (r, _a, ctx) => recordVersion(ctx, r) }),
    qps: t.float({ nullable: true, description: 'Current queries per second.', resolve: (r, _a, ctx) => ns1RecordQps(requireNs1(ctx), r) }),
    usage: t.field({
      type: [UsageStatsRef],
      args: { period: t.arg({ type: StatsPeriodEnum, defaultValue: '24h' }) },
      resolve: (r, args, ctx) => recordUsage(ctx, r, args.period ?? '24h'),
    }),
  }),
});

builder.queryField('record', (t) =>
  t.field({
    type: RecordRef,
    nullable: true,
    description: 'One NS1 record; null when it does not exist.',
    args: { zone: t.arg({ type: 'DomainName', required: true }), domain: t.arg({ type: 'DomainName', required: true }), type: t.arg({ type: RecordTypeEnum, required: true }) },
    resolve: (_root, args, ctx) => ns1Record(requireNs1(ctx), { zone: args.zone, domain: args.domain, type: args.type }),
  }),
);
