import type { GatewayContext } from '../../context.js';
import { orNull } from '../../loaders/or-null.js';
import { omitNulls, type Maybe } from '../omit-nulls.js';
import { requireNs1 } from '../providers.js';

export const pulsarApps = (ctx: GatewayContext) => requireNs1(ctx).ns1.pulsarApps.list();
export const pulsarApp = (ctx: GatewayContext, id: string) => orNull(requireNs1(ctx).ns1.pulsarApps.get(id));
export const pulsarJobs = (ctx: GatewayContext, appId: string) => requireNs1(ctx).ns1.pulsarJobs.list(appId);
export const pulsarLive = (ctx: GatewayContext, appId: string, jobId: string) => requireNs1(ctx).ns1.pulsarData.get(appId, jobId);

export function pulsarData(
  ctx: GatewayContext,
  appId: string,
  jobId: string,
  options: { period?: Maybe<string>; agg?: Maybe<string>; geo?: Maybe<string>; asn?: Maybe<string>; start?: Maybe<Date>; end?: Maybe<Date> },
) {
  return requireNs1(ctx).ns1.pulsarData.list(appId, jobId, omitNulls(options));
}
