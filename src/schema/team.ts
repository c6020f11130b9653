import type { Ns1ApiKey, Ns1Team } from '../providers/ns1/people.js';
import { teamsOf } from '../resolvers/account.js';
import { builder } from './builder.js';
import { PermissionsRef } from './permissions.js';

export const TeamRef = builder.objectRef<Ns1Team>('Team').implement({
  description: 'An NS1 team: a permission set shared by users and API keys.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    permissions: t.field({ type: PermissionsRef, resolve: (team) => team.permissions }),
  }),
});

export const ApiKeyRef = builder.objectRef<Ns1ApiKey>('ApiKey').implement({
  description: 'An NS1 API key. Its secret is shown once, by createApiKey, and never again.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    teams: t.field({ type: [TeamRef], resolve: (k, _a, ctx) => teamsOf(ctx, k.teamIds) }),
    permissions: t.field({ type: PermissionsRef, resolve: (k) => k.permissions }),
    lastAccessAt: t.expose('lastAccessAt', { type: 'DateTime', nullable: true }),
  }),
});

export const CreateApiKeyPayloadRef = builder.objectRef<{ apiKey: Ns1ApiKey; secret: string }>('CreateApiKeyPayload').implement({
  fields: (t) => ({
    apiKey: t.field({ type: ApiKeyRef, resolve: (p) => p.apiKey }),
    secret: t.exposeString('secret', { description: 'The key itself. Store it now: it is not shown again.' }),
  }),
});
