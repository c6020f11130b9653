import type { GatewayContext } from '../../context.js';
import { ns1Team } from '../../loaders/ns1-ops.js';
import { omitNulls, type Maybe } from '../omit-nulls.js';
import { requireNs1 } from '../providers.js';
import { createInCollection } from '../writes/verified-create.js';
import { teamWhitelistChange } from './ip-allow-lists.js';
import { completed, forNew, permissionsChange, type PermissionFlags } from './permissions-change.js';

export interface TeamArgs {
  name?: Maybe<string>;
  permissions?: PermissionFlags;
  ipWhitelist?: Maybe<Array<{ name?: Maybe<string>; values: string[] }>>;
}

export const teams = (ctx: GatewayContext) => requireNs1(ctx).ns1.teams.list();
export const team = (ctx: GatewayContext, id: string) => ns1Team(requireNs1(ctx), id);

/** The teams a user or key belongs to, through the loader; a team that no longer exists is left out. */
export async function teamsOf(ctx: GatewayContext, ids: string[]) {
  const found = await Promise.all(ids.map((id) => ns1Team(requireNs1(ctx), id)));
  return found.filter((t) => t !== null);
}

export function createTeam(ctx: GatewayContext, input: TeamArgs) {
  const ns1Teams = requireNs1(ctx).ns1.teams;
  const name = input.name ?? 'Team';
  const ipWhitelist = teamWhitelistChange(input.ipWhitelist);
  return createInCollection(ctx, {
    what: 'team',
    list: () => ns1Teams.list(),
    create: () => ns1Teams.create({ name, permissions: forNew(permissionsChange(input.permissions)), ...omitNulls({ ipWhitelist }) }),
    isOurs: (team) => team.name === name,
  });
}

export async function updateTeam(ctx: GatewayContext, id: string, input: TeamArgs) {
  const ns1Teams = requireNs1(ctx).ns1.teams;
  const change = omitNulls({ name: input.name, permissions: permissionsChange(input.permissions), ipWhitelist: teamWhitelistChange(input.ipWhitelist) });
  return ns1Teams.update(id, await completed(change, () => ns1Teams.get(id)));
}

export async function deleteTeam(ctx: GatewayContext, id: string): Promise<boolean> {
  await requireNs1(ctx).ns1.teams.delete(id);
  return true;
}
