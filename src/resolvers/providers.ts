import type { GatewayContext } from '../context.js';
import { providerNotConfigured } from '../errors/gateway-error.js';
import type { BuddyNsDeps } from '../loaders/buddyns.js';
import type { Ns1Deps } from '../loaders/ns1-dns.js';

export function requireNs1(ctx: GatewayContext): Ns1Deps {
  if (!ctx.ns1) throw providerNotConfigured('ns1');
  return { ns1: ctx.ns1, loaders: ctx.loaders };
}

export function requireBuddyNs(ctx: GatewayContext): BuddyNsDeps {
  if (!ctx.buddyns) throw providerNotConfigured('buddyns');
  return { buddyns: ctx.buddyns, loaders: ctx.loaders };
}

export function optionalNs1(ctx: GatewayContext): Ns1Deps | undefined {
  return ctx.ns1 ? { ns1: ctx.ns1, loaders: ctx.loaders } : undefined;
}

export function optionalBuddyNs(ctx: GatewayContext): BuddyNsDeps | undefined {
  return ctx.buddyns ? { buddyns: ctx.buddyns, loaders: ctx.loaders } : undefined;
}
