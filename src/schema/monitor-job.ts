import type { ArgBuilder } from '@pothos/core';
import { z } from 'zod';
import type { Ns1MonitorJob } from '../providers/ns1/monitoring.js';
import { jobHistory, jobMetrics } from '../resolvers/monitoring/monitor-jobs.js';
import { jobNotifyList } from '../resolvers/monitoring/notification-lists.js';
import { writeOnlySecrets } from '../resolvers/write-only.js';
import { builder } from './builder.js';
import { nameRule } from './input-rules.js';
import { MonitorMetricsRef } from './monitor-metrics.js';
import { MonitorRuleInput, MonitorRuleRef } from './monitor-rule.js';
import { MonitorStatusRef, StatusChangeRef } from './monitor-status.js';
import { NotificationListRef } from './notification-list.js';
import { StatsPeriodEnum } from './stats-period.js';

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

const MonitorRegionScopeEnum = builder.enumType('MonitorRegionScope', {
  description: 'How a job is assigned to monitoring regions; NS1 offers one way for now.',
  values: {
    FIXED: { value: 'fixed', description: 'In the regions the job lists.' },
  } as const,
});

type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** The arguments of a status history, of one job or of the account. */
export function historyArgs(t: { arg: ArgBuilder<BuilderTypes> }) {
  return {
    period: t.arg({ type: StatsPeriodEnum, description: 'The window, ending now.' }),
    start: t.arg({ type: 'DateTime', description: 'Only changes after this time.' }),
    end: t.arg({ type: 'DateTime', description: 'Only changes before this time; now when left out.' }),
    limit: t.arg.int({ description: 'At most this many entries, 1 to 10000.', validate: z.number().int().min(1).max(10_000) }),
    region: t.arg.string({
      description: 'Only this region code (see monitorRegions), or "global".',
      validate: z.string().regex(/^(?:[a-z]{2,5}|global)$/, 'is not a monitoring region code (see monitorRegions) or "global"'),
    }),
    exact: t.arg.boolean({ description: 'Also compute the status as of start and end exactly (needs start).' }),
  };
}

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
      resolve: (j, _a, ctx) => jobNotifyList(ctx, j),
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
      args: historyArgs(t),
      resolve: (j, args, ctx) => jobHistory(ctx, j, args),
      description: 'Status changes of the job, limited by period or start/end, limit and region. BAD_USER_INPUT when start is after end.',
    }),
    metrics: t.field({
      type: [MonitorMetricsRef],
      args: { period: t.arg({ type: StatsPeriodEnum, defaultValue: '24h' }), metric: t.arg.string(), region: t.arg.string() },
      resolve: (j, args, ctx) => jobMetrics(ctx, j, args),
      description: 'Metrics the job has measured over the period (one entry per region and metric), e.g. rtt or loss.',
    }),
  }),
});

const regionCode = z.string().regex(/^[a-z]{2,5}$/, 'is not a monitoring region code (see monitorRegions)');

export const MonitorJobInput = builder.inputType('MonitorJobInput', {
  description: 'A monitoring job, or changes to one. To create, name, jobType, regions and config are required; on update, fields left out stay as they are.',
  fields: (t) => ({
    name: t.string({ validate: nameRule, description: 'Display name, 1 to 255 characters.' }),
    jobType: t.field({ type: MonitorJobKindEnum, description: 'The kind of check.' }),
    active: t.boolean({ description: 'Run the job (false disables it for now).' }),
    regionScope: t.field({ type: MonitorRegionScopeEnum, description: 'How the job is assigned to regions; NS1 takes FIXED, the regions listed.' }),
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
      validate: z
        .number()
        .int()
        .refine((seconds) => seconds === 0 || seconds >= 60, 'is 0 for none, else at least 60 seconds'),
      description: 'Seconds between repeated notifications while down; 0 for none, else at least 60 (NS1’s rule).',
    }),
    notifyFailback: t.boolean({ description: 'Notify when the job is up again.' }),
    notifyRegional: t.boolean({ description: 'Notify failures in single regions too.' }),
    rapidRecheck: t.boolean({ description: 'Confirm a status change by running the job again after one second.' }),
    notes: t.string({ description: 'Free-form notes included in notifications.' }),
  }),
});
