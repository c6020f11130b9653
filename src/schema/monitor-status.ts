import type { Ns1MonitorJob, Ns1MonitorStatusChange, Ns1RegionStatus } from '../providers/ns1/monitoring.js';
import { builder } from './builder.js';
import { MonitorStateEnum } from './monitor-state.js';

const RegionStatusRef = builder.objectRef<Ns1RegionStatus>('MonitorRegionStatus').implement({
  description: "A monitoring job's status in one region, or globally.",
  fields: (t) => ({
    region: t.exposeString('region', { description: '"global" for the job as a whole.' }),
    status: t.field({ type: MonitorStateEnum, description: 'UP, DOWN or PENDING.', resolve: (s) => s.status }),
    since: t.expose('since', { type: 'DateTime', nullable: true, description: 'When this status began; null when NS1 does not say.' }),
  }),
});

export const MonitorStatusRef = builder.objectRef<Ns1MonitorJob['status']>('MonitorStatus').implement({
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

export const StatusChangeRef = builder.objectRef<Ns1MonitorStatusChange>('MonitorStatusChange').implement({
  description: 'One entry of a monitoring job’s status history.',
  fields: (t) => ({
    jobId: t.exposeID('jobId', { description: 'NS1’s id of the job.' }),
    region: t.exposeString('region', { description: 'The region code, or "global" for the job as a whole.' }),
    status: t.field({ type: MonitorStateEnum, description: 'The status the job entered.', resolve: (c) => c.status }),
    since: t.expose('since', { type: 'DateTime', nullable: true, description: 'When it entered that status; null when NS1 does not say.' }),
  }),
});
