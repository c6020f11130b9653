import { canSeeZone } from '../auth/visible-zones.js';
import type { GatewayContext } from '../context.js';
import { toAsciiDomain } from '../domain/domain-name.js';
import { ns1Record } from '../loaders/ns1-dns.js';
import { ns1DataFeedById, ns1DataSources, ns1Invoices, ns1MonitorJob } from '../loaders/ns1-ops.js';
import { isRecordType } from '../domain/record-types.js';
import type { Ns1Record } from '../providers/ns1/records.js';
import { findZone } from './zones/merge-zones.js';
import { optionalNs1 } from './providers.js';
import type { UnifiedZone } from './zones/unified-zone.js';

/**
 * Apollo's entity resolver writes `__typename` onto what a reference resolves to, so it gets its own copy of
 * a value that is shared (and frozen) by everyone who read the same provider answer.
 */
async function ownCopy<T extends object>(value: T | null | Promise<T | null>): Promise<T | null> {
  const resolved = await value;
  return resolved ? { ...resolved } : null;
}

/**
 * A Zone another subgraph refers to, by name in Unicode or punycode. Goes through the same loaders as
 * every other field, so a batch of representations costs one request per distinct upstream resource.
 */
export async function zoneReference(ctx: GatewayContext, ref: { name: unknown }): Promise<UnifiedZone | null> {
  const ascii = typeof ref.name === 'string' ? toAsciiDomain(ref.name) : undefined;
  if (!ascii) return null;
  return ownCopy(
    findZone(ctx, ascii, (error) => {
      throw error;
    }),
  );
}

export async function recordReference(ctx: GatewayContext, ref: { zone: unknown; domain: unknown; type: unknown }): Promise<Ns1Record | null> {
  const ns1 = optionalNs1(ctx);
  const zone = typeof ref.zone === 'string' ? toAsciiDomain(ref.zone) : undefined;
  const domain = typeof ref.domain === 'string' ? toAsciiDomain(ref.domain) : undefined;
  const type = isRecordType(ref.type) ? ref.type : undefined;
  if (!ns1 || !zone || !domain || !type || !canSeeZone(ctx, zone)) return null;
  return ownCopy(ns1Record(ns1, { zone, domain, type }));
}

const idOf = (ref: { id: unknown }) => (typeof ref.id === 'string' || typeof ref.id === 'number' ? String(ref.id) : undefined);

export function monitorJobReference(ctx: GatewayContext, ref: { id: unknown }) {
  const ns1 = optionalNs1(ctx);
  const id = idOf(ref);
  return ns1 && id ? ownCopy(ns1MonitorJob(ns1, id)) : null;
}

/** Sources and feeds come from the one source list, however many another subgraph asks for. */
export async function dataSourceReference(ctx: GatewayContext, ref: { id: unknown }) {
  const ns1 = optionalNs1(ctx);
  const id = idOf(ref);
  if (!ns1 || !id) return null;
  return ownCopy((await ns1DataSources(ns1)).find((s) => s.id === id) ?? null);
}

export function dataFeedReference(ctx: GatewayContext, ref: { id: unknown }) {
  const ns1 = optionalNs1(ctx);
  const id = idOf(ref);
  return ns1 && id ? ownCopy(ns1DataFeedById(ns1, id)) : null;
}

export async function invoiceReference(ctx: GatewayContext, ref: { id: unknown }) {
  const ns1 = optionalNs1(ctx);
  const id = idOf(ref);
  if (!ns1 || !id) return null;
  return ownCopy((await ns1Invoices(ns1)).find((i) => i.id === id) ?? null);
}
