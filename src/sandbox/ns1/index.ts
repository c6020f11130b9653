import { z } from 'zod';
import { json, Router, SandboxClock, SandboxHttpError, SandboxRateLimiter, startSandbox, type RunningSandbox, type SandboxDefinition } from '../kit/index.js';
import { authenticate, rateLimitHeaders } from './auth.js';
import { registerCatalog } from './catalog.js';
import { registerRecords } from './records.js';
import { bulkZones, demoZones, NS1_TRANSFER_ADDRESS, seedKeys, seedZones, type Ns1Keys, type ZoneSeed } from './seed.js';
import { emptyState, type Ns1Context, type Ns1State } from './state.js';
import { registerStats } from './stats.js';
import { registerZones } from './zones.js';
import { registerZoneFileImport } from './zonefile-import.js';
import { registerData } from './data.js';
import { registerMonitoring } from './monitoring.js';
import { registerAccount } from './account.js';
import { invoiceTokenRequest, registerBilling } from './billing.js';
import { registerPlans } from './plans.js';
import { registerPulsar } from './pulsar.js';

export { NS1_TRANSFER_ADDRESS } from './seed.js';

export function ns1SandboxKeys(): Ns1Keys {
  return {
    admin: process.env.SANDBOX_NS1_KEY || 'sandbox-ns1-admin-key',
    readOnly: 'sandbox-ns1-readonly-key',
    exampleOnly: 'sandbox-ns1-example-only-key',
  };
}

export interface Ns1SandboxOptions {
  adminKey?: string;
  clock?: SandboxClock;
}

const seedSchema = z.object({
  zones: z
    .array(
      z.object({
        zone: z.string(),
        serial: z.number().int().optional(),
        body: z.record(z.string(), z.unknown()).optional(),
        records: z.array(z.any()).optional(),
      }),
    )
    .optional(),
  bulkZones: z.number().int().min(1).max(100_000).optional(),
});

/** The NS1 REST API v1 as its documentation describes it, with state, under `/v1`. */
export function createNs1Sandbox(options: Ns1SandboxOptions = {}): SandboxDefinition & { transferAddress: string } {
  const keys = { ...ns1SandboxKeys(), ...(options.adminKey ? { admin: options.adminKey } : {}) };
  const clock = options.clock ?? new SandboxClock();
  const rateLimiter = new SandboxRateLimiter(clock, 10_000, 10);
  let state: Ns1State = emptyState();
  const ctx: Ns1Context = { state: () => state, clock, transferAddress: NS1_TRANSFER_ADDRESS };
  let bulkCount = 0;

  const reset = () => {
    state = emptyState();
    bulkCount = 0;
    seedKeys(ctx, keys);
    seedZones(ctx, demoZones());
  };
  reset();

  const router = new Router();
  registerZones(router, ctx);
  registerRecords(router, ctx);
  registerStats(router, ctx);
  registerCatalog(router, ctx);
  registerZoneFileImport(router, ctx);
  registerData(router, ctx);
  registerMonitoring(router, ctx);
  registerAccount(router, ctx);
  registerPlans(router, ctx);
  registerBilling(router, ctx);
  registerPulsar(router, ctx);

  const controls = new Router().get('/transfer-address', () => json({ transferAddress: NS1_TRANSFER_ADDRESS }));

  return {
    name: 'ns1',
    basePath: '/v1',
    router,
    clock,
    rateLimiter,
    transferAddress: NS1_TRANSFER_ADDRESS,
    controls,
    errorBody: (_status, message) => ({ message }),
    before: (req) => {
      if (invoiceTokenRequest(req)) return undefined;
      return rateLimitHeaders(rateLimiter, authenticate(req, state));
    },
    reset,
    seed: (body) => {
      const parsed = seedSchema.safeParse(body);
      if (!parsed.success) throw new SandboxHttpError(400, z.prettifyError(parsed.error));
      const zones: ZoneSeed[] = [...((parsed.data.zones ?? []) as ZoneSeed[])];
      if (parsed.data.bulkZones) {
        zones.push(...bulkZones(parsed.data.bulkZones, bulkCount));
        bulkCount += parsed.data.bulkZones;
      }
      seedZones(ctx, zones);
      return { zones: zones.map((z) => z.zone) };
    },
    describe: () => ({ keys, transferAddress: NS1_TRANSFER_ADDRESS, zones: [...state.zones.keys()] }),
  };
}

export function startNs1Sandbox(options: Ns1SandboxOptions & { port?: number; host?: string } = {}): Promise<RunningSandbox> {
  const { port, host, ...rest } = options;
  return startSandbox(createNs1Sandbox(rest), { ...(port !== undefined ? { port } : {}), ...(host ? { host } : {}) });
}
