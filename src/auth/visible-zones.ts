import type { GatewayContext } from '../context.js';
import { allowsZone } from './zone-access.js';

/** Whether the caller's token grants this zone (ASCII name): what every listing and lookup filters by. */
export const canSeeZone = (ctx: Pick<GatewayContext, 'principal'>, asciiName: string): boolean => allowsZone(ctx.principal.zones, asciiName);

export const seesEveryZone = (ctx: Pick<GatewayContext, 'principal'>): boolean => ctx.principal.zones.kind === 'every';
