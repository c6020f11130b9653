import { z } from 'zod';
import { encodePath } from '../http.js';
import type { ProviderCalls } from '../provider-api.js';
import { createWithPut } from '../write-retries.js';
import { defined, unixDate } from './fields.js';
import { permissionsBody, permissionsSchema, type DeepPartial, type Ns1Permissions } from './permissions.js';

const userSchema = z
  .object({
    username: z.string(),
    name: z.string().nullish(),
    email: z.string().nullish(),
    teams: z.array(z.string()).nullish(),
    notify: z.object({ billing: z.boolean().nullish() }).nullish(),
    last_access: unixDate,
    permissions: permissionsSchema,
    ip_whitelist: z.array(z.string()).nullish(),
    ip_whitelist_strict: z.boolean().nullish(),
  })
  .transform((u) => ({
    username: u.username,
    name: u.name ?? null,
    email: u.email ?? null,
    teamIds: u.teams ?? [],
    notifyBilling: u.notify?.billing ?? null,
    lastAccessAt: u.last_access,
    permissions: u.permissions,
    ipWhitelist: u.ip_whitelist ?? [],
    ipWhitelistStrict: u.ip_whitelist_strict ?? false,
  }));

const keyFields = z.object({
  id: z.string(),
  name: z.string(),
  teams: z.array(z.string()).nullish(),
  last_access: unixDate,
  permissions: permissionsSchema,
  ip_whitelist: z.array(z.string()).nullish(),
  ip_whitelist_strict: z.boolean().nullish(),
});
const toKey = (k: z.output<typeof keyFields>) => ({
  id: k.id,
  name: k.name,
  teamIds: k.teams ?? [],
  lastAccessAt: k.last_access,
  permissions: k.permissions,
  ipWhitelist: k.ip_whitelist ?? [],
  ipWhitelistStrict: k.ip_whitelist_strict ?? false,
});
const apiKeySchema = keyFields.transform(toKey);
const createdKeySchema = keyFields.extend({ key: z.string() }).transform((k) => ({ apiKey: toKey(k), secret: k.key }));

/** One of a team's whitelist records: unlike a user's or key's, it has a name, and holds addresses and CIDR blocks. */
const teamWhitelistSchema = z
  .object({ name: z.string().nullish(), values: z.array(z.string()).nullish() })
  .transform((w) => ({ name: w.name ?? null, values: w.values ?? [] }));

const teamSchema = z
  .object({ id: z.string(), name: z.string(), permissions: permissionsSchema, ip_whitelist: z.array(teamWhitelistSchema).nullish() })
  .transform((t) => ({ id: t.id, name: t.name, permissions: t.permissions, ipWhitelist: t.ip_whitelist ?? [] }));

export type Ns1User = z.output<typeof userSchema>;
export type Ns1ApiKey = z.output<typeof apiKeySchema>;
export type Ns1CreatedApiKey = z.output<typeof createdKeySchema>;
export type Ns1Team = z.output<typeof teamSchema>;
export type Ns1TeamIpWhitelist = z.output<typeof teamWhitelistSchema>;

/** Who may use a user's login or an API key: addresses and CIDR blocks, and whether only they may. */
export interface Ns1IpWhitelistWrite {
  ipWhitelist?: string[];
  ipWhitelistStrict?: boolean;
}

export interface Ns1UserWrite extends Ns1IpWhitelistWrite {
  name?: string;
  email?: string;
  teamIds?: string[];
  notifyBilling?: boolean;
  permissions?: DeepPartial<Ns1Permissions>;
}

export interface Ns1ApiKeyWrite extends Ns1IpWhitelistWrite {
  name: string;
  teamIds?: string[];
  permissions?: DeepPartial<Ns1Permissions>;
}

const ipWhitelistBody = (input: Ns1IpWhitelistWrite) => ({ ip_whitelist: input.ipWhitelist, ip_whitelist_strict: input.ipWhitelistStrict });

export interface Ns1TeamWrite {
  name: string;
  permissions?: DeepPartial<Ns1Permissions>;
  /** Replaces the team's whitelist records; [] for none. */
  ipWhitelist?: Array<{ name?: string; values: string[] }>;
}

const teamWhitelistBody = (records: Ns1TeamWrite['ipWhitelist']) => records?.map((w) => defined({ name: w.name, values: w.values }));

const permissionsChange = (p: DeepPartial<Ns1Permissions> | undefined) => (p ? permissionsBody(p) : undefined);

function userBody(username: string | undefined, input: Ns1UserWrite): Record<string, unknown> {
  return defined({
    username,
    name: input.name,
    email: input.email,
    teams: input.teamIds,
    notify: input.notifyBilling === undefined ? undefined : { billing: input.notifyBilling },
    permissions: permissionsChange(input.permissions),
    ...ipWhitelistBody(input),
  });
}

const userListSchema = z.array(userSchema);
const apiKeyListSchema = z.array(apiKeySchema);
const keysWithSecretsSchema = z.array(createdKeySchema);
const teamListSchema = z.array(teamSchema);

/** NS1 account users: /account/users, and /account/reinvite. */
export class Ns1Users {
  constructor(private readonly api: ProviderCalls) {}

  list(): Promise<Ns1User[]> {
    return this.api.call({ method: 'GET', path: '/account/users' }, userListSchema, 'user list');
  }

  get(username: string): Promise<Ns1User> {
    return this.api.call({ method: 'GET', path: encodePath('account', 'users', username) }, userSchema, 'user');
  }

  create(username: string, input: Ns1UserWrite): Promise<Ns1User> {
    return this.api.call(createWithPut(encodePath('account', 'users', username), { json: userBody(username, input) }), userSchema, 'user');
  }

  update(username: string, input: Ns1UserWrite): Promise<Ns1User> {
    return this.api.call({ method: 'POST', path: encodePath('account', 'users', username), json: userBody(undefined, input) }, userSchema, 'user');
  }

  async delete(username: string): Promise<void> {
    await this.api.send({ method: 'DELETE', path: encodePath('account', 'users', username) });
  }

  /** Sends the invitation e-mail again. */
  async reinvite(username: string): Promise<void> {
    await this.api.send({ method: 'POST', path: encodePath('account', 'reinvite', username) });
  }
}

/** NS1 API keys: /account/apikeys. */
export class Ns1ApiKeys {
  constructor(private readonly api: ProviderCalls) {}

  list(): Promise<Ns1ApiKey[]> {
    return this.api.call({ method: 'GET', path: '/account/apikeys' }, apiKeyListSchema, 'API key list');
  }

  get(id: string): Promise<Ns1ApiKey> {
    return this.api.call({ method: 'GET', path: encodePath('account', 'apikeys', id) }, apiKeySchema, 'API key');
  }

  /** Every key with its secret, which NS1's list carries too: read only to find a created key whose answer was lost. */
  listWithSecrets(): Promise<Ns1CreatedApiKey[]> {
    return this.api.call({ method: 'GET', path: '/account/apikeys' }, keysWithSecretsSchema, 'API key list');
  }

  create(input: Ns1ApiKeyWrite): Promise<Ns1CreatedApiKey> {
    const json = defined({ name: input.name, teams: input.teamIds ?? [], permissions: permissionsBody(input.permissions ?? {}), ...ipWhitelistBody(input) });
    return this.api.call(createWithPut('/account/apikeys', { json }), createdKeySchema, 'created API key');
  }

  update(id: string, input: Partial<Ns1ApiKeyWrite>): Promise<Ns1ApiKey> {
    const json = defined({ name: input.name, teams: input.teamIds, permissions: permissionsChange(input.permissions), ...ipWhitelistBody(input) });
    return this.api.call({ method: 'POST', path: encodePath('account', 'apikeys', id), json }, apiKeySchema, 'API key');
  }

  async delete(id: string): Promise<void> {
    await this.api.send({ method: 'DELETE', path: encodePath('account', 'apikeys', id) });
  }
}

/** NS1 teams: /account/teams. */
export class Ns1Teams {
  constructor(private readonly api: ProviderCalls) {}

  list(): Promise<Ns1Team[]> {
    return this.api.call({ method: 'GET', path: '/account/teams' }, teamListSchema, 'team list');
  }

  get(id: string): Promise<Ns1Team> {
    return this.api.call({ method: 'GET', path: encodePath('account', 'teams', id) }, teamSchema, 'team');
  }

  create(input: Ns1TeamWrite): Promise<Ns1Team> {
    const json = defined({ name: input.name, permissions: permissionsBody(input.permissions ?? {}), ip_whitelist: teamWhitelistBody(input.ipWhitelist) });
    return this.api.call(createWithPut('/account/teams', { json }), teamSchema, 'team');
  }

  update(id: string, input: Partial<Ns1TeamWrite>): Promise<Ns1Team> {
    const json = defined({ name: input.name, permissions: permissionsChange(input.permissions), ip_whitelist: teamWhitelistBody(input.ipWhitelist) });
    return this.api.call({ method: 'POST', path: encodePath('account', 'teams', id), json }, teamSchema, 'team');
  }

  async delete(id: string): Promise<void> {
    await this.api.send({ method: 'DELETE', path: encodePath('account', 'teams', id) });
  }
}
