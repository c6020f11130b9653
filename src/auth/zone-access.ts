import { toAsciiDomain } from '../domain/domain-name.js';

/** Which zones a caller may see and change: every zone, or the listed names and the zones below `*.` patterns. */
export type ZoneAccess = { kind: 'every' } | { kind: 'listed'; names: ReadonlySet<string>; below: readonly string[]; listed: readonly string[] };

export const EVERY_ZONE: ZoneAccess = { kind: 'every' };

export class ZoneClaimError extends Error {}

/** The zones claim: absent means every zone; otherwise an array of names (Unicode or punycode) and `*.parent` patterns. */
export function zoneAccessOfClaim(value: unknown, claimName: string): ZoneAccess {
  if (value === undefined) return EVERY_ZONE;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new ZoneClaimError(`the ${claimName} claim must be an array of zone names`);
  }
  const names = new Set<string>();
  const below: string[] = [];
  for (const entry of value as string[]) {
    const wildcard = entry.startsWith('*.');
    const ascii = toAsciiDomain(wildcard ? entry.slice(2) : entry);
    if (!ascii) throw new ZoneClaimError(`the ${claimName} claim names "${entry}", which is not a domain name`);
    if (wildcard) below.push(ascii);
    else names.add(ascii);
  }
  return { kind: 'listed', names, below, listed: value as string[] };
}

/** Whether the caller may touch the zone of this ASCII name. `*.example.org` covers the zones below it, not example.org. */
export function allowsZone(access: ZoneAccess, asciiName: string): boolean {
  if (access.kind === 'every') return true;
  const name = asciiName.toLowerCase().replace(/\.$/, '');
  return access.names.has(name) || access.below.some((parent) => name.endsWith(`.${parent}`));
}
