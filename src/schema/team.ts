import type { Ns1Team } from '../providers/ns1/people.js';
import { builder } from './builder.js';
import { nameRule } from './input-rules.js';
import { PermissionsInput, PermissionsRef } from './permissions.js';

export const TeamRef = builder.objectRef<Ns1Team>('Team').implement({
  description: 'An NS1 team: a permission set shared by users and API keys.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'NS1’s id of the team.' }),
    name: t.exposeString('name', { description: 'Display name of the team.' }),
    permissions: t.field({ type: PermissionsRef, description: 'What members of the team may do.', resolve: (team) => team.permissions }),
  }),
});

export const TeamInput = builder.inputType('TeamInput', {
  description: 'An NS1 team, or changes to one; on update, fields left out stay as they are.',
  fields: (t) => ({
    name: t.string({ validate: nameRule, description: 'Display name, 1 to 255 characters; "Team" when a new team has none.' }),
    permissions: t.field({ type: PermissionsInput, description: 'Permission flags the team grants its members.' }),
  }),
});
