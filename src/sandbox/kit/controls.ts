import { z } from 'zod';
import { faultSchema, type FaultInjector } from './faults.js';
import { SandboxHttpError } from './http-error.js';
import type { RequestLog } from './request-log.js';
import { Router } from './router.js';
import type { SandboxDefinition } from './server.js';
import { json, noContent, type SandboxRequest } from './types.js';

const clockSchema = z.object({
  advanceMs: z.number().optional(),
  advanceSeconds: z.number().optional(),
  freeze: z.boolean().optional(),
  set: z.union([z.number(), z.string()]).optional(),
});

const rateLimitSchema = z.object({ limit: z.number().int().positive(), periodSeconds: z.number().positive() });

function parse<T>(schema: z.ZodType<T>, req: SandboxRequest): T {
  const result = schema.safeParse(req.json());
  if (!result.success) throw new SandboxHttpError(400, z.prettifyError(result.error), { message: z.prettifyError(result.error) });
  return result.data;
}

/** `/_sandbox/*`: what tests and benchmarks need and a real provider does not have. No authentication. */
export function mountControls(deps: { definition: SandboxDefinition; log: RequestLog; faults: FaultInjector }): Router {
  const { definition, log, faults } = deps;
  const { clock } = definition;
  const router = new Router();

  router.get('/', () => json({ name: definition.name, basePath: definition.basePath, clock: clock.describe(), ...definition.describe() }));

  router.get('/log', (req) => {
    const since = Number(req.query.get('since') ?? 0);
    return json({ ...log.summary(since), entries: req.query.get('entries') === 'false' ? [] : log.list(since) });
  });
  router.delete('/log', () => {
    log.clear();
    return noContent();
  });

  router.get('/faults', () => json(faults.list()));
  router.post('/faults', (req) => json(faults.add(parse(faultSchema, req)), 201));
  router.delete('/faults', () => {
    faults.clear();
    return noContent();
  });
  router.delete('/faults/:id', (req) => {
    if (!faults.remove(Number(req.params.id))) throw new SandboxHttpError(404, 'No such fault', { message: 'No such fault' });
    return noContent();
  });

  router.get('/clock', () => json(clock.describe()));
  router.post('/clock', (req) => {
    const body = parse(clockSchema, req);
    if (body.set !== undefined) clock.freeze(typeof body.set === 'number' ? body.set : Date.parse(body.set));
    else if (body.freeze === true) clock.freeze();
    if (body.freeze === false) clock.unfreeze();
    clock.advance((body.advanceMs ?? 0) + (body.advanceSeconds ?? 0) * 1000);
    return json(clock.describe());
  });

  router.post('/reset', () => {
    definition.reset();
    definition.rateLimiter?.reset();
    log.clear();
    faults.clear();
    clock.reset();
    return noContent();
  });

  router.post('/seed', (req) => {
    if (!definition.seed) throw new SandboxHttpError(404, 'This sandbox takes no extra seed', { message: 'No seed' });
    return json(definition.seed(req.json()) ?? { ok: true }, 201);
  });

  router.get('/rate-limit', () => {
    const limiter = definition.rateLimiter;
    return json(limiter ? { limit: limiter.limit, periodSeconds: limiter.periodSeconds } : null);
  });
  router.post('/rate-limit', (req) => {
    const body = parse(rateLimitSchema, req);
    definition.rateLimiter?.configure(body.limit, body.periodSeconds);
    return json(body);
  });

  if (definition.controls) {
    return new ChainedRouter(router, definition.controls);
  }
  return router;
}

class ChainedRouter extends Router {
  constructor(
    private readonly first: Router,
    private readonly second: Router,
  ) {
    super();
  }
  override match(method: string, path: string): ReturnType<Router['match']> {
    const a = this.first.match(method, path);
    if (a.match) return a;
    const b = this.second.match(method, path);
    if (b.match) return b;
    return { methods: [...a.methods, ...b.methods] };
  }
}
