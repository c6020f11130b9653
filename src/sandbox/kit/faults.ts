import { z } from 'zod';

export const faultSchema = z.object({
  /** Applies to paths equal to this or below it (`/zones` matches `/zones/a.com`); `*` within a segment matches anything. */
  path: z.string().default('/'),
  method: z.string().toUpperCase().optional(),
  latencyMs: z.number().int().min(0).max(120_000).optional(),
  /** Probability in [0, 1] that a matching request fails; 1 when a failure kind is set and this is not. */
  errorRate: z.number().min(0).max(1).optional(),
  status: z.number().int().min(200).max(599).optional(),
  /** The body to answer with instead of the provider's error body, e.g. a well-formed body of the wrong shape. */
  body: z.unknown().optional(),
  message: z.string().optional(),
  retryAfterSeconds: z.number().int().min(0).optional(),
  drop: z.boolean().optional(),
  malformed: z.boolean().optional(),
  /** The request changes state as usual, then the connection is dropped with no answer. */
  dropAfterApply: z.boolean().optional(),
  /** The request changes state at once; its answer leaves this much later. */
  latencyAfterApplyMs: z.number().int().min(0).max(120_000).optional(),
  /** How many matching requests the fault applies to before it expires. */
  times: z.number().int().positive().optional(),
});
export type FaultSpec = z.infer<typeof faultSchema>;
export type Fault = FaultSpec & { id: number; hits: number };

/** What happens after the request was applied: its answer delayed, or never sent. */
export interface AfterApply {
  latencyMs: number;
  drop: boolean;
}

export type FaultOutcome =
  | { kind: 'none'; latencyMs: number; afterApply: AfterApply }
  | { kind: 'status'; latencyMs: number; status: number; message: string; body?: unknown; retryAfterSeconds?: number }
  | { kind: 'drop'; latencyMs: number }
  | { kind: 'malformed'; latencyMs: number };

function pathMatches(pattern: string, path: string): boolean {
  const want = pattern.replace(/\/+$/, '').split('/');
  const have = path.replace(/\/+$/, '').split('/');
  if (want.length > have.length) return false;
  return want.every((seg, i) => seg === '*' || seg === have[i]);
}

/** Deterministic PRNG so an error rate gives the same sequence on every run. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Faults injected through `/_sandbox/faults`, scoped by path and method. */
export class FaultInjector {
  private faults: Fault[] = [];
  private nextId = 1;
  private random = mulberry32(42);

  add(spec: FaultSpec): Fault {
    const fault: Fault = { ...spec, id: this.nextId++, hits: 0 };
    this.faults.push(fault);
    return fault;
  }

  list(): Fault[] {
    return [...this.faults];
  }

  remove(id: number): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((f) => f.id !== id);
    return this.faults.length < before;
  }

  clear(): void {
    this.faults = [];
    this.random = mulberry32(42);
  }

  decide(method: string, path: string): FaultOutcome {
    let latencyMs = 0;
    const afterApply: AfterApply = { latencyMs: 0, drop: false };
    for (const fault of this.faults) {
      if (fault.method && fault.method !== method) continue;
      if (!pathMatches(fault.path, path)) continue;
      const fails = fault.status !== undefined || fault.drop || fault.malformed;
      const rate = fault.errorRate ?? (fails || fault.dropAfterApply ? 1 : 0);
      latencyMs += fault.latencyMs ?? 0;
      afterApply.latencyMs += fault.latencyAfterApplyMs ?? 0;
      this.consume(fault);
      if (fault.dropAfterApply && this.random() < rate) afterApply.drop = true;
      if (!fails || this.random() >= rate) continue;
      if (fault.drop) return { kind: 'drop', latencyMs };
      if (fault.malformed) return { kind: 'malformed', latencyMs };
      return {
        kind: 'status',
        latencyMs,
        status: fault.status ?? 500,
        message: fault.message ?? (fault.status === 429 ? 'Rate limit exceeded' : 'Injected fault'),
        ...(fault.body !== undefined ? { body: fault.body } : {}),
        ...(fault.retryAfterSeconds !== undefined ? { retryAfterSeconds: fault.retryAfterSeconds } : {}),
      };
    }
    return { kind: 'none', latencyMs, afterApply };
  }

  private consume(fault: Fault): void {
    fault.hits += 1;
    if (fault.times !== undefined && fault.hits >= fault.times) {
      this.faults = this.faults.filter((f) => f !== fault);
    }
  }
}
