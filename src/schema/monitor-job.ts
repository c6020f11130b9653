import { z } from 'zod';
import { ns1MonitorJob, ns1MonitorJobs, ns1NotificationList } from '../loaders/ns1-ops.js';
import type { Ns1MonitorJob, Ns1MonitorMetrics, Ns1MonitorRegion, Ns1MonitorStatusChange, Ns1RegionStatus } from '../providers/ns1/monitoring.js';
import type { Ns1NotificationList } from '../providers/ns1/notify-lists.js';
import type { Ns1Described } from '../providers/ns1/ops-schemas.js';
import * as monitoring from '../resolvers/monitoring.js';
import { monitorJobTypes, monitorRegions, notificationLists, notifierTypes } from '../resolvers/ns1-catalogs.js';
import { requireNs1 } from '../resolvers/providers.js';
import { builder } from './builder.js';
import { StatsPeriodEnum } from './usage-stats.js';
import { writeOnlySecrets } from '../resolvers/write-only.js';

export const MonitorStateEnum = builder.enumType('MonitorState', {
  values: { UP: { value: 'up' }, DOWN: { value: 'down' }, PENDING: { value: 'pending' } } as const,
});

const ComparisonEnum = builder.enumType('ComparisonOperator', {
  values: {
    LESS_THAN: { value: '<' },
    LESS_OR_EQUAL: { value: '<=' },
    GREATER_THAN: { value: '>' },
    GREATER_OR_EQUAL: { value: '>=' },
    EQUAL: { value: '==' },
    NOT_EQUAL: { value: '!=' },
    CONTAINS: { value: 'contains' },
  } as const,
});

const MonitorJobKindEnum = builder.enumType('MonitorJobKind', {
  description: 'The kinds of check NS1 monitoring runs (see monitorJobTypes for their options).',
  values: { PING: { value: 'ping' }, TCP: { value: 'tcp' }, HTTP: { value: 'http' }, DNS: { value: 'dns' } } as const,
});

const MonitorPolicyEnum = builder.enumType('MonitorPolicy', {
  description: 'How regional results make the global status.',
  values: { QUORUM: { value: 'quorum' }, ALL: { value: 'all' }, ONE: { value: 'one' } } as const,
});

export const NotifierKindEnum = builder.enumType('NotifierKind', {
  values: { EMAIL: { value: 'email' }, USER: { value: 'user' }, DATAFEED: { value: 'datafeed' }, WEBHOOK: { value: 'webhook' }, PAGERDUTY: { value: 'pagerduty' }, SLACK: { value: 'slack' } } as const,
});

export const RegionStatusRef = builder.objectRef<Ns1RegionStatus>('MonitorRegionStatus').implement({
  fields: (t) => ({
    region: t.exposeString('region', { description: '"global" for the job as a whole.' }),
    status: t.field({ type: MonitorStateEnum, resolve: (s) => s.status }),
    since: t.expose('since', { type: 'DateTime', nullable: true }),
  }),
});

const MonitorStatusRef = builder.objectRef<Ns1MonitorJob['status']>('MonitorStatus').implement({
  description: 'A job’s status, global (computed by its policy) and per region.',
  fields: (t) => ({
    global: t.field({ type: RegionStatusRef, resolve: (s) => s.global }),
    regions: t.field({ type: [RegionStatusRef], resolve: (s) => s.regions }),
  }),
});

const MonitorRuleRef = builder.objectRef<Ns1MonitorJob['rules'][number]>('MonitorRule').implement({
  fields: (t) => ({
    key: t.exposeString('key'),
    comparison: t.exposeString('comparison'),
    value: t.expose('value', { type: 'JSON', nullable: true }),
  }),
});

const StatusChangeRef = builder.objectRef<Ns1MonitorStatusChange>('MonitorStatusChange').implement({
  fields: (t) => ({
    jobId: t.exposeID('jobId'),
    region: t.exposeString('region'),
    status: t.field({ type: MonitorStateEnum, resolve: (c) => c.status }),
    since: t.expose('since', { type: 'DateTime', nullable: true }),
  }),
});

const MetricPointRef = builder.objectRef<{ at: Date; value: number }>('MetricPoint').implement({
  fields: (t) => ({ at: t.expose('at', { type: 'DateTime' }), value: t.exposeFloat('value') }),
});

const MonitorMetricsRef = builder.objectRef<Ns1MonitorMetrics>('MonitorMetrics').implement({
  fields: (t) => ({
    region: t.exposeString('region'),
    metric: t.exposeString('metric'),
    average: t.exposeFloat('average', { nullable: true }),
    graph: t.field({ type: [MetricPointRef], resolve: (m) => m.graph }),
  }),
});

const NotifierRef = builder.objectRef<Ns1NotificationList['notifiers'][number]>('Notifier').implement({
  fields: (t) => ({ type: t.exposeString('type'), config: t.field({ type: 'JSONObject', nullable: true, description: 'Secrets (keys, tokens, passwords, webhook URLs) are write-only: they read as \"********\".', resolve: (n) => writeOnlySecrets(n.config) }) }),
});

export const NotificationListRef = builder.objectRef<Ns1NotificationList>('NotificationList').implement({
  description: 'Where monitoring notifications go.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    notifiers: t.field({ type: [NotifierRef], resolve: (l) => l.notifiers }),
  }),
});

const MonitorJobTypeRef = builder.objectRef<Ns1Described>('MonitorJobType').implement({
  description: 'A kind of monitoring job and its options.',
  fields: (t) => ({
    key: t.exposeString('key'),
    shortDescription: t.exposeString('shortDescription', { nullable: true }),
    description: t.exposeString('description', { nullable: true, description: 'HTML.' }),
    config: t.expose('config', { type: 'JSONObject', description: 'Options and their descriptions.' }),
    results: t.expose('results', { type: 'JSONObject', description: 'Metrics and outputs rules can compare.' }),
  }),
});

const NotifierTypeRef = builder.objectRef<Ns1Described>('NotifierType').implement({
  description: 'A kind of notifier and its options.',
  fields: (t) => ({
    key: t.exposeString('key'),
    shortDescription: t.exposeString('shortDescription', { nullable: true }),
    description: t.exposeString('description', { nullable: true, description: 'HTML.' }),
    config: t.expose('config', { type: 'JSONObject', description: 'Options and their descriptions.' }),
  }),
});

const MonitorRegionRef = builder.objectRef<Ns1MonitorRegion>('MonitorRegion').implement({
  fields: (t) => ({ code: t.exposeString('code'), name: t.exposeString('name'), subnets: t.exposeStringList('subnets', { description: 'Where monitoring traffic comes from.' }) }),
});

export const MonitorJobRef = builder.objectRef<Ns1MonitorJob>('MonitorJob').implement({
  description: 'An NS1 monitoring job.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name', { nullable: true }),
    jobType: t.exposeString('jobType'),
    active: t.exposeBoolean('active'),
    regionScope: t.exposeString('regionScope', { nullable: true }),
    regions: t.exposeStringList('regions'),
    frequency: t.exposeInt('frequency', { description: 'Seconds between checks.' }),
    policy: t.exposeString('policy', { nullable: true }),
    config: t.field({ type: 'JSONObject', nullable: true, description: 'Secrets (keys, tokens, passwords, webhook URLs) are write-only: they read as \"********\".', resolve: (j) => writeOnlySecrets(j.config) }),
    rules: t.field({ type: [MonitorRuleRef], resolve: (j) => j.rules }),
    status: t.field({ type: MonitorStatusRef, resolve: (j) => j.status }),
    notifyList: t.field({ type: NotificationListRef, nullable: true, resolve: (j, _a, ctx) => monitoring.jobNotifyList(ctx, j) }),
    notifyDelay: t.exposeInt('notifyDelay', { nullable: true }),
    notifyRepeat: t.exposeInt('notifyRepeat', { nullable: true }),
    notifyFailback: t.exposeBoolean('notifyFailback', { nullable: true }),
    notifyRegional: t.exposeBoolean('notifyRegional', { nullable: true }),
    rapidRecheck: t.exposeBoolean('rapidRecheck', { nullable: true }),
    notes: t.exposeString('notes', { nullable: true }),
    history: t.field({
      type: [StatusChangeRef],
      args: {
        period: t.arg({ type: StatsPeriodEnum }),
        start: t.arg({ type: 'DateTime' }),
        end: t.arg({ type: 'DateTime' }),
        limit: t.arg.int({ validate: z.number().int().min(1).max(10_000) }),
        region: t.arg.string(),
      },
      resolve: (j, args, ctx) => monitoring.jobHistory(ctx, j, args),
    }),
    metrics: t.field({
      type: [MonitorMetricsRef],
      args: { period: t.arg({ type: StatsPeriodEnum, defaultValue: '24h' }), metric: t.arg.string(), region: t.arg.string() },
      resolve: (j, args, ctx) => monitoring.jobMetrics(ctx, j, args),
    }),
  }),
});

const id = z.string().trim().min(1, 'must not be empty');

builder.queryFields((t) => ({
  monitorJobs: t.field({ type: [MonitorJobRef], resolve: (_r, _a, ctx) => ns1MonitorJobs(requireNs1(ctx)) }),
  monitorJob: t.field({ type: MonitorJobRef, nullable: true, args: { id: t.arg.id({ required: true, validate: id }) }, resolve: (_r, a, ctx) => ns1MonitorJob(requireNs1(ctx), String(a.id)) }),
  monitorJobTypes: t.field({ type: [MonitorJobTypeRef], resolve: (_r, _a, ctx) => monitorJobTypes(ctx) }),
  monitorRegions: t.field({ type: [MonitorRegionRef], resolve: (_r, _a, ctx) => monitorRegions(ctx) }),
  notificationLists: t.field({ type: [NotificationListRef], resolve: (_r, _a, ctx) => notificationLists(ctx) }),
  notificationList: t.field({
    type: NotificationListRef,
    nullable: true,
    args: { id: t.arg.id({ required: true, validate: id }) },
    resolve: (_r, a, ctx) => ns1NotificationList(requireNs1(ctx), String(a.id)),
  }),
  notifierTypes: t.field({ type: [NotifierTypeRef], resolve: (_r, _a, ctx) => notifierTypes(ctx) }),
}));

const MonitorRuleInput = builder.inputType('MonitorRuleInput', {
  fields: (t) => ({
    key: t.string({ required: true, description: 'A result of the job type, e.g. "rtt", "loss", "output".' }),
    comparison: t.field({ type: ComparisonEnum, required: true }),
    value: t.field({ type: 'JSON', required: true }),
  }),
});

const regionCode = z.string().regex(/^[a-z]{2,5}$/, 'is not a monitoring region code (see monitorRegions)');

const MonitorJobInput = builder.inputType('MonitorJobInput', {
  fields: (t) => ({
    name: t.string({ validate: z.string().trim().min(1, 'must not be empty').max(255) }),
    jobType: t.field({ type: MonitorJobKindEnum }),
    active: t.boolean(),
    regions: t.stringList({ validate: z.array(regionCode) }),
    frequency: t.int({ validate: z.number().int().min(5, 'must be at least 5 seconds').max(86_400) }),
    policy: t.field({ type: MonitorPolicyEnum }),
    config: t.field({ type: 'JSONObject', description: 'The job type’s options, e.g. {"host": "192.0.2.1", "port": 443}.' }),
    rules: t.field({ type: [MonitorRuleInput] }),
    notifyListId: t.id(),
    notifyDelay: t.int({ validate: z.number().int().min(0) }),
    notifyRepeat: t.int({ validate: z.number().int().min(0) }),
    notifyFailback: t.boolean(),
    notifyRegional: t.boolean(),
    rapidRecheck: t.boolean(),
    notes: t.string(),
  }),
});

const NotifierInput = builder.inputType('NotifierInput', {
  fields: (t) => ({ type: t.field({ type: NotifierKindEnum, required: true }), config: t.field({ type: 'JSONObject', required: true }) }),
});

const NotificationListInput = builder.inputType('NotificationListInput', {
  fields: (t) => ({
    name: t.string({ validate: z.string().trim().min(1, 'must not be empty').max(255) }),
    notifiers: t.field({ type: [NotifierInput] }),
  }),
});

const jobArgs = (input: { notifyListId?: string | number | null } & Record<string, unknown>) => ({ ...input, notifyListId: input.notifyListId == null ? input.notifyListId : String(input.notifyListId) }) as monitoring.MonitorJobArgs;

builder.mutationFields((t) => ({
  createMonitorJob: t.field({ type: MonitorJobRef, args: { input: t.arg({ type: MonitorJobInput, required: true }) }, resolve: (_r, { input }, ctx) => monitoring.createMonitorJob(ctx, jobArgs(input)) }),
  updateMonitorJob: t.field({
    type: MonitorJobRef,
    args: { id: t.arg.id({ required: true, validate: id }), input: t.arg({ type: MonitorJobInput, required: true }) },
    resolve: (_r, args, ctx) => monitoring.updateMonitorJob(ctx, String(args.id), jobArgs(args.input)),
  }),
  deleteMonitorJob: t.boolean({ args: { id: t.arg.id({ required: true, validate: id }) }, resolve: (_r, args, ctx) => monitoring.deleteMonitorJob(ctx, String(args.id)) }),
  createNotificationList: t.field({
    type: NotificationListRef,
    args: { input: t.arg({ type: NotificationListInput, required: true }) },
    resolve: (_r, { input }, ctx) => monitoring.createNotificationList(ctx, input.name ?? '', (input.notifiers ?? []).map((n) => ({ type: n.type, config: n.config }))),
  }),
  updateNotificationList: t.field({
    type: NotificationListRef,
    args: { id: t.arg.id({ required: true, validate: id }), input: t.arg({ type: NotificationListInput, required: true }) },
    resolve: (_r, args, ctx) =>
      monitoring.updateNotificationList(ctx, String(args.id), { name: args.input.name, notifiers: args.input.notifiers?.map((n) => ({ type: n.type, config: n.config })) }),
  }),
  deleteNotificationList: t.boolean({ args: { id: t.arg.id({ required: true, validate: id }) }, resolve: (_r, args, ctx) => monitoring.deleteNotificationList(ctx, String(args.id)) }),
}));
