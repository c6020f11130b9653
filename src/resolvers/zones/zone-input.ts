import type { Ns1ZoneWrite } from '../../providers/ns1/zones.js';
import { badInput } from '../../errors/gateway-error.js';
import { omitNulls } from '../omit-nulls.js';

type Nullable<T> = { [K in keyof T]?: T[K] | null };

export type Ns1ZoneArgs = Nullable<Omit<Ns1ZoneWrite, 'primary' | 'secondary'>> & {
  primary?: { enabled: boolean; secondaries: Array<{ ip: string; port?: number | null; notify?: boolean | null }> } | null;
  secondary?: { enabled: boolean; primaryIp: string; primaryPort?: number | null } | null;
};

/** GraphQL sends an unset input field as null; the provider client takes only what was given. */
export function toNs1ZoneWrite(args: Ns1ZoneArgs | null | undefined): Ns1ZoneWrite {
  if (!args) return {};
  const { primary, secondary, ...rest } = args;
  return {
    ...omitNulls(rest),
    ...(primary ? { primary: { enabled: primary.enabled, secondaries: primary.secondaries.map((s) => omitNulls(s)) } } : {}),
    ...(secondary ? { secondary: omitNulls(secondary) } : {}),
  };
}

/** What a linked zone may be given besides its link: everything else comes from the zone it links to. */
const WITH_LINK: ReadonlySet<string> = new Set(['link', 'networks']);

/**
 * Settings NS1 cannot take together, refused before anything is sent: a linked zone takes no configuration
 * of its own, and a zone is not both a secondary and a primary that serves transfers.
 */
export function checkNs1ZoneWrite(name: string, write: Ns1ZoneWrite): void {
  if (write.link !== undefined) {
    if (write.link === name) throw badInput('input.ns1.link', `zone ${name} cannot link to itself`);
    const other = Object.keys(write).find((key) => !WITH_LINK.has(key));
    if (other) throw badInput(`input.ns1.${other}`, 'a linked zone takes all of its configuration from the zone it links to; give only link (and networks)');
  }
  if (write.secondary?.enabled && write.primary?.enabled) {
    throw badInput('input.ns1.secondary', 'a zone is either a secondary of another server or a primary that serves transfers, not both');
  }
}
