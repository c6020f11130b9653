import { Agent, fetch } from 'undici';
import type { FaultSpec } from './faults.js';
import type { LoggedRequest } from './request-log.js';

export interface LogSummary {
  total: number;
  lastSeq: number;
  counts: Record<string, number>;
  routes: Record<string, number>;
  entries: LoggedRequest[];
}

// A fresh connection per control call: a kept-alive one can be closed by the sandbox, at its idle timeout, just
// as the next call reuses it (ECONNRESET), which a busy event loop makes likely between two far-apart calls.
const freshConnections = new Agent({ pipelining: 0 });

/** Drives a running sandbox's `/_sandbox` controls over HTTP, for tests, benchmarks and scripts. */
export class SandboxControlClient {
  constructor(readonly origin: string) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.origin}/_sandbox${path}`, {
      dispatcher: freshConnections,
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`sandbox control ${method} ${path} answered ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  describe(): Promise<Record<string, unknown>> {
    return this.call('GET', '');
  }
  reset(): Promise<void> {
    return this.call('POST', '/reset');
  }
  log(since = 0): Promise<LogSummary> {
    return this.call('GET', `/log?since=${since}`);
  }
  clearLog(): Promise<void> {
    return this.call('DELETE', '/log');
  }
  addFault(spec: Partial<FaultSpec>): Promise<{ id: number }> {
    return this.call('POST', '/faults', spec);
  }
  clearFaults(): Promise<void> {
    return this.call('DELETE', '/faults');
  }
  advanceClock(seconds: number): Promise<{ now: number }> {
    return this.call('POST', '/clock', { advanceSeconds: seconds });
  }
  freezeClock(at?: number | string): Promise<{ now: number }> {
    return this.call('POST', '/clock', at === undefined ? { freeze: true } : { set: at });
  }
  setRateLimit(limit: number, periodSeconds: number): Promise<void> {
    return this.call('POST', '/rate-limit', { limit, periodSeconds });
  }
  seed(body: unknown): Promise<unknown> {
    return this.call('POST', '/seed', body);
  }
}
