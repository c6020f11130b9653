import type { GatewayContext } from '../../context.js';
import type { Ns1ZoneImport } from '../../providers/ns1/zone-import.js';
import { requireNs1 } from '../../resolvers/providers.js';
import { eachEvent, type Delivery } from '../delivery.js';
import { follow } from '../follow.js';
import { pollIntervalMs } from '../interval.js';
import { accountScope, pollKey, type PollSource } from '../poll-source.js';
import { providerId } from './provider-id.js';

/** The default of the field's `intervalSeconds`, also when a client passes null. */
export const ZONE_IMPORT_INTERVAL_SECONDS = 2;

/** An asynchronous zone file import's progress, until it has finished; then the stream completes. */
export function zoneImportSubscription(
  ctx: GatewayContext,
  args: { jobId: string | number; intervalSeconds?: number | null },
): AsyncIterableIterator<Delivery<Ns1ZoneImport>> {
  const { ns1 } = requireNs1(ctx);
  const jobId = providerId('jobId', args.jobId);
  const intervalMs = pollIntervalMs(ctx.config.subscriptions, args.intervalSeconds ?? ZONE_IMPORT_INTERVAL_SECONDS);
  const source: PollSource<Ns1ZoneImport> = {
    key: pollKey('ns1', accountScope(ctx.config.ns1.endpoint, ns1.fingerprint), 'zone-import', jobId, intervalMs),
    intervalMs,
    fetch: (signal) => ns1.zoneImports.get(jobId, signal),
    isFinal: (job) => job.finished,
    isFinalFailure: (failure) => failure.kind === 'upstream' && failure.code === 'NOT_FOUND',
  };
  return follow(
    ctx,
    source,
    eachEvent((job) => job),
  );
}
