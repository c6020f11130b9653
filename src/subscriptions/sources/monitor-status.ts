import type { GatewayContext } from '../../context.js';
import type { Ns1MonitorJob, Ns1MonitorState } from '../../providers/ns1/monitoring.js';
import { requireNs1 } from '../../resolvers/providers.js';
import { perEvent, type Delivery } from '../delivery.js';
import { follow } from '../follow.js';
import { pollIntervalMs } from '../interval.js';
import { accountScope, pollKey, type PollSource } from '../poll-source.js';
import { providerId } from './provider-id.js';

/** The status of one job in one region ("global" for the job as a whole). */
export interface MonitorRegionState {
  jobId: string;
  jobName: string | null;
  region: string;
  status: Ns1MonitorState;
  since: Date | null;
}

export interface MonitorJobStatusEvent {
  jobId: string;
  jobName: string | null;
  region: string;
  /** Null on a subscription's first report of a job and region. */
  previousStatus: Ns1MonitorState | null;
  status: Ns1MonitorState;
  /** When the status began, as NS1 reports it, or when it was seen. */
  changedAt: Date;
}

/** The default of the field's `intervalSeconds`, also when a client passes null. */
export const MONITOR_STATUS_INTERVAL_SECONDS = 30;

function statesOf(jobs: Ns1MonitorJob[]): MonitorRegionState[] {
  return jobs.flatMap((job) =>
    [job.status.global, ...job.status.regions].map((s) => ({ jobId: job.id, jobName: job.name, region: s.region, status: s.status, since: s.since })),
  );
}

const stateKey = (s: MonitorRegionState) => `${s.jobId}/${s.region}`;

/**
 * Turns snapshots of every job's status into one event per job and region whose status changed: all of
 * them at first (the current status), then only the changes. One per subscriber: it remembers what its
 * subscriber has been told.
 */
export function statusChanges() {
  let previous: Map<string, MonitorRegionState> | undefined;
  return perEvent<MonitorRegionState[], MonitorJobStatusEvent>((states, event) => {
    const changes = states.flatMap((state) => {
      const before = previous?.get(stateKey(state));
      if (before && before.status === state.status) return [];
      const { since, ...rest } = state;
      return [{ ...rest, previousStatus: before?.status ?? null, changedAt: since ?? new Date(event.at) }];
    });
    previous = new Map(states.map((s) => [stateKey(s), s]));
    return changes;
  });
}

/** Monitoring job status changes, of one job or of all of them. */
export function monitorJobStatusSubscription(
  ctx: GatewayContext,
  args: { id?: string | number | null; intervalSeconds?: number | null },
): AsyncIterableIterator<Delivery<MonitorJobStatusEvent>> {
  const { ns1 } = requireNs1(ctx);
  const intervalMs = pollIntervalMs(ctx.config.subscriptions, args.intervalSeconds ?? MONITOR_STATUS_INTERVAL_SECONDS);
  const id = args.id === null || args.id === undefined ? undefined : providerId('id', args.id);
  const source: PollSource<MonitorRegionState[]> = {
    key: pollKey('ns1', accountScope(ctx.config.ns1.endpoint, ns1.fingerprint), 'monitor-status', id ?? '', intervalMs),
    intervalMs,
    fetch: async (signal) => statesOf(id ? [await ns1.monitorJobs.get(id, signal)] : await ns1.monitorJobs.list(signal)),
    // A job that does not exist, or was deleted, has no more status to report.
    isFinalFailure: (failure) => id !== undefined && failure.kind === 'upstream' && failure.code === 'NOT_FOUND',
  };
  return follow(ctx, source, statusChanges());
}
