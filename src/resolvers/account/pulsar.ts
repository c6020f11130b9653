import type { GatewayContext } from '../../context.js';
import { orNull } from '../../loaders/or-null.js';
import { omitNulls, type Maybe } from '../omit-nulls.js';
import { requireNs1 } from '../providers.js';

export const pulsarApps = (ctx: GatewayContext) => requireNs1(ctx).ns1.pulsar.apps();
export const pulsarApp = (ctx: GatewayContext, id: string) => orNull(requireNs1(ctx).ns1.pulsar.app(id));
export const pulsarJobs = (ctx: GatewayContext, appId: string) => requireNs1(ctx).ns1.pulsar.jobs(appId);
export const pulsarLive = (ctx: GatewayContext, appId: string, jobId: string) => requireNs1(ctx).ns1.pulsar.live(appId, jobId);

export function pulsarData(
  ctx: GatewayContext,
  appId: string,
  jobId: string,
  options: { period?: Maybe<string>; agg?: Maybe<string>; geo?: Maybe<string>; asn?: Maybe<string>; start?: Maybe<Date>; end?: Maybe<Date> },
) {
  return requireNs1(ctx).ns1.pulsar.data(appId, jobId, omitNulls(options));
}
