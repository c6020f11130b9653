import { afterAll, beforeAll, beforeEach } from 'vitest';
import { json, Router, SandboxClock, SandboxControlClient, startSandbox, type RunningSandbox } from '../../src/sandbox/kit/index.js';

export interface ThingsUpstream {
  readonly baseUrl: string;
  readonly control: SandboxControlClient;
}

/**
 * A bare upstream on the sandbox kit that answers `GET /api/things/:name`, with the kit's faults and request
 * log, for tests of the HTTP client itself: started before the file's first test, reset before each, closed after.
 */
export function useThingsUpstream(): ThingsUpstream {
  let upstream: RunningSandbox | undefined;
  let control: SandboxControlClient | undefined;
  beforeAll(async () => {
    upstream = await startSandbox({
      name: 'things',
      basePath: '/api',
      router: new Router().get('/things/:name', (req) => json({ name: req.params.name })),
      clock: new SandboxClock(),
      errorBody: (_status, message) => ({ message }),
      reset: () => undefined,
      describe: () => ({}),
    });
    control = new SandboxControlClient(upstream.origin);
  });
  afterAll(() => upstream?.close());
  beforeEach(() => control?.reset());
  return {
    get baseUrl() {
      if (!upstream) throw new Error('the upstream starts before the first test');
      return upstream.baseUrl;
    },
    get control() {
      if (!control) throw new Error('the upstream starts before the first test');
      return control;
    },
  };
}
