import type { Ns1ZoneWrite } from '../../providers/ns1/zones.js';
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
