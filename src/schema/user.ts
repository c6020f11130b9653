import type { Ns1User } from '../providers/ns1/people.js';
import type { ProviderId } from '../providers/upstream-error.js';
import { teamsOf } from '../resolvers/account/teams.js';
import { builder } from './builder.js';
import { nameRule } from './input-rules.js';
import { PermissionsInput, PermissionsRef } from './permissions.js';
import { ProviderEnum } from './provider.js';
import { TeamRef } from './team.js';

/** An account user: an NS1 user, or the BuddyNS account owner. */
interface UserShape {
  provider: ProviderId;
  username: string | null;
  name: string | null;
  email: string | null;
  lastAccessAt: Date | null;
  ns1?: Ns1User;
}

export const UserRef = builder.objectRef<UserShape>('User').implement({
  description: 'An NS1 account user, or the BuddyNS account owner (`provider` says which).',
  fields: (t) => ({
    provider: t.field({
      type: ProviderEnum,
      resolve: (u) => u.provider,
      description: 'Which provider this user belongs to: NS1 (an account user) or BUDDYNS (the account owner).',
    }),
    username: t.exposeString('username', { nullable: true, description: 'NS1 username.' }),
    name: t.exposeString('name', {
      nullable: true,
      description: 'Full name of the NS1 user; null for the BuddyNS owner, whose name BuddyNS does not share.',
    }),
    email: t.expose('email', {
      type: 'EmailAddress',
      nullable: true,
      description: "E-mail address: the NS1 user's, or the BuddyNS account's login address.",
    }),
    lastAccessAt: t.expose('lastAccessAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the NS1 user last used the account; null if never, and always null for BuddyNS.',
    }),
    teams: t.field({
      type: [TeamRef],
      resolve: (u, _a, ctx) => (u.ns1 ? teamsOf(ctx, u.ns1.teamIds) : []),
      description: 'NS1 teams the user belongs to (their permissions add to the user’s own); empty for BuddyNS.',
    }),
    permissions: t.field({ type: PermissionsRef, nullable: true, description: 'NS1.', resolve: (u) => u.ns1?.permissions ?? null }),
    notifyBilling: t.boolean({ nullable: true, description: 'NS1: receives billing notifications.', resolve: (u) => u.ns1?.notifyBilling ?? null }),
    ipWhitelist: t.stringList({
      nullable: true,
      description: 'NS1: the addresses and CIDR blocks the user may sign in from; empty for any. Null for BuddyNS.',
      resolve: (u) => u.ns1?.ipWhitelist ?? null,
    }),
    ipWhitelistStrict: t.boolean({
      nullable: true,
      description: 'NS1: whether only the whitelisted addresses may be used. Null for BuddyNS.',
      resolve: (u) => u.ns1?.ipWhitelistStrict ?? null,
    }),
  }),
});

export const UserInput = builder.inputType('UserInput', {
  description: 'An NS1 user, or changes to one. To create, name and email are required; on update, fields left out stay as they are.',
  fields: (t) => ({
    name: t.string({ validate: nameRule, description: 'Full name, 1 to 255 characters.' }),
    email: t.field({ type: 'EmailAddress', description: 'E-mail address; a new user’s invitation goes to it.' }),
    teamIds: t.idList({ description: 'Ids of the teams the user belongs to; replaces the user’s teams.' }),
    notifyBilling: t.boolean({ description: 'Send the user billing notifications.' }),
    permissions: t.field({ type: PermissionsInput, description: 'The user’s own permission flags.' }),
    ipWhitelist: t.stringList({ description: 'Addresses and CIDR blocks the user may sign in from, e.g. ["192.0.2.7", "198.51.100.0/24"]; [] for any.' }),
    ipWhitelistStrict: t.boolean({ description: 'Only the whitelisted addresses may be used.' }),
  }),
});
