import { delivered } from '../../subscriptions/delivery.js';
import { MONITOR_STATUS_INTERVAL_SECONDS, monitorJobStatusSubscription } from '../../subscriptions/sources/monitor-status.js';
import { QPS_INTERVAL_SECONDS, qpsSubscription } from '../../subscriptions/sources/qps.js';
import { ZONE_IMPORT_INTERVAL_SECONDS, zoneImportSubscription } from '../../subscriptions/sources/zone-import.js';
import { ZONE_TRANSFER_STATUS_INTERVAL_SECONDS, zoneTransferStatusSubscription } from '../../subscriptions/sources/zone-transfer-status.js';
import { BuddyNsZoneStatusRef } from '../buddyns-zone-status.js';
import { builder } from '../builder.js';
import { MonitorJobStatusEventRef } from '../monitor-job-status-event.js';
import { QpsSampleRef } from '../qps-sample.js';
import { RecordTypeEnum } from '../record-type.js';
import { ZoneImportJobRef } from '../zone-import.js';

builder.subscriptionFields((t) => ({
  qps: t.field({
    type: QpsSampleRef,
    description:
      'NS1 queries per second, every interval: of the account without a zone, of a zone, or of a record with domain and type. A zone or record NS1 does not have ends the subscription after its NOT_FOUND.',
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
    description: "A BuddyNS secondary zone's transfer status, whenever it changes. A zone BuddyNS does not serve ends the subscription after its NOT_FOUND.",
    args: { name: t.arg({ type: 'DomainName', required: true }), intervalSeconds: t.arg.int({ defaultValue: ZONE_TRANSFER_STATUS_INTERVAL_SECONDS }) },
    subscribe: (_root, args, ctx) => zoneTransferStatusSubscription(ctx, args),
    resolve: (delivery) => delivered(delivery),
  }),
}));
