import type { Ns1Team, Ns1TeamIpWhitelist } from '../providers/ns1/people.js';
import { builder } from './builder.js';
import { nameRule } from './input-rules.js';
import { PermissionsInput, PermissionsRef } from './permissions.js';

const TeamIpWhitelistRef = builder.objectRef<Ns1TeamIpWhitelist>('TeamIpWhitelist').implement({
  description: 'A named whitelist record of an NS1 team: addresses its members’ logins and keys may be used from.',
  fields: (t) => ({
    name: t.exposeString('name', { nullable: true, description: 'Name of the record, e.g. "Home Whitelist"; null when NS1 gives none.' }),
    values: t.exposeStringList('values', { description: 'The IP addresses and CIDR blocks of the record.' }),
  }),
});

export const TeamRef = builder.objectRef<Ns1Team>('Team').implement({
  description: 'An NS1 team: a permission set shared by users and API keys.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'NS1’s id of the team.' }),
    name: t.exposeString('name', { description: 'Display name of the team.' }),
    permissions: t.field({ type: PermissionsRef, description: 'What members of the team may do.', resolve: (team) => team.permissions }),
    ipWhitelist: t.field({
      type: [TeamIpWhitelistRef],
      description: 'The team’s named whitelist records (NS1 ip_whitelist); empty for any address.',
      resolve: (team) => team.ipWhitelist,
    }),
  }),
});

const TeamIpWhitelistInput = builder.inputType('TeamIpWhitelistInput', {
  description: 'A named whitelist record of a team.',
  fields: (t) => ({
    name: t.string({ validate: nameRule, description: 'Name of the record, 1 to 255 characters, e.g. "Home Whitelist".' }),
    values: t.stringList({ required: true, description: 'IP addresses and CIDR blocks, e.g. ["192.0.2.7", "198.51.100.0/24"].' }),
  }),
});

export const TeamInput = builder.inputType('TeamInput', {
  description: 'An NS1 team, or changes to one; on update, fields left out stay as they are.',
  fields: (t) => ({
    name: t.string({ validate: nameRule, description: 'Display name, 1 to 255 characters; "Team" when a new team has none.' }),
    permissions: t.field({ type: PermissionsInput, description: 'Permission flags the team grants its members.' }),
    ipWhitelist: t.field({
      type: [TeamIpWhitelistInput],
      description: 'The team’s named whitelist records; replaces the team’s records, [] for any address.',
    }),
  }),
});
