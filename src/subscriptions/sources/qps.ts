import type { GatewayContext } from '../../context.js';
import { isWithinZone } from '../../domain/domain-name.js';
import { badInput } from '../../errors/gateway-error.js';
import type { RecordTypeName } from '../../providers/ns1/record-types.js';
import { requireNs1 } from '../../resolvers/providers.js';
import { eachEvent, type Delivery } from '../delivery.js';
import { follow } from '../follow.js';
import { pollIntervalMs } from '../interval.js';
import { accountScope, pollKey, type PollSource } from '../poll-source.js';

export interface QpsArgs {
  zone?: string | null;
  domain?: string | null;
  type?: RecordTypeName | null;
  intervalSeconds?: number | null;
}

/** What a QPS sample is of: the account, a zone, or one record of a zone. */
export interface QpsTarget {
  zone: string | null;
  domain: string | null;
  type: RecordTypeName | null;
}

export interface QpsSample extends QpsTarget {
  qps: number;
  sampledAt: Date;
}

/** The default of the field's `intervalSeconds`, also when a client passes null. */
export const QPS_INTERVAL_SECONDS = 30;

export function qpsTarget(args: QpsArgs): QpsTarget {
  const { zone, domain, type } = args;
  if (!zone && (domain || type)) throw badInput('zone', 'is required with domain and type');
  if (Boolean(domain) !== Boolean(type)) throw badInput(domain ? 'type' : 'domain', 'domain and type go together: both for a record, neither for a zone');
  if (zone && domain && !isWithinZone(domain, zone)) throw badInput('domain', `${domain} is not within zone ${zone}`);
  return { zone: zone ?? null, domain: domain ?? null, type: type ?? null };
}

/** Current queries per second of the account, a zone or a record, sampled once per interval for every subscriber. */
export function qpsSubscription(ctx: GatewayContext, args: QpsArgs): AsyncIterableIterator<Delivery<QpsSample>> {
  const { ns1 } = requireNs1(ctx);
  const intervalMs = pollIntervalMs(ctx.config.subscriptions, args.intervalSeconds ?? QPS_INTERVAL_SECONDS);
  const target = qpsTarget(args);
  const { zone, domain, type } = target;
  const source: PollSource<number> = {
    key: pollKey('ns1', accountScope(ctx.config.ns1.endpoint, ns1.fingerprint), 'qps', zone ?? '', domain ?? '', type ?? '', intervalMs),
    intervalMs,
    everySample: true,
    fetch: (signal) => ns1.qps.get(target, signal),
    // A zone or record NS1 does not have, or no longer has, has no queries to report.
    isFinalFailure: (failure) => zone !== null && failure.kind === 'upstream' && failure.code === 'NOT_FOUND',
  };
  return follow(
    ctx,
    source,
    eachEvent((qps, event) => ({ ...target, qps, sampledAt: new Date(event.at) })),
  );
}
