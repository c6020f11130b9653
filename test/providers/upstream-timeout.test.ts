import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HttpClient } from '../../src/providers/http.js';
import { json, Router, SandboxClock, SandboxControlClient, startSandbox, type RunningSandbox } from '../../src/sandbox/kit/index.js';

function slowUpstream(): Parameters<typeof startSandbox>[0] {
  return {
    name: 'slow',
    basePath: '/api',
    router: new Router().get('/things/:name', (req) => json({ name: req.params.name })),
    clock: new SandboxClock(),
    errorBody: (_status, message) => ({ message }),
    reset: () => undefined,
    describe: () => ({}),
  };
}

describe('UPSTREAM_TIMEOUT_MS', () => {
  let upstream: RunningSandbox;
  let control: SandboxControlClient;
  beforeAll(async () => {
    upstream = await startSandbox(slowUpstream());
    control = new SandboxControlClient(upstream.origin);
  });
  afterAll(() => upstream.close());
  beforeEach(() => control.reset());

  it('a 300 ms timeout refuses an answer that takes 600 ms', async () => {
    const http = new HttpClient({ provider: 'ns1', baseUrl: upstream.baseUrl, errorMessage: () => undefined, timeoutMs: 300, maxRetries: 0 });
    await control.addFault({ path: '/things', latencyMs: 600 });
    for (let i = 0; i < 3; i++) {
      await expect(http.send({ method: 'GET', path: `/things/t${i}`, rateKey: 'k' })).rejects.toMatchObject({ code: 'UPSTREAM_TIMEOUT', status: 0 });
    }
    await http.close();
  });
});
