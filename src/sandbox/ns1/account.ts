import { isIP } from 'node:net';
import { json, SandboxHttpError, type Router } from '../kit/index.js';
import { recordActivity } from './activity.js';
import { keyOf, require } from './auth.js';
import { body, collection, obj, registerCollection, slice, str, type CollectionSpec } from './collection.js';
import type { ApiKey, Permissions } from './model.js';
import { allPermissions, normalisePermissions, readOnlyPermissions } from './permissions.js';
import type { Ns1Context } from './state.js';

export interface AccountUser {
  username: string;
  name: string;
  email: string;
  teams: string[];
  notify: { billing: boolean };
  last_access: number | null;
  permissions: Permissions;
  invited: number | null;
  ip_whitelist?: string[];
  ip_whitelist_strict?: boolean;
}

export interface Team {
  id: string;
  name: string;
  permissions: Permissions;
  ip_whitelist: TeamWhitelist[];
}

/** A team's whitelist record: named, unlike a user's or API key's. */
export interface TeamWhitelist {
  name?: string;
  values: string[];
}

export interface IpAllowList {
  id: string;
  name: string;
  values: string[];
}

const TEAM_OPS = '53b57b8e8b4a8e8c96f1c9a0';
const TEAM_DEV = '53b57b8e8b4a8e8c96f1c9a1';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function teamsOf(ctx: Ns1Context, value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new SandboxHttpError(400, 'teams must be a list of team ids');
  const known = collection(ctx, TEAMS);
  for (const id of value) if (!known.has(String(id))) throw new SandboxHttpError(400, `team ${String(id)} does not exist`);
  return value.map(String);
}

/** A user or API key: what may belong to teams. */
interface TeamMember {
  teams: string[];
  permissions: Permissions;
}

/**
 * The permissions of a member of the given teams: the union of theirs. A zone is allowed if any team allows it,
 * and denied only if every team denies it.
 */
function teamPermissions(ctx: Ns1Context, ids: string[]): Permissions {
  const teams = collection(ctx, TEAMS);
  const all = ids.map((id) => teams.get(id)?.permissions).filter((p): p is Permissions => p !== undefined);
  const out = structuredClone(all[0] ?? normalisePermissions({}));
  for (const p of all.slice(1)) {
    for (const group of Object.keys(out) as Array<keyof Permissions>) {
      const target = out[group] as unknown as Record<string, unknown>;
      const other = p[group] as unknown as Record<string, unknown>;
      for (const flag of Object.keys(target)) if (typeof target[flag] === 'boolean') target[flag] = target[flag] || other[flag] === true;
    }
  }
  const allowed = [...new Set(all.flatMap((p) => p.dns.zones_allow))];
  const denying = all.filter((p) => p.dns.zones_allow_by_default).map((p) => p.dns.zones_deny);
  out.dns.zones_allow = allowed;
  out.dns.zones_deny = denying.length === 0 ? [] : denying.reduce((a, b) => a.filter((z) => b.includes(z))).filter((z) => !allowed.includes(z));
  return out;
}

/**
 * Teams and permissions of a new user or API key: in teams, it takes their permissions and any it was sent are
 * ignored; in none, it has the permissions it was sent.
 */
function newMember(ctx: Ns1Context, b: Record<string, unknown>): TeamMember {
  const teams = teamsOf(ctx, b.teams);
  return { teams, permissions: teams.length > 0 ? teamPermissions(ctx, teams) : normalisePermissions(b.permissions) };
}

/**
 * Changes the teams and permissions of a user or API key. Permissions may be set only for one in no team, and
 * are refused for one that is or is becoming a team member; one leaving its last team keeps the permissions it
 * had from it unless others are set.
 */
function changeMember(ctx: Ns1Context, member: TeamMember, b: Record<string, unknown>, what: string): void {
  const teams = b.teams === undefined ? member.teams : teamsOf(ctx, b.teams);
  if (teams.length > 0 && b.permissions !== undefined)
    throw new SandboxHttpError(
      400,
      `the permissions of a ${what} in a team come from its teams and cannot be set directly; change the teams' permissions instead`,
    );
  member.teams = teams;
  if (teams.length > 0) member.permissions = teamPermissions(ctx, teams);
  else if (b.permissions !== undefined) member.permissions = normalisePermissions(b.permissions);
}

/** The users and API keys in a team. */
function membersOf(ctx: Ns1Context, teamId: string): TeamMember[] {
  return [...collection(ctx, USERS).values(), ...ctx.state().keys.values()].filter((m) => m.teams.includes(teamId));
}

export const TEAMS: CollectionSpec<Team> = {
  slice: 'teams',
  path: '/account/teams',
  resourceType: 'team',
  idOf: (t) => t.id,
  manage: ['account', 'manage_teams'],
  seed: () => [
    { id: TEAM_OPS, name: 'Operations', permissions: allPermissions(), ip_whitelist: [{ name: 'Office', values: ['198.51.100.0/24'] }] },
    { id: TEAM_DEV, name: 'Developers', permissions: readOnlyPermissions(), ip_whitelist: [] },
  ],
  create: (ctx, b) => ({
    id: ctx.state().ids.next(),
    name: str(b, 'name', true)!,
    permissions: normalisePermissions(b.permissions),
    ip_whitelist: teamWhitelistOf(b.ip_whitelist) ?? [],
  }),
  update: (ctx, team, b) => {
    const ipWhitelist = teamWhitelistOf(b.ip_whitelist);
    team.name = str(b, 'name') ?? team.name;
    team.ip_whitelist = ipWhitelist ?? team.ip_whitelist;
    if (b.permissions !== undefined) {
      team.permissions = normalisePermissions(b.permissions);
      for (const member of membersOf(ctx, team.id)) member.permissions = teamPermissions(ctx, member.teams);
    }
  },
  // Members leave the team; those in no other team keep its permissions as their own.
  beforeDelete: (ctx, team) => {
    for (const member of membersOf(ctx, team.id)) {
      member.teams = member.teams.filter((id) => id !== team.id);
      member.permissions = member.teams.length > 0 ? teamPermissions(ctx, member.teams) : structuredClone(team.permissions);
    }
  },
};

/** A team's `ip_whitelist` as given: records with an optional name and their addresses and CIDR blocks. */
function teamWhitelistOf(value: unknown): TeamWhitelist[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new SandboxHttpError(400, 'ip_whitelist must be a list of {name, values} records');
  return value.map((record: unknown, i) => {
    if (!record || typeof record !== 'object' || Array.isArray(record)) throw new SandboxHttpError(400, `ip_whitelist[${i}] must be a {name, values} record`);
    const r = record as Record<string, unknown>;
    if (r.name !== undefined && typeof r.name !== 'string') throw new SandboxHttpError(400, `ip_whitelist[${i}].name must be a string`);
    if (!Array.isArray(r.values)) throw new SandboxHttpError(400, `ip_whitelist[${i}].values must be a list of IP addresses or CIDR blocks`);
    for (const v of r.values)
      if (typeof v !== 'string' || !validCidr(v)) throw new SandboxHttpError(400, `ip_whitelist[${i}]: ${String(v)} is not an IP address or CIDR block`);
    return { ...(r.name === undefined ? {} : { name: r.name }), values: r.values as string[] };
  });
}

export const USERS: CollectionSpec<AccountUser> = {
  slice: 'users',
  path: '/account/users',
  resourceType: 'user',
  idOf: (u) => u.username,
  manage: ['account', 'manage_users'],
  createAtItem: 'username',
  seed: () => [
    {
      username: 'alice',
      name: 'Alice Admin',
      email: 'alice@example.com',
      teams: [TEAM_OPS],
      notify: { billing: true },
      last_access: 1_716_900_000,
      permissions: allPermissions(),
      invited: null,
    },
    {
      username: 'bob',
      name: 'Bob Builder',
      email: 'bob@example.com',
      teams: [TEAM_DEV],
      notify: { billing: false },
      last_access: 1_716_000_000,
      permissions: readOnlyPermissions(),
      invited: null,
    },
  ],
  create: (ctx, b, username) => {
    if (!username || !/^[a-z0-9._-]{2,64}$/i.test(username))
      throw new SandboxHttpError(400, 'username must be 2 to 64 letters, digits, dots, dashes or underscores');
    if (b.username !== undefined && b.username !== username) throw new SandboxHttpError(400, 'username in body does not match the URL');
    const email = str(b, 'email', true)!;
    if (!EMAIL.test(email)) throw new SandboxHttpError(400, `${email} is not an e-mail address`);
    const name = str(b, 'name', true)!;
    const { teams, permissions } = newMember(ctx, b);
    return {
      username,
      name,
      email,
      teams,
      notify: { billing: Boolean((obj(b, 'notify') ?? {}).billing) },
      last_access: null,
      permissions,
      invited: ctx.clock.nowSeconds(),
      ...ipWhitelistOf(b),
    };
  },
  update: (ctx, user, b) => {
    const name = str(b, 'name');
    const email = str(b, 'email');
    if (email !== undefined && !EMAIL.test(email)) throw new SandboxHttpError(400, `${email} is not an e-mail address`);
    const notify = b.notify === undefined ? undefined : { billing: Boolean((obj(b, 'notify') ?? {}).billing) };
    const ipWhitelist = ipWhitelistOf(b);
    changeMember(ctx, user, b, 'user');
    user.name = name ?? user.name;
    user.email = email ?? user.email;
    user.notify = notify ?? user.notify;
    Object.assign(user, ipWhitelist);
  },
  render: (_ctx, user) => {
    const { invited: _invited, ...rest } = user;
    return { ...rest, ip_whitelist: user.ip_whitelist ?? [], ip_whitelist_strict: user.ip_whitelist_strict ?? false };
  },
};

function validCidr(value: string): boolean {
  const [ip, bits] = value.split('/');
  if (!ip || isIP(ip) === 0) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return Number.isInteger(n) && n >= 0 && n <= (isIP(ip) === 4 ? 32 : 128);
}

export const IP_ALLOW_LISTS: CollectionSpec<IpAllowList> = {
  slice: 'whitelist',
  path: '/account/whitelist',
  resourceType: 'whitelist',
  idOf: (w) => w.id,
  manage: ['account', 'manage_account_settings'],
  seed: () => [{ id: '5c4b3a2b1a0f9e8d7c6b5a49', name: 'Office', values: ['198.51.100.0/24', '2001:db8:100::/48'] }],
  create: (ctx, b) => ({ id: ctx.state().ids.next(), name: str(b, 'name', true)!, values: readValues(b.values) }),
  update: (_ctx, list, b) => {
    list.name = str(b, 'name') ?? list.name;
    if (b.values !== undefined) list.values = readValues(b.values);
  },
};

/** A user's or API key's `ip_whitelist` (addresses and CIDR blocks, possibly none) and `ip_whitelist_strict`, as given. */
export function ipWhitelistOf(b: Record<string, unknown>): { ip_whitelist?: string[]; ip_whitelist_strict?: boolean } {
  const out: { ip_whitelist?: string[]; ip_whitelist_strict?: boolean } = {};
  if (b.ip_whitelist !== undefined) {
    if (!Array.isArray(b.ip_whitelist)) throw new SandboxHttpError(400, 'ip_whitelist must be a list of IP addresses or CIDR blocks');
    for (const v of b.ip_whitelist)
      if (typeof v !== 'string' || !validCidr(v)) throw new SandboxHttpError(400, `ip_whitelist: ${String(v)} is not an IP address or CIDR block`);
    out.ip_whitelist = b.ip_whitelist as string[];
  }
  if (b.ip_whitelist_strict !== undefined) {
    if (typeof b.ip_whitelist_strict !== 'boolean') throw new SandboxHttpError(400, 'ip_whitelist_strict must be true or false');
    out.ip_whitelist_strict = b.ip_whitelist_strict;
  }
  return out;
}

function readValues(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0) throw new SandboxHttpError(400, 'values must be a non-empty list of IP addresses or CIDR ranges');
  for (const v of value) if (typeof v !== 'string' || !validCidr(v)) throw new SandboxHttpError(400, `${String(v)} is not an IP address or CIDR range`);
  return value as string[];
}

function keyView(key: ApiKey) {
  return {
    id: key.id,
    name: key.name,
    teams: key.teams,
    permissions: key.permissions,
    last_access: key.last_access ?? null,
    ip_whitelist: key.ip_whitelist ?? [],
    ip_whitelist_strict: key.ip_whitelist_strict ?? false,
    key: key.key,
  };
}

export function registerAccount(router: Router, ctx: Ns1Context): void {
  const settingsOf = () => slice(ctx, 'accountSettings', defaultSettings);
  const warningsOf = () => slice(ctx, 'usageWarnings', defaultWarnings);

  router.get('/account/settings', (req) => {
    keyOf(req, ctx.state());
    return json(settingsOf());
  });
  router.post('/account/settings', (req) => {
    const key = keyOf(req, ctx.state());
    require(key, 'account', 'manage_account_settings');
    const settings = settingsOf();
    const b = body(req);
    if (b.customerid !== undefined && b.customerid !== settings.customerid) throw new SandboxHttpError(400, 'customerid cannot be changed');
    const email = str(b, 'email');
    if (email !== undefined && !EMAIL.test(email)) throw new SandboxHttpError(400, `${email} is not an e-mail address`);
    for (const f of ['email', 'phone', 'company', 'firstname', 'lastname'] as const) {
      const v = str(b, f);
      if (v !== undefined) settings[f] = v;
    }
    const address = obj(b, 'address');
    if (address) settings.address = { ...settings.address, ...(address as Record<string, string>) };
    recordActivity(ctx, key, 'update', 'account', String(settings.customerid));
    return json(settings);
  });
  router.get('/account/usagewarnings', (req) => {
    keyOf(req, ctx.state());
    return json(warningsOf());
  });
  router.post('/account/usagewarnings', (req) => {
    const key = keyOf(req, ctx.state());
    require(key, 'account', 'manage_account_settings');
    const warnings = warningsOf();
    const b = body(req);
    for (const kind of ['queries', 'records'] as const) {
      const update = obj(b, kind);
      if (!update) continue;
      const next = { ...warnings[kind], ...update };
      for (const level of ['warning_1', 'warning_2'] as const) {
        if (typeof next[level] !== 'number' || next[level] < 0 || next[level] > 100)
          throw new SandboxHttpError(400, `${kind}.${level} must be a percentage from 0 to 100`);
      }
      if (next.warning_1 >= next.warning_2) throw new SandboxHttpError(400, `${kind}.warning_1 must be smaller than ${kind}.warning_2`);
      warnings[kind] = { send_warnings: Boolean(next.send_warnings), warning_1: next.warning_1, warning_2: next.warning_2 };
    }
    recordActivity(ctx, key, 'update', 'account', 'usagewarnings');
    return json(warnings);
  });

  registerCollection(router, ctx, TEAMS);
  registerCollection(router, ctx, USERS);
  registerCollection(router, ctx, IP_ALLOW_LISTS);

  router.post('/account/reinvite/:username', (req) => {
    const key = keyOf(req, ctx.state());
    require(key, 'account', 'manage_users');
    const users = ctx.state().extra.get(USERS.slice) as Map<string, AccountUser> | undefined;
    const user = users?.get(req.params.username ?? '');
    if (!user) throw new SandboxHttpError(404, 'user not found');
    if (user.last_access !== null) throw new SandboxHttpError(400, `${user.username} has already accepted the invitation`);
    user.invited = ctx.clock.nowSeconds();
    recordActivity(ctx, key, 'update', 'user', user.username);
    return json({});
  });

  router.get('/account/apikeys', (req) => {
    require(keyOf(req, ctx.state()), 'account', 'manage_apikeys');
    return json([...ctx.state().keys.values()].map((k) => keyView(k)));
  });
  router.get('/account/apikeys/:id', (req) => {
    require(keyOf(req, ctx.state()), 'account', 'manage_apikeys');
    const key = [...ctx.state().keys.values()].find((k) => k.id === req.params.id);
    if (!key) throw new SandboxHttpError(404, 'API key not found');
    return json(keyView(key));
  });
  router.put('/account/apikeys', (req) => {
    const acting = keyOf(req, ctx.state());
    require(acting, 'account', 'manage_apikeys');
    const b = body(req);
    const state = ctx.state();
    const name = str(b, 'name', true)!;
    const ipWhitelist = ipWhitelistOf(b);
    const created: ApiKey = { id: state.ids.next(), name, key: state.ids.next().slice(0, 20), ...newMember(ctx, b), ...ipWhitelist };
    state.keys.set(created.key, created);
    recordActivity(ctx, acting, 'create', 'apikey', created.id, keyView(created));
    return json(keyView(created));
  });
  router.post('/account/apikeys/:id', (req) => {
    const acting = keyOf(req, ctx.state());
    require(acting, 'account', 'manage_apikeys');
    const key = [...ctx.state().keys.values()].find((k) => k.id === req.params.id);
    if (!key) throw new SandboxHttpError(404, 'API key not found');
    const b = body(req);
    const name = str(b, 'name');
    const ipWhitelist = ipWhitelistOf(b);
    changeMember(ctx, key, b, 'API key');
    key.name = name ?? key.name;
    Object.assign(key, ipWhitelist);
    recordActivity(ctx, acting, 'update', 'apikey', key.id);
    return json(keyView(key));
  });
  router.delete('/account/apikeys/:id', (req) => {
    const acting = keyOf(req, ctx.state());
    require(acting, 'account', 'manage_apikeys');
    const key = [...ctx.state().keys.values()].find((k) => k.id === req.params.id);
    if (!key) throw new SandboxHttpError(404, 'API key not found');
    if (key.id === acting.id) throw new SandboxHttpError(400, 'an API key cannot delete itself');
    ctx.state().keys.delete(key.key);
    recordActivity(ctx, acting, 'delete', 'apikey', key.id);
    return json({});
  });

  router.get('/account/activity', (req) => {
    require(keyOf(req, ctx.state()), 'account', 'view_activity_log');
    const q = req.query;
    // NS1 returns the most recent 20 entries unless given a limit.
    const limit = Number(q.get('limit') ?? 20);
    const start = q.get('start') === null ? -Infinity : Number(q.get('start'));
    const end = q.get('end') === null ? Infinity : Number(q.get('end'));
    if (![limit, start, end].every((n) => !Number.isNaN(n))) throw new SandboxHttpError(400, 'limit, start and end must be numbers');
    const entries = [...ctx.state().activity]
      .reverse()
      .filter(
        (e) =>
          e.timestamp >= start &&
          e.timestamp <= end &&
          (q.get('resource_type') === null || e.resource_type === q.get('resource_type')) &&
          (q.get('user') === null || e.user_name === q.get('user') || e.user_id === q.get('user')) &&
          (q.get('resource_id') === null || e.resource_id === q.get('resource_id')),
      )
      .sort((a, b) => b.timestamp - a.timestamp);
    return json(entries.slice(0, limit));
  });
}

function defaultSettings() {
  return {
    email: 'billing@example.com',
    address: { country: 'US', street: '55 Broad Street Suite 2100', state: 'NY', city: 'New York', postalcode: '10004' },
    phone: '+1 212 555 0100',
    customerid: 5309,
    company: 'dnsgraph demo account',
    lastname: 'Example',
    firstname: 'Demo',
  };
}

function defaultWarnings() {
  return {
    queries: { send_warnings: true, warning_1: 80, warning_2: 90 },
    records: { send_warnings: false, warning_1: 80, warning_2: 90 },
  };
}
