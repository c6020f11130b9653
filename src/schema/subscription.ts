import { delivered } from '../subscriptions/delivery.js';
import { MONITOR_STATUS_INTERVAL_SECONDS, monitorJobStatusSubscription, type MonitorJobStatusEvent } from '../subscriptions/sources/monitor-status.js';
import { QPS_INTERVAL_SECONDS, qpsSubscription, type QpsSample } from '../subscriptions/sources/qps.js';
import { ZONE_IMPORT_INTERVAL_SECONDS, zoneImportSubscription } from '../subscriptions/sources/zone-import.js';
import { ZONE_TRANSFER_STATUS_INTERVAL_SECONDS, zoneTransferStatusSubscription } from '../subscriptions/sources/zone-transfer-status.js';
import { builder } from './builder.js';
import { BuddyNsZoneStatusRef } from './buddyns-zone.js';
import { MonitorStateEnum } from './monitor-job.js';
import { RecordTypeEnum } from './record.js';
import { ZoneImportJobRef } from './zone-import.js';

const QpsSampleRef = builder.objectRef<QpsSample>('QpsSample').implement({
  description: 'Queries per second from NS1 at one moment: of the account, a zone, or one record.',
  fields: (t) => ({
    qps: t.exposeFloat('qps', { description: 'Queries per second NS1 reports at sampledAt.' }),
    zone: t.field({ type: 'DomainName', nullable: true, description: 'Null for the whole account.', resolve: (s) => s.zone }),
    domain: t.field({ type: 'DomainName', nullable: true, description: 'Set for one record.', resolve: (s) => s.domain }),
    type: t.field({ type: RecordTypeEnum, nullable: true, description: 'Set for one record.', resolve: (s) => s.type }),
    sampledAt: t.expose('sampledAt', { type: 'DateTime', description: 'When the gateway took the sample from NS1.' }),
  }),
});

const MonitorJobStatusEventRef = builder.objectRef<MonitorJobStatusEvent>('MonitorJobStatusEvent').implement({
  description: "A monitoring job's status in one region (or globally) as it changes.",
  fields: (t) => ({
    jobId: t.exposeID('jobId', { description: 'NS1’s id of the monitoring job.' }),
    jobName: t.exposeString('jobName', { nullable: true, description: 'The job’s name; null when the job has none.' }),
    region: t.exposeString('region', { description: '"global" for the job as a whole (by its policy).' }),
    previousStatus: t.field({
      type: MonitorStateEnum,
      nullable: true,
      description: 'Null in the first event of a job and region: the status it had when the subscription began.',
      resolve: (e) => e.previousStatus,
    }),
    status: t.field({ type: MonitorStateEnum, description: 'The status now: UP, DOWN or PENDING.', resolve: (e) => e.status }),
    changedAt: t.expose('changedAt', { type: 'DateTime', description: 'When the status began, as NS1 reports it.' }),
  }),
});

builder.subscriptionType({
  description:
    'Each field polls its provider on a shared poller: one upstream request per credential, resource and interval, however many clients subscribe. It emits the current value at once, then each change; a failed poll arrives as an error in the stream, which stays open.',
});

builder.subscriptionFields((t) => ({
  qps: t.field({
    type: QpsSampleRef,
    description: 'NS1 queries per second, every interval: of the account without a zone, of a zone, or of a record with domain and type.',
    args: {
      zone: t.arg({ type: 'DomainName', description: 'The zone; leave out for the whole account.' }),
      domain: t.arg({ type: 'DomainName', description: 'A record’s domain, with type, for one record of the zone.' }),
      type: t.arg({ type: RecordTypeEnum, description: 'The record’s type, with domain.' }),
      intervalSeconds: t.arg.int({ defaultValue: QPS_INTERVAL_SECONDS }),
    },
    subscribe: (_root, args, ctx) => qpsSubscription(ctx, args),
    resolve: (delivery) => delivered(delivery),
  }),
  monitorJobStatus: t.field({
    type: MonitorJobStatusEventRef,
    description: 'NS1 monitoring status, one event per job and region whose status changed; of every job when id is null.',
    args: { id: t.arg.id(), intervalSeconds: t.arg.int({ defaultValue: MONITOR_STATUS_INTERVAL_SECONDS }) },
    subscribe: (_root, args, ctx) => monitorJobStatusSubscription(ctx, args),
    resolve: (delivery) => delivered(delivery),
  }),
  zoneImport: t.field({
    type: ZoneImportJobRef,
    description: 'An asynchronous NS1 zone file import, until it has finished; then the subscription completes.',
    args: { jobId: t.arg.id({ required: true }), intervalSeconds: t.arg.int({ defaultValue: ZONE_IMPORT_INTERVAL_SECONDS }) },
    subscribe: (_root, args, ctx) => zoneImportSubscription(ctx, args),
    resolve: (delivery) => delivered(delivery),
  }),
  zoneTransferStatus: t.field({
    type: BuddyNsZoneStatusRef,
    description: "A BuddyNS secondary zone's transfer status, whenever it changes.",
    args: { name: t.arg({ type: 'DomainName', required: true }), intervalSeconds: t.arg.int({ defaultValue: ZONE_TRANSFER_STATUS_INTERVAL_SECONDS }) },
    subscribe: (_root, args, ctx) => zoneTransferStatusSubscription(ctx, args),
    resolve: (delivery) => delivered(delivery),
  }),
}));
