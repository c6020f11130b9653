import type { GatewayContext } from '../../context.js';
import { requireNs1 } from '../providers.js';

export const accountQps = (ctx: GatewayContext) => requireNs1(ctx).ns1.qps.get({});

export function usage(ctx: GatewayContext, options: { period: '1h' | '24h' | '30d'; expand: boolean; byTier: boolean }) {
  return requireNs1(ctx).ns1.usage.list({}, options);
}
