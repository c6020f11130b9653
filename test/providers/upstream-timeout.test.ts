import { describe, expect, it } from 'vitest';
import { HttpClient } from '../../src/providers/http.js';
import { useThingsUpstream } from '../support/things-upstream.js';

describe('UPSTREAM_TIMEOUT_MS', () => {
  const upstream = useThingsUpstream();

  it('a 300 ms timeout refuses an answer that takes 600 ms', async () => {
    const http = new HttpClient({ provider: 'ns1', baseUrl: upstream.baseUrl, errorMessage: () => undefined, timeoutMs: 300, maxRetries: 0 });
    await upstream.control.addFault({ path: '/things', latencyMs: 600 });
    for (let i = 0; i < 3; i++) {
      await expect(http.send({ method: 'GET', path: `/things/t${i}`, rateKey: 'k' })).rejects.toMatchObject({ code: 'UPSTREAM_TIMEOUT', status: 0 });
    }
    await http.close();
  });
});
