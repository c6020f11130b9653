import type { Ns1ApiKey } from '../providers/ns1/people.js';
import { teamsOf } from '../resolvers/account/teams.js';
import { builder } from './builder.js';
import { nameRule } from './input-rules.js';
import { PermissionsInput, PermissionsRef } from './permissions.js';
import { TeamRef } from './team.js';

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
    ipWhitelist: t.exposeStringList('ipWhitelist', { description: 'The addresses and CIDR blocks the key may be used from; empty for any.' }),
    ipWhitelistStrict: t.exposeBoolean('ipWhitelistStrict', { description: 'Whether only the whitelisted addresses may use the key.' }),
  }),
});

export const CreateApiKeyPayloadRef = builder.objectRef<{ apiKey: Ns1ApiKey; secret: string }>('CreateApiKeyPayload').implement({
  description: 'A new API key and its secret.',
  fields: (t) => ({
    apiKey: t.field({ type: ApiKeyRef, description: 'The new key.', resolve: (p) => p.apiKey }),
    secret: t.exposeString('secret', { description: 'The key itself. Store it now: it is not shown again.' }),
  }),
});

export const ApiKeyInput = builder.inputType('ApiKeyInput', {
  description: 'An NS1 API key, or changes to one; on update, fields left out stay as they are.',
  fields: (t) => ({
    name: t.string({ validate: nameRule, description: 'Display name, 1 to 255 characters; "API key" when a new key has none.' }),
    teamIds: t.idList({ description: 'Ids of the teams the key belongs to; replaces the key’s teams.' }),
    permissions: t.field({ type: PermissionsInput, description: 'The key’s own permission flags.' }),
    ipWhitelist: t.stringList({ description: 'Addresses and CIDR blocks the key may be used from, e.g. ["192.0.2.7", "198.51.100.0/24"]; [] for any.' }),
    ipWhitelistStrict: t.boolean({ description: 'Only the whitelisted addresses may use the key.' }),
  }),
});
