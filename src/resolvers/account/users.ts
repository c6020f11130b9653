import type { GatewayContext } from '../../context.js';
import { badInput } from '../../errors/gateway-error.js';
import { orNull } from '../../loaders/or-null.js';
import type { Ns1User, Ns1UserWrite } from '../../providers/ns1/people.js';
import type { Maybe } from '../omit-nulls.js';
import { requireNs1 } from '../providers.js';
import { createAtKey } from '../writes/verified-create.js';
import { whitelistChange } from './ip-allow-lists.js';
import { completed, forNew, permissionsChange, type PermissionFlags } from './permissions-change.js';

/** A User of the schema from an NS1 account user. */
function ns1UserShape(user: Ns1User) {
  return { provider: 'ns1' as const, username: user.username, name: user.name, email: user.email, lastAccessAt: user.lastAccessAt, ns1: user };
}

export async function users(ctx: GatewayContext) {
  return (await requireNs1(ctx).ns1.users.list()).map(ns1UserShape);
}

export async function user(ctx: GatewayContext, username: string) {
  const found = await orNull(requireNs1(ctx).ns1.users.get(username));
  return found ? ns1UserShape(found) : null;
}

export interface UserArgs {
  name?: Maybe<string>;
  email?: Maybe<string>;
  teamIds?: Maybe<Array<string | number>>;
  notifyBilling?: Maybe<boolean>;
  permissions?: PermissionFlags;
  ipWhitelist?: Maybe<string[]>;
  ipWhitelistStrict?: Maybe<boolean>;
}

function userWrite(args: UserArgs): Ns1UserWrite {
  const whitelist = whitelistChange(args);
  const permissions = permissionsChange(args.permissions);
  return {
    ...(args.name ? { name: args.name } : {}),
    ...(args.email ? { email: args.email } : {}),
    ...(args.teamIds ? { teamIds: args.teamIds.map(String) } : {}),
    ...(args.notifyBilling != null ? { notifyBilling: args.notifyBilling } : {}),
    ...(permissions ? { permissions } : {}),
    ...whitelist,
  };
}

export async function createUser(ctx: GatewayContext, username: string, args: UserArgs) {
  if (!args.name) throw badInput('input.name', 'a new user needs a name');
  if (!args.email) throw badInput('input.email', 'a new user needs an e-mail address');
  const ns1Users = requireNs1(ctx).ns1.users;
  const write = userWrite(args);
  return ns1UserShape(
    await createAtKey(ctx, {
      what: `user ${username}`,
      read: () => ns1Users.get(username),
      create: () => ns1Users.create(username, { ...write, permissions: forNew(write.permissions) }),
    }),
  );
}

export async function updateUser(ctx: GatewayContext, username: string, args: UserArgs) {
  const ns1Users = requireNs1(ctx).ns1.users;
  return ns1UserShape(await ns1Users.update(username, await completed(userWrite(args), () => ns1Users.get(username))));
}

export async function deleteUser(ctx: GatewayContext, username: string): Promise<boolean> {
  await requireNs1(ctx).ns1.users.delete(username);
  return true;
}

export async function reinviteUser(ctx: GatewayContext, username: string): Promise<boolean> {
  await requireNs1(ctx).ns1.users.reinvite(username);
  return true;
}
