import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createLogger } from '../../src/logger.js';
import { startGateway, type RunningGateway } from '../../src/server.js';
import { secretsOf } from '../../src/yoga.js';
import { authConfig } from '../auth/support.js';
import { overSocket } from '../exposure/over-a-socket.js';
import { useHarness } from '../support/harness.js';
import { startIdentityProvider, type TestIdentityProvider } from '../support/oidc-provider.js';

const h = useHarness();
let idp: TestIdentityProvider;
let running: RunningGateway;
const lines: string[] = [];

beforeAll(async () => {
  idp = await startIdentityProvider({ clients: [{ id: 'dashboard' }] });
  const config = { ...authConfig(h, idp, { LOG_LEVEL: 'info', MAX_BODY_BYTES: '1024', ALLOWED_HOSTS: '127.0.0.1' }), port: 0, host: '127.0.0.1' };
  const logger = createLogger(config.logLevel, { write: (line) => lines.push(line), secrets: () => secretsOf(config) });
  running = await startGateway(config, { logger });
});
afterAll(async () => {
  await running.stop();
  await idp.close();
});

const json = { 'content-type': 'application/json' };
const ZONES = JSON.stringify({ query: '{ zones { name } }' });

/** The samples of `dnsgraph_http_refused_total` as scraped from /metrics, by reason. */
async function refusedByReason(): Promise<Record<string, number>> {
  const scraped = await overSocket(running.url.replace('/graphql', '/metrics'));
  expect(scraped.status).toBe(200);
  const samples = [...scraped.body.matchAll(/^dnsgraph_http_refused_total\{reason="(\w+)"\} (\d+)$/gm)];
  return Object.fromEntries(samples.map(([, reason, value]) => [reason!, Number(value)]));
}

describe('requests refused before GraphQL runs', () => {
  it('are counted in /metrics by reason, and a 401 writes one info line with its request id and reason, never the token', async () => {
    const before = await refusedByReason();
    expect(before).toEqual({ unauthenticated: 0, auth_unavailable: 0, forbidden_host: 0, csrf: 0, body_too_large: 0 });
    const token = await idp.token('dashboard', ['dns:read']);
    const forged = `${token.slice(0, -4)}AAAA`;

    expect((await overSocket(running.url, { method: 'POST', headers: json, body: ZONES })).status).toBe(401);
    const refused = await overSocket(running.url, {
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${forged}`, 'x-request-id': 'req-forged-1' },
      body: ZONES,
    });
    expect(refused.status).toBe(401);
    expect((await overSocket(running.url, { method: 'POST', headers: { ...json, host: 'rebound.attacker.example' }, body: ZONES })).status).toBe(421);
    expect((await overSocket(`${running.url}?query=%7B__typename%7D`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(403);
    expect(
      (await overSocket(running.url, { method: 'POST', headers: json, body: JSON.stringify({ query: `{ zones { name } } #${'x'.repeat(2048)}` }) })).status,
    ).toBe(413);
    // Answered: not counted.
    expect((await overSocket(running.url, { method: 'POST', headers: { ...json, authorization: `Bearer ${token}` }, body: ZONES })).status).toBe(200);

    expect(await refusedByReason()).toEqual({ unauthenticated: 2, auth_unavailable: 0, forbidden_host: 1, csrf: 1, body_too_large: 1 });

    const refusals = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.msg === 'request refused');
    expect(refusals).toHaveLength(2);
    expect(refusals[1]).toMatchObject({
      level: 30,
      requestId: 'req-forged-1',
      status: 401,
      code: 'UNAUTHENTICATED',
      reason: expect.stringContaining('signature'),
    });
    expect(refusals[0]).toMatchObject({ requestId: expect.any(String), reason: expect.stringContaining('no access token') });
    expect(lines.join('\n')).not.toContain(forged.split('.')[2]!);
    expect(lines.join('\n')).not.toContain(token.split('.')[2]!);
  });

  it('counts WebSocket upgrades and sockets refused for the same reasons', async () => {
    const before = await refusedByReason();
    /** How a socket ends: the upgrade's HTTP status when it is refused, else the close code. */
    const outcome = (headers: Record<string, string>, token?: string) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(running.url.replace(/^http/, 'ws'), 'graphql-transport-ws', { headers });
        socket.on('unexpected-response', (_request, response) => resolve(`http ${response.statusCode}`));
        socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: token ? { Authorization: `Bearer ${token}` } : {} })));
        socket.on('close', (code) => resolve(`close ${code}`));
        socket.on('error', () => undefined);
      });
    const token = await idp.token('dashboard', ['dns:read']);
    expect(await outcome({ host: 'rebound.attacker.example' })).toBe('http 421');
    expect(await outcome({ origin: 'https://attacker.example' })).toBe('http 403');
    expect(await outcome({}, `${token.slice(0, -4)}AAAA`)).toBe('close 4401');
    const after = await refusedByReason();
    expect(Object.fromEntries(Object.entries(after).map(([reason, n]) => [reason, n - (before[reason] ?? 0)]))).toEqual({
      unauthenticated: 1,
      auth_unavailable: 0,
      forbidden_host: 1,
      csrf: 1,
      body_too_large: 0,
    });
  });
});
