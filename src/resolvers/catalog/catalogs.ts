import type { GatewayContext } from '../../context.js';
import { requireNs1 } from '../providers.js';

/** NS1's read-only DNS catalogues, fetched as they are. */
export const networks = (ctx: GatewayContext) => requireNs1(ctx).ns1.networks.list();
export const metaTypes = (ctx: GatewayContext) => requireNs1(ctx).ns1.metaTypes.list();
export const filterTypes = (ctx: GatewayContext) => requireNs1(ctx).ns1.filterTypes.list();
