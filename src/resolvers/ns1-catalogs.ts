import type { GatewayContext } from '../context.js';
import { requireNs1 } from './providers.js';

/** NS1's read-only catalogues, fetched as they are. */
export const dataSourceTypes = (ctx: GatewayContext) => requireNs1(ctx).ns1.dataSourceTypes.list();
export const monitorJobTypes = (ctx: GatewayContext) => requireNs1(ctx).ns1.monitorJobTypes.list();
export const monitorRegions = (ctx: GatewayContext) => requireNs1(ctx).ns1.monitorRegions.list();
export const notifierTypes = (ctx: GatewayContext) => requireNs1(ctx).ns1.notifierTypes.list();
export const notificationLists = (ctx: GatewayContext) => requireNs1(ctx).ns1.notifyLists.list();
export const networks = (ctx: GatewayContext) => requireNs1(ctx).ns1.networks.list();
export const metaTypes = (ctx: GatewayContext) => requireNs1(ctx).ns1.metaTypes.list();
export const filterTypes = (ctx: GatewayContext) => requireNs1(ctx).ns1.filterTypes.list();
