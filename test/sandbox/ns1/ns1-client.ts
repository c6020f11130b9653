import { afterAll, beforeAll, beforeEach } from 'vitest';
import { SandboxControlClient, type RunningSandbox } from '../../../src/sandbox/kit/index.js';
import { ns1SandboxKeys, startNs1Sandbox } from '../../../src/sandbox/ns1/index.js';

export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
  raw: Buffer;
}

/** Plain HTTP against the NS1 sandbox, as any NS1 API client would send it. */
export function ns1Caller(sandbox: () => RunningSandbox, defaultKey: string) {
  return async (method: string, path: string, payload?: unknown, key: string | null = defaultKey): Promise<Answer> => {
    const headers: Record<string, string> = {};
    if (key) headers['x-nsone-key'] = key;
    let body: string | undefined;
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      body = typeof payload === 'string' ? payload : JSON.stringify(payload);
    }
    const res = await fetch(`${sandbox().baseUrl}${path}`, { method, headers, body });
    const raw = Buffer.from(await res.arrayBuffer());
    const type = res.headers.get('content-type') ?? '';
    return { status: res.status, headers: res.headers, raw, body: type.includes('json') && raw.length > 0 ? JSON.parse(raw.toString('utf8')) : undefined };
  };
}

/** The NS1 sandbox of one test file: started before its first test, reset before each, closed after its last. */
export function useNs1Sandbox() {
  let started: { sandbox: RunningSandbox; control: SandboxControlClient } | undefined;
  beforeAll(async () => {
    const sandbox = await startNs1Sandbox({ port: 0 });
    started = { sandbox, control: new SandboxControlClient(sandbox.origin) };
  });
  afterAll(() => started?.sandbox.close());
  beforeEach(() => started?.control.reset());
  const running = () => {
    if (!started) throw new Error('the NS1 sandbox was used before the test file started it');
    return started;
  };
  return {
    sandbox: () => running().sandbox,
    control: () => running().control,
    /** Calls with the admin key unless another (or null for none) is given. */
    call: ns1Caller(() => running().sandbox, ns1SandboxKeys().admin),
  };
}
