import { z } from 'zod';
import { ns1MonitorJob, ns1MonitorJobs, ns1NotificationList } from '../loaders/ns1-ops.js';
import type { Ns1MonitorJob, Ns1MonitorMetrics, Ns1MonitorRegion, Ns1MonitorStatusChange, Ns1RegionStatus } from '../providers/ns1/monitoring.js';
import type { Ns1NotificationList } from '../providers/ns1/notify-lists.js';
import type { Ns1Described } from '../providers/ns1/described.js';
import * as monitoring from '../resolvers/monitoring.js';
import { monitorJobTypes, monitorRegions, notificationLists, notifierTypes } from '../resolvers/ns1-catalogs.js';
import { requireNs1 } from '../resolvers/providers.js';
import { builder } from './builder.js';
import { StatsPeriodEnum } from './usage-stats.js';
import { writeOnlySecrets } from '../resolvers/write-only.js';

export const MonitorStateEnum = builder.enumType('MonitorState', {
  description: 'The status of a monitoring job, globally or in one region.',
  values: {
    UP: { value: 'up', description: 'The job’s rules pass.' },
    DOWN: { value: 'down', description: 'The job’s rules fail: the job is marked failed.' },
    PENDING: { value: 'pending', description: 'Neither up nor down yet, as NS1 reports it.' },
  } as const,
});

const ComparisonEnum = builder.enumType('ComparisonOperator', {
  description: 'How a monitoring rule compares a job result with its value: CONTAINS with a string, the others with a number.',
  values: {
    LESS_THAN: { value: '<', description: 'The result is below the value ("<").' },
    LESS_OR_EQUAL: { value: '<=', description: 'The result is at most the value ("<=").' },
    GREATER_THAN: { value: '>', description: 'The result is above the value (">").' },
    GREATER_OR_EQUAL: { value: '>=', description: 'The result is at least the value (">=").' },
    EQUAL: { value: '==', description: 'The result equals the value ("==").' },
    NOT_EQUAL: { value: '!=', description: 'The result differs from the value ("!=").' },
    CONTAINS: { value: 'contains', description: 'The result, a string such as "output", contains the value.' },
  } as const,
});

const MonitorJobKindEnum = builder.enumType('MonitorJobKind', {
  description: 'The kinds of check NS1 monitoring runs (see monitorJobTypes for their options).',
  values: {
    PING: { value: 'ping', description: 'Pings a host, e.g. with a rule on "loss".' },
    TCP: { value: 'tcp', description: 'Connects to a host and port, optionally sends data and reads the answer ("output").' },
    HTTP: { value: 'http', description: 'An HTTP check.' },
    DNS: { value: 'dns', description: 'A DNS check.' },
  } as const,
});

const MonitorPolicyEnum = builder.enumType('MonitorPolicy', {
  description: 'How regional results make the global status.',
  values: {
    QUORUM: { value: 'quorum', description: 'The status of the majority of regions.' },
    ALL: { value: 'all', description: 'Changes only when all regions agree.' },
    ONE: { value: 'one', description: 'Down when any region is down.' },
  } as const,
});

export const NotifierKindEnum = builder.enumType('NotifierKind', {
  description: 'Where a notifier sends monitoring notifications (see notifierTypes for each kind’s options).',
  values: {
    EMAIL: { value: 'email', description: 'An e-mail address.' },
    USER: { value: 'user', description: 'A user of the NS1 account.' },
    DATAFEED: { value: 'datafeed', description: 'An NS1 data source of type nsone_monitoring; its feeds pass status changes on to answer metadata.' },
    WEBHOOK: { value: 'webhook', description: 'A URL the notification is sent to.' },
    PAGERDUTY: { value: 'pagerduty', description: 'A PagerDuty service.' },
    SLACK: { value: 'slack', description: 'A Slack channel.' },
  } as const,
});

export const RegionStatusRef = builder.objectRef<Ns1RegionStatus>('MonitorRegionStatus').implement({
  description: "A monitoring job's status in one region, or globally.",
  fields: (t) => ({
    region: t.exposeString('region', { description: '"global" for the job as a whole.' }),
    status: t.field({ type: MonitorStateEnum, description: 'UP, DOWN or PENDING.', resolve: (s) => s.status }),
    since: t.expose('since', { type: 'DateTime', nullable: true, description: 'When this status began; null when NS1 does not say.' }),
  }),
});

const MonitorStatusRef = builder.objectRef<Ns1MonitorJob['status']>('MonitorStatus').implement({
  description: 'A job’s status, global (computed by its policy) and per region.',
  fields: (t) => ({
    global: t.field({
      type: RegionStatusRef,
      resolve: (s) => s.global,
      description: 'The job’s overall status, computed from the regions by its policy.',
    }),
    regions: t.field({ type: [RegionStatusRef], description: 'The status in each region the job runs in.', resolve: (s) => s.regions }),
  }),
});

const MonitorRuleRef = builder.objectRef<Ns1MonitorJob['rules'][number]>('MonitorRule').implement({
  description: 'A condition a job result must meet, or the job is marked down, e.g. rtt < 100.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The job result compared, e.g. "rtt", "loss" or "output" (see monitorJobTypes.results).' }),
    comparison: t.exposeString('comparison', { description: 'The comparison as NS1 writes it: "<", "<=", ">", ">=", "==", "!=" or "contains".' }),
    value: t.expose('value', {
      type: 'JSON',
      nullable: true,
      description: 'The value the result is compared with: a number, or a string for "contains".',
    }),
  }),
});

const StatusChangeRef = builder.objectRef<Ns1MonitorStatusChange>('MonitorStatusChange').implement({
  description: 'One entry of a monitoring job’s status history.',
  fields: (t) => ({
    jobId: t.exposeID('jobId', { description: 'NS1’s id of the job.' }),
    region: t.exposeString('region', { description: 'The region code, or "global" for the job as a whole.' }),
    status: t.field({ type: MonitorStateEnum, description: 'The status the job entered.', resolve: (c) => c.status }),
    since: t.expose('since', { type: 'DateTime', nullable: true, description: 'When it entered that status; null when NS1 does not say.' }),
  }),
});

const MetricPointRef = builder.objectRef<{ at: Date; value: number }>('MetricPoint').implement({
  description: 'One point of a monitoring metric graph.',
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime', description: 'The time of the point, as NS1 gives it.' }),
    value: t.exposeFloat('value', { description: 'The metric’s value at that time, in the metric’s unit.' }),
  }),
});

const MonitorMetricsRef = builder.objectRef<Ns1MonitorMetrics>('MonitorMetrics').implement({
  description: 'One metric of a monitoring job in one region over a period, e.g. rtt or loss.',
  fields: (t) => ({
    region: t.exposeString('region', { description: 'The region code; "global" for the average across all active regions.' }),
    metric: t.exposeString('metric', { description: 'The metric name, e.g. "rtt" or "connect" (see monitorJobTypes.results).' }),
    average: t.exposeFloat('average', { nullable: true, description: 'The average over the period, in the metric’s unit; null when NS1 has none.' }),
    graph: t.field({ type: [MetricPointRef], description: 'The metric over time, oldest first.', resolve: (m) => m.graph }),
  }),
});

const NotifierRef = builder.objectRef<Ns1NotificationList['notifiers'][number]>('Notifier').implement({
  description: 'One destination of a notification list.',
  fields: (t) => ({
    type: t.exposeString('type', { description: 'The notifier kind as NS1 names it, e.g. "email", "webhook" or "datafeed".' }),
    config: t.field({
      type: 'JSONObject',
      nullable: true,
      resolve: (n) => writeOnlySecrets(n.config),
      description:
        'The kind’s options, e.g. {"email": "ops@example.com"}; null when NS1 sends none. Secrets (keys, tokens, passwords, webhook URLs) are write-only: they read as "********".',
    }),
  }),
});

export const NotificationListRef = builder.objectRef<Ns1NotificationList>('NotificationList').implement({
  description: 'Where monitoring notifications go.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'NS1’s id of the list; monitoring jobs refer to it.' }),
    name: t.exposeString('name', { description: 'Display name of the list.' }),
    notifiers: t.field({ type: [NotifierRef], description: 'Where the list sends notifications.', resolve: (l) => l.notifiers }),
  }),
});

const MonitorJobTypeRef = builder.objectRef<Ns1Described>('MonitorJobType').implement({
  description: 'A kind of monitoring job and its options.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The job type key, e.g. "ping", "tcp", "http" or "dns".' }),
    shortDescription: t.exposeString('shortDescription', { nullable: true, description: 'One line on the job type; null when NS1 gives none.' }),
    description: t.exposeString('description', { nullable: true, description: 'HTML.' }),
    config: t.expose('config', { type: 'JSONObject', description: 'Options and their descriptions.' }),
    results: t.expose('results', { type: 'JSONObject', description: 'Metrics and outputs rules can compare.' }),
  }),
});

const NotifierTypeRef = builder.objectRef<Ns1Described>('NotifierType').implement({
  description: 'A kind of notifier and its options.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The notifier kind, e.g. "email" or "webhook".' }),
    shortDescription: t.exposeString('shortDescription', { nullable: true, description: 'One line on the notifier kind; null when NS1 gives none.' }),
    description: t.exposeString('description', { nullable: true, description: 'HTML.' }),
    config: t.expose('config', { type: 'JSONObject', description: 'Options and their descriptions.' }),
  }),
});

const MonitorRegionRef = builder.objectRef<Ns1MonitorRegion>('MonitorRegion').implement({
  description: 'A region NS1 monitoring runs checks from.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'The region code jobs list in regions, e.g. "lga".' }),
    name: t.exposeString('name', { description: 'Display name of the region, e.g. "New York".' }),
    subnets: t.exposeStringList('subnets', { description: 'Where monitoring traffic comes from.' }),
  }),
});

export const MonitorJobRef = builder.objectRef<Ns1MonitorJob>('MonitorJob').implement({
  description: 'An NS1 monitoring job.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'NS1’s id of the job; the key other subgraphs use.' }),
    name: t.exposeString('name', { nullable: true, description: 'Free-form display name; null when the job has none.' }),
    jobType: t.exposeString('jobType', { description: 'The kind of check, e.g. "ping", "tcp", "http" or "dns" (see monitorJobTypes).' }),
    active: t.exposeBoolean('active', { description: 'Whether the job runs; false while it is temporarily disabled.' }),
    regionScope: t.exposeString('regionScope', {
      nullable: true,
      description: 'How regions are assigned, as NS1 sends it; "fixed" means the regions listed.',
    }),
    regions: t.exposeStringList('regions', {
      description: 'Codes of the monitoring regions the job runs in, e.g. "lga", "sin" (see monitorRegions).',
    }),
    frequency: t.exposeInt('frequency', { description: 'Seconds between checks.' }),
    policy: t.exposeString('policy', {
      nullable: true,
      description: 'How regional results make the global status: "quorum" (majority), "all" (all regions agree) or "one" (down if any region is down).',
    }),
    config: t.field({
      type: 'JSONObject',
      nullable: true,
      resolve: (j) => writeOnlySecrets(j.config),
      description:
        'The job type’s options, e.g. {"host": "1.2.3.4", "port": 443}; null when NS1 sends none. Secrets (keys, tokens, passwords, webhook URLs) are write-only: they read as "********".',
    }),
    rules: t.field({ type: [MonitorRuleRef], description: 'Conditions the results must meet, or the job is marked down.', resolve: (j) => j.rules }),
    status: t.field({ type: MonitorStatusRef, description: 'The status now, globally and per region.', resolve: (j) => j.status }),
    notifyList: t.field({
      type: NotificationListRef,
      nullable: true,
      resolve: (j, _a, ctx) => monitoring.jobNotifyList(ctx, j),
      description: 'Where notifications about this job go; null when none are sent.',
    }),
    notifyDelay: t.exposeInt('notifyDelay', {
      nullable: true,
      description: 'Seconds to wait after a failure before notifying; no notification when the job is up again before. 0 notifies at once.',
    }),
    notifyRepeat: t.exposeInt('notifyRepeat', {
      nullable: true,
      description: 'Seconds between repeated notifications while the job is down; 0 sends no repeats.',
    }),
    notifyFailback: t.exposeBoolean('notifyFailback', { nullable: true, description: 'Whether a notification is sent when the job is up again.' }),
    notifyRegional: t.exposeBoolean('notifyRegional', {
      nullable: true,
      description: 'Whether failures in single regions are notified too, not only global status changes.',
    }),
    rapidRecheck: t.exposeBoolean('rapidRecheck', {
      nullable: true,
      description: 'Whether an apparent status change is confirmed by running the job again after one second before notifying.',
    }),
    notes: t.exposeString('notes', {
      nullable: true,
      description: 'Free-form notes included in the job’s notifications, e.g. instructions for operators.',
    }),
    history: t.field({
      type: [StatusChangeRef],
      args: {
        period: t.arg({ type: StatsPeriodEnum, description: 'The window, ending now.' }),
        start: t.arg({ type: 'DateTime', description: 'Only changes after this time.' }),
        end: t.arg({ type: 'DateTime', description: 'Only changes before this time; now when left out.' }),
        limit: t.arg.int({ description: 'At most this many entries, 1 to 10000.', validate: z.number().int().min(1).max(10_000) }),
        region: t.arg.string({ description: 'Only this region code, or "global".' }),
      },
      resolve: (j, args, ctx) => monitoring.jobHistory(ctx, j, args),
      description: 'Status changes of the job, limited by period or start/end, limit and region. BAD_USER_INPUT when start is after end.',
    }),
    metrics: t.field({
      type: [MonitorMetricsRef],
      args: { period: t.arg({ type: StatsPeriodEnum, defaultValue: '24h' }), metric: t.arg.string(), region: t.arg.string() },
      resolve: (j, args, ctx) => monitoring.jobMetrics(ctx, j, args),
      description: 'Metrics the job has measured over the period (one entry per region and metric), e.g. rtt or loss.',
    }),
  }),
});

const id = z.string().trim().min(1, 'must not be empty');

builder.queryFields((t) => ({
  monitorJobs: t.field({
    type: [MonitorJobRef],
    resolve: (_r, _a, ctx) => ns1MonitorJobs(requireNs1(ctx)),
    description: 'Every NS1 monitoring job of the account, with its current status.',
  }),
  monitorJob: t.field({
    type: MonitorJobRef,
    nullable: true,
    args: { id: t.arg.id({ required: true, validate: id }) },
    resolve: (_r, a, ctx) => ns1MonitorJob(requireNs1(ctx), String(a.id)),
    description: 'One NS1 monitoring job by id, with its current status; null when NS1 does not have it.',
  }),
  monitorJobTypes: t.field({
    type: [MonitorJobTypeRef],
    resolve: (_r, _a, ctx) => monitorJobTypes(ctx),
    description: 'The kinds of check NS1 monitoring runs, with their options and results.',
  }),
  monitorRegions: t.field({
    type: [MonitorRegionRef],
    resolve: (_r, _a, ctx) => monitorRegions(ctx),
    description: 'The regions NS1 monitoring runs from, with their codes and source subnets.',
  }),
  notificationLists: t.field({
    type: [NotificationListRef],
    resolve: (_r, _a, ctx) => notificationLists(ctx),
    description: 'Every NS1 notification list of the account.',
  }),
  notificationList: t.field({
    type: NotificationListRef,
    nullable: true,
    args: { id: t.arg.id({ required: true, validate: id }) },
    resolve: (_r, a, ctx) => ns1NotificationList(requireNs1(ctx), String(a.id)),
    description: 'One NS1 notification list by id; null when NS1 does not have it.',
  }),
  notifierTypes: t.field({
    type: [NotifierTypeRef],
    resolve: (_r, _a, ctx) => notifierTypes(ctx),
    description: 'The kinds of notifier NS1 can send to, with their options.',
  }),
}));

const MonitorRuleInput = builder.inputType('MonitorRuleInput', {
  description: 'A condition a job result must meet, or the job is marked down.',
  fields: (t) => ({
    key: t.string({ required: true, description: 'A result of the job type, e.g. "rtt", "loss", "output".' }),
    comparison: t.field({
      type: ComparisonEnum,
      required: true,
      description: 'The comparison; CONTAINS compares with a string, the others with a number.',
    }),
    value: t.field({
      type: 'JSON',
      required: true,
      description: 'The value to compare with: a number, or a string for CONTAINS (BAD_USER_INPUT otherwise).',
    }),
  }),
});

const regionCode = z.string().regex(/^[a-z]{2,5}$/, 'is not a monitoring region code (see monitorRegions)');

const MonitorJobInput = builder.inputType('MonitorJobInput', {
  description: 'A monitoring job, or changes to one. To create, name, jobType, regions and config are required; on update, fields left out stay as they are.',
  fields: (t) => ({
    name: t.string({ validate: z.string().trim().min(1, 'must not be empty').max(255), description: 'Display name, 1 to 255 characters.' }),
    jobType: t.field({ type: MonitorJobKindEnum, description: 'The kind of check.' }),
    active: t.boolean({ description: 'Run the job (false disables it for now).' }),
    regions: t.stringList({
      validate: z.array(regionCode),
      description: 'Codes of the monitoring regions to run in, at least one (see monitorRegions).',
    }),
    frequency: t.int({
      validate: z.number().int().min(5, 'must be at least 5 seconds').max(86_400),
      description: 'Seconds between checks in each region, 5 to 86400; the least NS1 accepts depends on the plan.',
    }),
    policy: t.field({ type: MonitorPolicyEnum, description: 'How regional results make the global status.' }),
    config: t.field({ type: 'JSONObject', description: 'The job type’s options, e.g. {"host": "192.0.2.1", "port": 443}.' }),
    rules: t.field({ type: [MonitorRuleInput], description: 'Conditions the results must meet; replaces the job’s rules.' }),
    notifyListId: t.id({ description: 'Id of the notification list to notify; without one, no notifications are sent.' }),
    notifyDelay: t.int({ validate: z.number().int().min(0), description: 'Seconds to wait after a failure before notifying; 0 notifies at once.' }),
    notifyRepeat: t.int({
      validate: z.number().int().min(0),
      description: 'Seconds between repeated notifications while down; 0 for none, else at least 60 (NS1’s rule).',
    }),
    notifyFailback: t.boolean({ description: 'Notify when the job is up again.' }),
    notifyRegional: t.boolean({ description: 'Notify failures in single regions too.' }),
    rapidRecheck: t.boolean({ description: 'Confirm a status change by running the job again after one second.' }),
    notes: t.string({ description: 'Free-form notes included in notifications.' }),
  }),
});

const NotifierInput = builder.inputType('NotifierInput', {
  description: 'One destination of a notification list.',
  fields: (t) => ({
    type: t.field({ type: NotifierKindEnum, required: true, description: 'The notifier kind.' }),
    config: t.field({
      type: 'JSONObject',
      required: true,
      description: 'The kind’s options, as notifierTypes describes them, e.g. {"email": "ops@example.com"}.',
    }),
  }),
});

const NotificationListInput = builder.inputType('NotificationListInput', {
  description: 'A notification list, or changes to one; on update, fields left out stay as they are.',
  fields: (t) => ({
    name: t.string({ validate: z.string().trim().min(1, 'must not be empty').max(255), description: 'Display name, 1 to 255 characters.' }),
    notifiers: t.field({ type: [NotifierInput], description: 'Where to send notifications; replaces the list’s notifiers.' }),
  }),
});

const jobArgs = (input: { notifyListId?: string | number | null } & Record<string, unknown>) =>
  ({ ...input, notifyListId: input.notifyListId == null ? input.notifyListId : String(input.notifyListId) }) as monitoring.MonitorJobArgs;

builder.mutationFields((t) => ({
  createMonitorJob: t.field({
    type: MonitorJobRef,
    args: { input: t.arg({ type: MonitorJobInput, required: true }) },
    resolve: (_r, { input }, ctx) => monitoring.createMonitorJob(ctx, jobArgs(input)),
    description:
      'Creates an NS1 monitoring job and returns it with its status. BAD_USER_INPUT without name, jobType, regions or config, or when a rule’s value does not suit its comparison.',
  }),
  updateMonitorJob: t.field({
    type: MonitorJobRef,
    args: { id: t.arg.id({ required: true, validate: id }), input: t.arg({ type: MonitorJobInput, required: true }) },
    resolve: (_r, args, ctx) => monitoring.updateMonitorJob(ctx, String(args.id), jobArgs(args.input)),
    description: 'Changes an NS1 monitoring job and returns it as NS1 now has it; fields left out stay as they are.',
  }),
  deleteMonitorJob: t.boolean({
    args: { id: t.arg.id({ required: true, validate: id }) },
    resolve: (_r, args, ctx) => monitoring.deleteMonitorJob(ctx, String(args.id)),
    description: 'Stops and deletes an NS1 monitoring job at once; true once NS1 has removed it.',
  }),
  createNotificationList: t.field({
    type: NotificationListRef,
    args: { input: t.arg({ type: NotificationListInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      monitoring.createNotificationList(
        ctx,
        input.name ?? '',
        (input.notifiers ?? []).map((n) => ({ type: n.type, config: n.config })),
      ),
    description: 'Creates an NS1 notification list and returns it.',
  }),
  updateNotificationList: t.field({
    type: NotificationListRef,
    args: { id: t.arg.id({ required: true, validate: id }), input: t.arg({ type: NotificationListInput, required: true }) },
    resolve: (_r, args, ctx) =>
      monitoring.updateNotificationList(ctx, String(args.id), {
        name: args.input.name,
        notifiers: args.input.notifiers?.map((n) => ({ type: n.type, config: n.config })),
      }),
    description: 'Changes a notification list’s name or notifiers and returns it as NS1 now has it.',
  }),
  deleteNotificationList: t.boolean({
    args: { id: t.arg.id({ required: true, validate: id }) },
    resolve: (_r, args, ctx) => monitoring.deleteNotificationList(ctx, String(args.id)),
    description: 'Deletes an NS1 notification list; true once NS1 has removed it.',
  }),
}));
