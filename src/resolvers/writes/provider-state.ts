import { orNull } from '../../loaders/or-null.js';
import type { BuddyNsDeps } from '../../loaders/buddyns.js';
import type { Ns1Deps } from '../../loaders/ns1-dns.js';
import type { BuddyNsZone } from '../../providers/buddyns/zones.js';
import type { RecordTypeName } from '../../domain/record-types.js';
import type { Ns1Record } from '../../providers/ns1/records.js';
import type { Ns1ZoneDetail } from '../../providers/ns1/zones.js';
import type { GatewayContext } from '../../context.js';
import type { WritePolicy } from './verified-write.js';

/*
 * Fresh reads of what a provider holds now, past the request's loaders: a write's outcome is judged on
 * the provider's state after the write, never on what was read before it.
 */

export const ns1ZoneNow = (deps: Ns1Deps, asciiName: string): Promise<Ns1ZoneDetail | null> => orNull(deps.ns1.zones.get(asciiName));

export const ns1RecordNow = (deps: Ns1Deps, zone: string, domain: string, type: RecordTypeName): Promise<Ns1Record | null> =>
  orNull(deps.ns1.records.get(zone, domain, type));

export async function buddyNsZoneNow(deps: BuddyNsDeps, asciiName: string): Promise<BuddyNsZone | null> {
  return (await deps.buddyns.zones.list()).find((zone) => zone.asciiName === asciiName) ?? null;
}

/** As many attempts at a write as the HTTP layer would make at an idempotent request. */
export const writePolicy = (ctx: GatewayContext): WritePolicy => ({ attempts: 1 + ctx.config.upstream.retries });
