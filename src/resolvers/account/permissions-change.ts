import { noPermissions, type DeepPartial, type Ns1Permissions } from '../../providers/ns1/permissions.js';
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

/**
 * The flags given laid over the ones in force: NS1 replaces the whole permissions object on an update, so flags
 * left out of a change would otherwise be switched off.
 */
export function overCurrent(current: Ns1Permissions, change: DeepPartial<Ns1Permissions>): DeepPartial<Ns1Permissions> {
  const merged: Record<string, unknown> = { ...current };
  for (const [group, flags] of Object.entries(change)) merged[group] = { ...(current as Record<string, object | undefined>)[group], ...flags };
  return merged;
}

/** A change's permissions made whole from the holder's current ones, read only when the change has any. */
export async function completed<T extends { permissions?: DeepPartial<Ns1Permissions> }>(
  change: T,
  current: () => Promise<{ permissions: Ns1Permissions }>,
): Promise<T> {
  if (!change.permissions) return change;
  return { ...change, permissions: overCurrent((await current()).permissions, change.permissions) };
}

/**
 * The permissions of a new user, key or team: what the change grants and nothing else, every other flag sent as
 * false, since NS1 allows a flag that is left out.
 */
export const forNew = (change: DeepPartial<Ns1Permissions> | undefined): DeepPartial<Ns1Permissions> => overCurrent(noPermissions(), change ?? {});
