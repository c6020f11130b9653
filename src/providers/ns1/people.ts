import { z } from 'zod';
import { encodePath } from '../http.js';
import type { Ns1Api } from './api.js';
import { permissionsBody, permissionsSchema, unixDate, type DeepPartial, type Ns1Permissions } from './ops-schemas.js';

export interface Ns1User {
  username: string;
  name: string | null;
  email: string | null;
  teamIds: string[];
  notifyBilling: boolean | null;
  lastAccessAt: Date | null;
  permissions: Ns1Permissions;
}

export interface Ns1ApiKey {
  id: string;
  name: string;
  teamIds: string[];
  lastAccessAt: Date | null;
  permissions: Ns1Permissions;
}

export interface Ns1Team {
  id: string;
  name: string;
  permissions: Ns1Permissions;
}

const userSchema = z
  .object({
    username: z.string(),
    name: z.string().nullish(),
    email: z.string().nullish(),
    teams: z.array(z.string()).nullish(),
    notify: z.object({ billing: z.boolean().nullish() }).nullish(),
    last_access: unixDate,
    permissions: permissionsSchema,
  })
  .transform((u): Ns1User => ({
    username: u.username,
    name: u.name ?? null,
    email: u.email ?? null,
    teamIds: u.teams ?? [],
    notifyBilling: u.notify?.billing ?? null,
    lastAccessAt: u.last_access,
    permissions: u.permissions,
  }));

const keyFields = { id: z.string(), name: z.string(), teams: z.array(z.string()).nullish(), last_access: unixDate, permissions: permissionsSchema };
const toKey = (k: { id: string; name: string; teams?: string[] | null; last_access: Date | null; permissions: Ns1Permissions }): Ns1ApiKey => ({
  id: k.id,
  name: k.name,
  teamIds: k.teams ?? [],
  lastAccessAt: k.last_access,
  permissions: k.permissions,
});
const apiKeySchema = z.object(keyFields).transform(toKey);
const createdKeySchema = z.object({ ...keyFields, key: z.string() }).transform((k) => ({ apiKey: toKey(k), secret: k.key }));

const teamSchema = z.object({ id: z.string(), name: z.string(), permissions: permissionsSchema });

export interface Ns1UserWrite {
  name?: string;
  email?: string;
  teamIds?: string[];
  notifyBilling?: boolean;
  permissions?: DeepPartial<Ns1Permissions>;
}

function userBody(username: string | undefined, input: Ns1UserWrite): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries({
      username,
      name: input.name,
      email: input.email,
      teams: input.teamIds,
      notify: input.notifyBilling === undefined ? undefined : { billing: input.notifyBilling },
      permissions: input.permissions ? permissionsBody(input.permissions) : undefined,
    }).filter(([, v]) => v !== undefined),
  );
}

/** NS1 account users, API keys and teams. */
export class Ns1People {
  constructor(private readonly api: Ns1Api) {}

  users(): Promise<Ns1User[]> {
    return this.api.call({ method: 'GET', path: '/account/users' }, z.array(userSchema), 'user list');
  }

  user(username: string): Promise<Ns1User> {
    return this.api.call({ method: 'GET', path: encodePath('account', 'users', username) }, userSchema, 'user');
  }

  createUser(username: string, input: Ns1UserWrite): Promise<Ns1User> {
    return this.api.call({ method: 'PUT', path: encodePath('account', 'users', username), json: userBody(username, input), retry: false }, userSchema, 'user');
  }

  updateUser(username: string, input: Ns1UserWrite): Promise<Ns1User> {
    return this.api.call({ method: 'POST', path: encodePath('account', 'users', username), json: userBody(undefined, input) }, userSchema, 'user');
  }

  async deleteUser(username: string): Promise<void> {
    await this.api.send({ method: 'DELETE', path: encodePath('account', 'users', username) });
  }

  async reinviteUser(username: string): Promise<void> {
    await this.api.send({ method: 'POST', path: encodePath('account', 'reinvite', username) });
  }

  apiKeys(): Promise<Ns1ApiKey[]> {
    return this.api.call({ method: 'GET', path: '/account/apikeys' }, z.array(apiKeySchema), 'API key list');
  }

  apiKey(id: string): Promise<Ns1ApiKey> {
    return this.api.call({ method: 'GET', path: encodePath('account', 'apikeys', id) }, apiKeySchema, 'API key');
  }

  /** The secret is in this answer only: NS1 never shows it again. */
  createApiKey(input: { name: string; teamIds?: string[]; permissions?: DeepPartial<Ns1Permissions> }): Promise<{ apiKey: Ns1ApiKey; secret: string }> {
    const json = { name: input.name, teams: input.teamIds ?? [], permissions: permissionsBody(input.permissions ?? {}) };
    return this.api.call({ method: 'PUT', path: '/account/apikeys', json, retry: false }, createdKeySchema, 'created API key');
  }

  updateApiKey(id: string, input: { name?: string; teamIds?: string[]; permissions?: DeepPartial<Ns1Permissions> }): Promise<Ns1ApiKey> {
    const json = Object.fromEntries(
      Object.entries({ name: input.name, teams: input.teamIds, permissions: input.permissions ? permissionsBody(input.permissions) : undefined }).filter(
        ([, v]) => v !== undefined,
      ),
    );
    return this.api.call({ method: 'POST', path: encodePath('account', 'apikeys', id), json }, apiKeySchema, 'API key');
  }

  async deleteApiKey(id: string): Promise<void> {
    await this.api.send({ method: 'DELETE', path: encodePath('account', 'apikeys', id) });
  }

  teams(): Promise<Ns1Team[]> {
    return this.api.call({ method: 'GET', path: '/account/teams' }, z.array(teamSchema), 'team list');
  }

  team(id: string): Promise<Ns1Team> {
    return this.api.call({ method: 'GET', path: encodePath('account', 'teams', id) }, teamSchema, 'team');
  }

  createTeam(input: { name: string; permissions?: DeepPartial<Ns1Permissions> }): Promise<Ns1Team> {
    return this.api.call(
      { method: 'PUT', path: '/account/teams', json: { name: input.name, permissions: permissionsBody(input.permissions ?? {}) }, retry: false },
      teamSchema,
      'team',
    );
  }

  updateTeam(id: string, input: { name?: string; permissions?: DeepPartial<Ns1Permissions> }): Promise<Ns1Team> {
    const json = Object.fromEntries(
      Object.entries({ name: input.name, permissions: input.permissions ? permissionsBody(input.permissions) : undefined }).filter(([, v]) => v !== undefined),
    );
    return this.api.call({ method: 'POST', path: encodePath('account', 'teams', id), json }, teamSchema, 'team');
  }

  async deleteTeam(id: string): Promise<void> {
    await this.api.send({ method: 'DELETE', path: encodePath('account', 'teams', id) });
  }
}
