import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MockAgent, Pool, type Interceptable } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchangeRaw } from '../../src/providers/raw-exchange.js';

/** Answers by path: a body in several chunks, a BOM, a non-JSON body, rate-limit headers, and a body that stalls. */
function upstream(): Server {
  return createServer((req, res) => {
    if (req.url === '/chunks') {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.write('{"name":"bü');
      setTimeout(() => res.end('cher.de","n":[1,2]}'), 20);
    } else if (req.url === '/bom') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('\ufeff{"ok":true}');
    } else if (req.url === '/html') {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html>bad gateway</html>');
    } else if (req.url === '/limited') {
      res.writeHead(429, { 'Retry-After': '3', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Period': '10', 'content-type': 'application/json' });
      res.end('{"message":"slow down"}');
    } else if (req.url === '/stalls') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"partial":');
    } else {
      res.writeHead(204);
      res.end();
    }
  });
}

describe('exchangeRaw over a real loopback socket', () => {
  let server: Server;
  let pool: Pool;
  const neverAborted = new AbortController().signal;
  const get = (path: string, signals: { timeout?: AbortSignal; deadline?: AbortSignal; caller?: AbortSignal } = {}) =>
    exchangeRaw(pool, { method: 'GET', path, headers: { accept: 'application/json' } }, signals.timeout ?? neverAborted, signals.deadline, signals.caller);

  beforeAll(async () => {
    server = upstream();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    pool = new Pool(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, { connections: 4 });
  });
  afterAll(async () => {
    await pool.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('gathers a JSON body sent in several chunks, a character split across them included', async () => {
    const answer = await get('/chunks');
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toEqual({ name: 'bücher.de', n: [1, 2] });
  });

  it('drops a byte order mark before the JSON text', async () => {
    expect(JSON.parse((await get('/bom')).text)).toEqual({ ok: true });
  });

  it('reads and drops a body that is not JSON, keeping the status', async () => {
    expect(await get('/html')).toMatchObject({ status: 502, text: '' });
  });

  it('reads the rate-limit headers and Retry-After whatever their case', async () => {
    expect(await get('/limited')).toEqual({
      status: 429,
      text: '{"message":"slow down"}',
      retryAfter: '3',
      rateLimitRemaining: '0',
      rateLimitPeriod: '10',
    });
  });

  it('an empty answer has an empty text', async () => {
    expect(await get('/empty')).toMatchObject({ status: 204, text: '' });
  });

  it('ends with the reason of whichever signal aborts first, in the middle of a body', async () => {
    const deadline = new AbortController();
    const pending = get('/stalls', { deadline: deadline.signal });
    setTimeout(() => deadline.abort(new Error('deadline passed')), 50);
    await expect(pending).rejects.toThrow('deadline passed');
    // The connection is given back: the next request on the pool is answered.
    expect((await get('/bom')).status).toBe(200);
  });

  it('many requests sharing one signal each end when it aborts, and a signal already aborted sends nothing', async () => {
    const shared = new AbortController();
    const pending = [1, 2, 3].map(() => get('/stalls', { timeout: shared.signal }));
    setTimeout(() => shared.abort(new Error('timed out')), 50);
    for (const each of pending) await expect(each).rejects.toThrow('timed out');
    await expect(get('/bom', { caller: shared.signal })).rejects.toThrow('timed out');
  });
});

describe('exchangeRaw through undici mocks', () => {
  it('is answered by a MockPool, which calls handlers without turning them into another interface', async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    const pool = agent.get<Interceptable>('http://provider.test');
    pool
      .intercept({ path: '/zones', method: 'GET' })
      .reply(200, '[{"zone":"example.com"}]', { headers: { 'content-type': 'application/json', 'x-ratelimit-remaining': '9' } });
    const answer = await exchangeRaw(pool, { method: 'GET', path: '/zones', headers: { accept: 'application/json' } }, new AbortController().signal);
    expect(answer).toMatchObject({ status: 200, text: '[{"zone":"example.com"}]', rateLimitRemaining: '9' });
    await agent.close();
  });
});
