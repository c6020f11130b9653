import type { DeepPartial, Ns1Permissions } from '../../providers/ns1/permissions.js';
import { omitNulls, type Maybe } from '../omit-nulls.js';

/** Permission flags as a PermissionsInput carries them: groups of flags, each left out or null when not given. */
export type PermissionFlags = Maybe<Record<string, Maybe<Record<string, unknown>>>>;

/** Permission flags as the client takes them: only those the caller gave. */
export function permissionsChange(input: PermissionFlags): DeepPartial<Ns1Permissions> | undefined {
  if (!input) return undefined;
  const out: Record<string, Record<string, unknown>> = {};
  for (const [group, flags] of Object.entries(input)) if (flags) out[group] = omitNulls(flags);
  return out;
}
