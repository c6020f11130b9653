import type { MonitorJobStatusEvent } from '../subscriptions/sources/monitor-status.js';
import { builder } from './builder.js';
import { MonitorStateEnum } from './monitor-state.js';

export const MonitorJobStatusEventRef = builder.objectRef<MonitorJobStatusEvent>('MonitorJobStatusEvent').implement({
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
