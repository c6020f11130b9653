import type { GatewayContext } from '../../context.js';
import type { BuddyNsZoneStatus } from '../../providers/buddyns/zones.js';
import { requireBuddyNs } from '../../resolvers/providers.js';
import { eachEvent, type Delivery } from '../delivery.js';
import { follow } from '../follow.js';
import { pollIntervalMs } from '../interval.js';
import { accountScope, pollKey, type PollSource } from '../poll-source.js';

/** The default of the field's `intervalSeconds`, also when a client passes null. */
export const ZONE_TRANSFER_STATUS_INTERVAL_SECONDS = 60;

/** A BuddyNS secondary zone's transfer status, whenever it changes. */
export function zoneTransferStatusSubscription(
  ctx: GatewayContext,
  args: { name: string; intervalSeconds?: number | null },
): AsyncIterableIterator<Delivery<BuddyNsZoneStatus>> {
  const { buddyns } = requireBuddyNs(ctx);
  const intervalMs = pollIntervalMs(ctx.config.subscriptions, args.intervalSeconds ?? ZONE_TRANSFER_STATUS_INTERVAL_SECONDS);
  const source: PollSource<BuddyNsZoneStatus> = {
    key: pollKey('buddyns', accountScope(ctx.config.buddyns.endpoint, buddyns.fingerprint), 'zone-status', args.name, intervalMs),
    intervalMs,
    fetch: (signal) => buddyns.zoneStatus.get(args.name, signal),
    // A zone BuddyNS does not serve, or no longer does, has no transfer status to report.
    isFinalFailure: (failure) => failure.kind === 'upstream' && failure.code === 'NOT_FOUND',
  };
  return follow(
    ctx,
    source,
    eachEvent((status) => status),
  );
}
