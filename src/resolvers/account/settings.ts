import type { GatewayContext } from '../../context.js';
import { omitNulls, type Maybe } from '../omit-nulls.js';
import { requireNs1 } from '../providers.js';

type Changes = Maybe<Record<string, unknown>>;

export const settings = (ctx: GatewayContext) => requireNs1(ctx).ns1.accountSettings.get();
export const usageWarnings = (ctx: GatewayContext) => requireNs1(ctx).ns1.usageWarnings.get();

export function updateAccountSettings(ctx: GatewayContext, input: Record<string, unknown> & { address?: Changes }) {
  return requireNs1(ctx).ns1.accountSettings.update({ ...omitNulls(input), ...(input.address ? { address: omitNulls(input.address) } : {}) });
}

export function updateUsageWarnings(ctx: GatewayContext, input: { queries?: Changes; records?: Changes }) {
  return requireNs1(ctx).ns1.usageWarnings.update({
    ...(input.queries ? { queries: omitNulls(input.queries) } : {}),
    ...(input.records ? { records: omitNulls(input.records) } : {}),
  });
}
