import type { Ns1ApiKey, Ns1Team } from '../providers/ns1/people.js';
import { teamsOf } from '../resolvers/account/users.js';
import { builder } from './builder.js';
import { PermissionsRef } from './permissions.js';

export const TeamRef = builder.objectRef<Ns1Team>('Team').implement({
  description: 'An NS1 team: a permission set shared by users and API keys.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'NS1’s id of the team.' }),
    name: t.exposeString('name', { description: 'Display name of the team.' }),
    permissions: t.field({ type: PermissionsRef, description: 'What members of the team may do.', resolve: (team) => team.permissions }),
  }),
});

export const ApiKeyRef = builder.objectRef<Ns1ApiKey>('ApiKey').implement({
  description: 'An NS1 API key. Its secret is shown once, by createApiKey, and never again.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'NS1’s id of the key (not the secret).' }),
    name: t.exposeString('name', { description: 'Display name of the key.' }),
    teams: t.field({
      type: [TeamRef],
      resolve: (k, _a, ctx) => teamsOf(ctx, k.teamIds),
      description: 'Teams the key belongs to; their permissions add to its own.',
    }),
    permissions: t.field({ type: PermissionsRef, description: 'What the key may do.', resolve: (k) => k.permissions }),
    lastAccessAt: t.expose('lastAccessAt', { type: 'DateTime', nullable: true, description: 'When the key was last used; null if never.' }),
  }),
});

export const CreateApiKeyPayloadRef = builder.objectRef<{ apiKey: Ns1ApiKey; secret: string }>('CreateApiKeyPayload').implement({
  description: 'A new API key and its secret.',
  fields: (t) => ({
    apiKey: t.field({ type: ApiKeyRef, description: 'The new key.', resolve: (p) => p.apiKey }),
    secret: t.exposeString('secret', { description: 'The key itself. Store it now: it is not shown again.' }),
  }),
});
