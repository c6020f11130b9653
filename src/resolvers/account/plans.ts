import type { GatewayContext } from '../../context.js';
import { requireNs1 } from '../providers.js';
import { omitNulls, type Maybe } from '../omit-nulls.js';

export const plan = (ctx: GatewayContext) => requireNs1(ctx).ns1.plan.get();
export const planTypes = (ctx: GatewayContext) => requireNs1(ctx).ns1.planTypes.list();
export const changePlan = (ctx: GatewayContext, type: string, options: { period?: Maybe<string>; notes?: Maybe<string> } = {}) =>
  requireNs1(ctx).ns1.plan.update(type, omitNulls({ period: options.period, notes: options.notes }));
export const bill = (ctx: GatewayContext) => requireNs1(ctx).ns1.bill.get();
