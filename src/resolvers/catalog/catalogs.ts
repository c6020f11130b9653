import type { GatewayContext } from '../../context.js';
import { requireNs1 } from '../providers.js';

/** NS1's read-only catalogues, fetched as they are. */
export const dataSourceTypes = (ctx: GatewayContext) => requireNs1(ctx).ns1.data.sourceTypes();
export const monitorJobTypes = (ctx: GatewayContext) => requireNs1(ctx).ns1.monitoring.jobTypes();
export const monitorRegions = (ctx: GatewayContext) => requireNs1(ctx).ns1.monitoring.regions();
export const notifierTypes = (ctx: GatewayContext) => requireNs1(ctx).ns1.notifyLists.notifierTypes();
export const notificationLists = (ctx: GatewayContext) => requireNs1(ctx).ns1.notifyLists.lists();
export const networks = (ctx: GatewayContext) => requireNs1(ctx).ns1.catalog.networks();
export const metaTypes = (ctx: GatewayContext) => requireNs1(ctx).ns1.catalog.metaTypes();
export const filterTypes = (ctx: GatewayContext) => requireNs1(ctx).ns1.catalog.filterTypes();
