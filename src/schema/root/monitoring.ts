import { ns1MonitorJob, ns1MonitorJobs, ns1NotificationList } from '../../loaders/ns1-ops.js';
import {
  createMonitorJob,
  deleteMonitorJob,
  monitorHistory,
  monitorJobTypes,
  monitorRegions,
  type MonitorJobArgs,
  updateMonitorJob,
} from '../../resolvers/monitoring/monitor-jobs.js';
import {
  createNotificationList,
  deleteNotificationList,
  notificationLists,
  notifierTypes,
  updateNotificationList,
} from '../../resolvers/monitoring/notification-lists.js';
import { requireNs1 } from '../../resolvers/providers.js';
import { builder } from '../builder.js';
import { idRule } from '../input-rules.js';
import { MonitorJobTypeRef } from '../monitor-job-type.js';
import { historyArgs, MonitorJobInput, MonitorJobRef } from '../monitor-job.js';
import { StatusChangeRef } from '../monitor-status.js';
import { MonitorRegionRef } from '../monitor-region.js';
import { NotificationListInput, NotificationListRef } from '../notification-list.js';
import { NotifierTypeRef } from '../notifier-type.js';

const jobArgs = (input: { notifyListId?: string | number | null } & Record<string, unknown>) =>
  ({ ...input, notifyListId: input.notifyListId == null ? input.notifyListId : String(input.notifyListId) }) as MonitorJobArgs;

builder.queryFields((t) => ({
  monitorJobs: t.field({
    type: [MonitorJobRef],
    resolve: (_r, _a, ctx) => ns1MonitorJobs(requireNs1(ctx)),
    description: 'Every NS1 monitoring job of the account, with its current status.',
  }),
  monitorJob: t.field({
    type: MonitorJobRef,
    nullable: true,
    args: { id: t.arg.id({ required: true, validate: idRule }) },
    resolve: (_r, a, ctx) => ns1MonitorJob(requireNs1(ctx), String(a.id)),
    description: 'One NS1 monitoring job by id, with its current status; null when NS1 does not have it.',
  }),
  monitorHistory: t.field({
    type: [StatusChangeRef],
    args: historyArgs(t),
    resolve: (_r, args, ctx) => monitorHistory(ctx, undefined, args),
    description:
      'Status changes of every monitoring job of the account, limited by period or start/end, limit and region. BAD_USER_INPUT when start is after end.',
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
    args: { id: t.arg.id({ required: true, validate: idRule }) },
    resolve: (_r, a, ctx) => ns1NotificationList(requireNs1(ctx), String(a.id)),
    description: 'One NS1 notification list by id; null when NS1 does not have it.',
  }),
  notifierTypes: t.field({
    type: [NotifierTypeRef],
    resolve: (_r, _a, ctx) => notifierTypes(ctx),
    description: 'The kinds of notifier NS1 can send to, with their options.',
  }),
}));

builder.mutationFields((t) => ({
  createMonitorJob: t.field({
    type: MonitorJobRef,
    args: { input: t.arg({ type: MonitorJobInput, required: true }) },
    resolve: (_r, { input }, ctx) => createMonitorJob(ctx, jobArgs(input)),
    description:
      'Creates an NS1 monitoring job and returns it with its status. BAD_USER_INPUT without name, jobType, regions or config, or when a rule’s value does not suit its comparison.',
  }),
  updateMonitorJob: t.field({
    type: MonitorJobRef,
    args: { id: t.arg.id({ required: true, validate: idRule }), input: t.arg({ type: MonitorJobInput, required: true }) },
    resolve: (_r, args, ctx) => updateMonitorJob(ctx, String(args.id), jobArgs(args.input)),
    description: 'Changes an NS1 monitoring job and returns it as NS1 now has it; fields left out stay as they are.',
  }),
  deleteMonitorJob: t.boolean({
    args: { id: t.arg.id({ required: true, validate: idRule }) },
    resolve: (_r, args, ctx) => deleteMonitorJob(ctx, String(args.id)),
    description: 'Stops and deletes an NS1 monitoring job at once; true once NS1 has removed it.',
  }),
  createNotificationList: t.field({
    type: NotificationListRef,
    args: { input: t.arg({ type: NotificationListInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      createNotificationList(
        ctx,
        input.name ?? '',
        (input.notifiers ?? []).map((n) => ({ type: n.type, config: n.config })),
      ),
    description: 'Creates an NS1 notification list and returns it.',
  }),
  updateNotificationList: t.field({
    type: NotificationListRef,
    args: { id: t.arg.id({ required: true, validate: idRule }), input: t.arg({ type: NotificationListInput, required: true }) },
    resolve: (_r, args, ctx) =>
      updateNotificationList(ctx, String(args.id), {
        name: args.input.name,
        notifiers: args.input.notifiers?.map((n) => ({ type: n.type, config: n.config })),
      }),
    description: 'Changes a notification list’s name or notifiers and returns it as NS1 now has it.',
  }),
  deleteNotificationList: t.boolean({
    args: { id: t.arg.id({ required: true, validate: idRule }) },
    resolve: (_r, args, ctx) => deleteNotificationList(ctx, String(args.id)),
    description: 'Deletes an NS1 notification list; true once NS1 has removed it.',
  }),
}));
