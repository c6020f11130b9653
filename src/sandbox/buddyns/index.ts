import { z } from 'zod';
import { Router, SandboxClock, SandboxHttpError, SandboxRateLimiter, startSandbox, type RunningSandbox, type SandboxDefinition } from '../kit/index.js';
import { registerAccount } from './account.js';
import { authenticate, throttle, type BuddyCredentials } from './auth.js';
import { normaliseZoneName } from './names.js';
import { demoAccount, demoSeed, zoneFromSeed, type ZoneSeed } from './seed.js';
import { registerZones } from './zones.js';
import type { BuddyState } from './state.js';

export function buddyNsSandboxCredentials(): BuddyCredentials {
  return { token: process.env.SANDBOX_BUDDYNS_TOKEN || 'sandbox-buddyns-token', user: 'demo@dnsgraph.dev', password: 'sandbox-password' };
}

export interface BuddyNsSandboxOptions extends Partial<BuddyCredentials> {
  clock?: SandboxClock;
}

const seedSchema = z.object({
  zones: z
    .array(
      z.object({
        name: z.string(),
        master: z.string().optional(),
        serial: z.number().int().nullable().optional(),
        masterSerial: z.number().int().optional(),
        registryOk: z.boolean().optional(),
        authorityOk: z.boolean().optional(),
        createdAt: z.string().optional(),
        firstFailure: z.string().optional(),
        lastFailure: z.string().optional(),
        lastSuccess: z.string().optional(),
      }),
    )
    .optional(),
  bulkZones: z.number().int().min(1).max(100_000).optional(),
});

/** The BuddyNS API v2 as its documentation describes it, with state, under `/api/v2`. */
export function createBuddyNsSandbox(options: BuddyNsSandboxOptions = {}): SandboxDefinition {
  const credentials = { ...buddyNsSandboxCredentials(), ...stripUndefined(options) };
  const clock = options.clock ?? new SandboxClock();
  const rateLimiter = new SandboxRateLimiter(clock, 10_000, 10);
  let state: BuddyState = { zones: new Map(), account: demoAccount(credentials.user) };

  const addZones = (seeds: ZoneSeed[]) => {
    const named = seeds.map((seed) => {
      const names = normaliseZoneName(seed.name);
      if (!names) throw new SandboxHttpError(400, `invalid zone name ${seed.name}`, { detail: `invalid zone name ${seed.name}` });
      return { seed, names };
    });
    for (const { seed, names } of named) state.zones.set(names.ascii, zoneFromSeed(seed, names, clock.now()));
    return names();
  };
  const names = () => [...state.zones.values()].map((z) => z.unicode);
  const reset = () => {
    state = { zones: new Map(), account: demoAccount(credentials.user) };
    addZones(demoSeed());
  };
  reset();

  const router = new Router({ exactSlashes: true });
  registerZones(router, () => state, clock);
  registerAccount(router, () => state);

  return {
    name: 'buddyns',
    basePath: '/api/v2',
    router,
    clock,
    rateLimiter,
    errorBody: (_status, message) => ({ detail: message }),
    before: (req) => {
      throttle(rateLimiter, authenticate(req, credentials));
    },
    reset,
    seed: (body) => {
      const parsed = seedSchema.safeParse(body);
      if (!parsed.success) throw new SandboxHttpError(400, z.prettifyError(parsed.error));
      const seeds: ZoneSeed[] = [...(parsed.data.zones ?? [])];
      for (let i = 1; i <= (parsed.data.bulkZones ?? 0); i++) {
        seeds.push({ name: `bulk-${String(i).padStart(4, '0')}.example`, master: '198.51.100.53', serial: 2024060101, lastSuccess: '2024-06-01T00:00:00.000' });
      }
      return { zones: addZones(seeds) };
    },
    describe: () => ({ credentials, zones: names() }),
  };
}

export function startBuddyNsSandbox(options: BuddyNsSandboxOptions & { port?: number; host?: string } = {}): Promise<RunningSandbox> {
  const { port, host, ...rest } = options;
  return startSandbox(createBuddyNsSandbox(rest), { ...(port !== undefined ? { port } : {}), ...(host ? { host } : {}) });
}

function stripUndefined(options: BuddyNsSandboxOptions): Partial<BuddyCredentials> {
  const out: Partial<BuddyCredentials> = {};
  if (options.token) out.token = options.token;
  if (options.user) out.user = options.user;
  if (options.password) out.password = options.password;
  return out;
}
