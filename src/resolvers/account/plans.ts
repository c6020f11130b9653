import type { GatewayContext } from '../../context.js';
import { requireNs1 } from '../providers.js';

export const plan = (ctx: GatewayContext) => requireNs1(ctx).ns1.account.plan();
export const planTypes = (ctx: GatewayContext) => requireNs1(ctx).ns1.account.planTypes();
export const changePlan = (ctx: GatewayContext, type: string) => requireNs1(ctx).ns1.account.changePlan(type);
export const bill = (ctx: GatewayContext) => requireNs1(ctx).ns1.account.bill();
