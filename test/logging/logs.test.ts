import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { ns1SandboxKeys } from '../../src/sandbox/ns1/index.js';
import { countUpstreamCalls, execute, useHarness } from '../support/harness.js';

interface PinoLine {
  level: number;
  time: number;
  msg: string;
  requestId?: string;
  operation?: string;
  type?: string;
  durationMs?: number;
  upstream?: Record<string, number>;
  errors?: string[];
}

const h = useHarness({ env: { LOG_LEVEL: 'debug' } });
beforeEach(() => {
  h.logLines.length = 0;
});

const parsed = (): PinoLine[] => h.logLines.map((line) => JSON.parse(line) as PinoLine);
const linesOf = (requestId: string) => parsed().filter((l) => l.requestId === requestId);
const accessLine = (requestId: string) => linesOf(requestId).find((l) => l.msg === 'operation');

describe('logs', () => {
  it('are pino JSON lines, and every line of a request carries its id, which the response echoes', async () => {
    const { result, ns1, buddyns } = await countUpstreamCalls(h, () =>
      h.gql('query Zones { zones { name health { serialsInSync } } }', undefined, { 'x-request-id': 'req-7f3a' }),
    );
    expect(result.errors).toBeUndefined();
    expect(result.headers.get('x-request-id')).toBe('req-7f3a');
    for (const line of parsed()) {
      expect(line).toMatchObject({ level: expect.any(Number), time: expect.any(Number), msg: expect.any(String) });
      expect(line).not.toHaveProperty('message');
    }
    expect(linesOf('req-7f3a').length).toBeGreaterThan(0);
    expect(accessLine('req-7f3a')).toMatchObject({
      level: 30,
      operation: 'Zones',
      type: 'query',
      durationMs: expect.any(Number),
      upstream: { ns1: ns1.total, buddyns: buddyns.total },
    });
    expect(accessLine('req-7f3a')).not.toHaveProperty('errors');
  });

  it('the access lines of concurrent operations count only their own upstream calls', async () => {
    // Held upstream, so that the operations are in flight together; they ask for different resources, so none shares a flight.
    await Promise.all([h.ns1Control.addFault({ path: '/', latencyMs: 50 }), h.buddyControl.addFault({ path: '/', latencyMs: 50 })]);
    const { ns1, buddyns } = await countUpstreamCalls(h, () =>
      Promise.all([
        h.gql('query Networks { networks { id } }', undefined, { 'x-request-id': 'networks' }),
        h.gql('query Zones { zones { name } }', undefined, { 'x-request-id': 'zones' }),
        h.gql('query Records { zone(name: "example.com") { records { domain type } } }', undefined, { 'x-request-id': 'records' }),
      ]),
    );
    const counts = ['networks', 'zones', 'records'].map((id) => accessLine(id)?.upstream);
    const [networks, zones] = [ns1.counts['GET /networks'] ?? 0, ns1.counts['GET /zones'] ?? 0];
    expect(counts).toEqual([{ ns1: networks }, { ns1: zones, buddyns: buddyns.total }, { ns1: ns1.total - zones - networks }]);
    expect([networks, zones]).toEqual([1, 1]);
  });

  it('a request without an id, or with one that is not a plain token, gets a fresh UUID', async () => {
    const plain = await h.gql('{ zones { name } }');
    const forged = await h.gql('{ zones { name } }', undefined, { 'x-request-id': 'x\n{"level":50}' });
    for (const response of [plain, forged]) {
      const id = response.headers.get('x-request-id');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(accessLine(id!)).toMatchObject({ operation: 'anonymous', type: 'query' });
    }
  });

  it('a caller’s bad input and a provider’s 401 are info lines with their codes, on one line each, never the credential', async () => {
    const badInput = await h.gql('query Bad { zone(name: "not a domain!") { name } }', undefined, { 'x-request-id': 'bad-input' });
    expect(badInput.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const callerKey = 'caller-key-that-ns1-refuses';
    const refused = await h.gql('query Ns1 { zone(name: "example.com") { ns1 { ttl } } }', undefined, {
      'x-request-id': 'bad-key',
      'x-ns1-key': callerKey,
      authorization: 'Bearer secret-bearer-token',
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    expect(accessLine('bad-input')).toMatchObject({ level: 30, operation: 'Bad', errors: ['BAD_USER_INPUT'] });
    expect(accessLine('bad-key')).toMatchObject({ level: 30, operation: 'Ns1', errors: ['UNAUTHENTICATED'] });
    for (const line of h.logLines) {
      expect(line).not.toContain(callerKey);
      expect(line).not.toContain('secret-bearer-token');
      expect(line).not.toContain(ns1SandboxKeys().admin);
      expect((JSON.parse(line) as { level: number }).level).toBeLessThan(50);
    }
    // No multi-line query excerpt in any message.
    expect(parsed().every((l) => !l.msg.includes('\n'))).toBe(true);
  });

  it('a provider failure is a warn line with the provider’s code', async () => {
    await h.buddyControl.addFault({ status: 503 });
    const result = await h.gql('query Buddy { zones { name buddyns { status { transferOk } } } }', undefined, { 'x-request-id': 'provider-down' });
    expect(result.errors?.length).toBeGreaterThan(0);
    const line = accessLine('provider-down');
    expect(line).toMatchObject({ level: 40, operation: 'Buddy' });
    expect(line?.errors).toContain('UPSTREAM_ERROR');
  });
});

describe('operations refused or answered before they run', () => {
  /** A gateway with these settings whose log lines are kept, and the access lines of a request id. */
  const gatewayKeepingLines = (env: Record<string, string>) => {
    const lines: string[] = [];
    const gateway = h.gatewayWith(env, undefined, { logger: createLogger('debug', { write: (line) => lines.push(line) }) });
    const accessLines = (requestId: string) =>
      lines.map((line) => JSON.parse(line) as PinoLine).filter((l) => l.requestId === requestId && l.msg === 'operation');
    return { gateway, lines, accessLines };
  };

  it('a caller credential refused under CREDENTIALS=server writes one FORBIDDEN line with the request id, never the credential', async () => {
    const { gateway, lines, accessLines } = gatewayKeepingLines({ CREDENTIALS: 'server', ALLOW_REQUEST_CREDENTIALS: 'false' });
    const callerKey = ns1SandboxKeys().readOnly;
    const callerToken = 'caller-buddyns-token-0f3a9c';
    const ns1 = await execute(gateway, 'query Zones { zones { name } }', undefined, { 'x-request-id': 'own-key', 'X-NS1-Key': callerKey });
    const buddyns = await execute(gateway, '{ __typename }', undefined, { 'x-request-id': 'own-token', 'X-BuddyNS-Token': callerToken });
    for (const result of [ns1, buddyns]) {
      expect(result.status).toBe(200);
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(accessLines('own-key')).toEqual([expect.objectContaining({ level: 30, operation: 'Zones', type: 'query', errors: ['FORBIDDEN'] })]);
    expect(accessLines('own-token')).toEqual([expect.objectContaining({ level: 30, operation: 'anonymous', type: 'query', errors: ['FORBIDDEN'] })]);
    for (const line of lines) {
      expect(line).not.toContain(callerKey);
      expect(line).not.toContain(callerToken);
    }
  });

  it('a refused trusted document, a syntax error, too deep variables and a limit each write one line with their code', async () => {
    const zones = 'query ZoneNames { zones { name } }';
    const manifest = join(mkdtempSync(join(tmpdir(), 'dnsgraph-')), 'persisted-documents.json');
    writeFileSync(manifest, JSON.stringify({ [createHash('sha256').update(zones).digest('hex')]: zones }));
    const trusted = gatewayKeepingLines({ TRUSTED_DOCUMENTS: manifest });
    const raw = await execute(trusted.gateway, zones, undefined, { 'x-request-id': 'raw-text' });
    expect(raw.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_ONLY');
    expect(trusted.accessLines('raw-text')).toEqual([expect.objectContaining({ errors: ['PERSISTED_QUERY_ONLY'] })]);

    const open = gatewayKeepingLines({ MAX_QUERY_DEPTH: '2' });
    await execute(open.gateway, 'query Broken { zones { name }', undefined, { 'x-request-id': 'syntax' });
    const deep = Array.from({ length: 20 }).reduce<Record<string, unknown>>((inner) => ({ inner }), {});
    await execute(open.gateway, 'query Deep { zones { name } }', deep, { 'x-request-id': 'deep-variables' });
    await execute(open.gateway, 'query TooDeep { zones { records { domain } } }', undefined, { 'x-request-id': 'too-deep' });
    for (const id of ['syntax', 'deep-variables', 'too-deep']) {
      const found = open.accessLines(id);
      expect(found, id).toHaveLength(1);
      expect(found[0]?.errors?.length, id).toBeGreaterThan(0);
    }
    expect(open.accessLines('syntax')[0]?.errors).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(open.accessLines('deep-variables')[0]?.errors).toEqual(['BAD_USER_INPUT']);
    expect(open.accessLines('too-deep')[0]).toMatchObject({ operation: 'TooDeep', errors: ['GRAPHQL_VALIDATION_FAILED'] });
  });

  it('a query answered from the response cache writes its line, with the name it was sent with and no upstream call', async () => {
    const { gateway, accessLines } = gatewayKeepingLines({ RESPONSE_CACHE_TTL_SECONDS: '60' });
    const ask = (requestId: string) =>
      gateway.yoga.fetch('http://dnsgraph.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': requestId },
        body: JSON.stringify({ query: 'query Zones { zones { name } }', operationName: 'Zones' }),
      });
    await ask('miss');
    await ask('hit');
    expect(accessLines('miss')).toEqual([expect.objectContaining({ operation: 'Zones', type: 'query' })]);
    expect(accessLines('hit')).toEqual([expect.objectContaining({ operation: 'Zones', upstream: {} })]);
    expect(accessLines('hit')[0]).not.toHaveProperty('errors');
  });
});
