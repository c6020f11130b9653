import { describe, expect, it } from 'vitest';
import { signalWithDeadline } from '../../src/providers/deadline.js';
import { HttpClient, type UpstreamRequest } from '../../src/providers/http.js';
import { OperationScope } from '../../src/providers/operation-scope.js';
import { useThingsUpstream } from '../support/things-upstream.js';

const upstream = useThingsUpstream();

const client = () => new HttpClient({ provider: 'ns1', baseUrl: upstream.baseUrl, errorMessage: () => undefined, retryBaseDelayMs: 1, maxRetries: 2 });
const get = (http: HttpClient, name: string, more: Partial<UpstreamRequest> = {}) =>
  http.send({ method: 'GET', path: `/things/${name}`, rateKey: 'account', ...more });
const withDeadline = (ms: number) => {
  const scope = new OperationScope();
  scope.startDeadline(ms);
  return scope;
};
const DEADLINE_PASSED = { code: 'UPSTREAM_TIMEOUT', message: 'ns1 did not answer before the request deadline' };

describe('an operation scope', () => {
  it('counts every request the operation sends, retries included, and lists its writes', async () => {
    const http = client();
    const scope = new OperationScope();
    await upstream.control.addFault({ path: '/things', status: 503, times: 1 });
    await get(http, 'a', { scope });
    await http.send({ method: 'POST', path: '/things/b', rateKey: 'account', json: {}, scope }).catch(() => undefined);
    const other = new OperationScope();
    await get(http, 'c', { scope: other });
    expect((await upstream.control.log()).total).toBe(4);
    expect(scope.calls).toEqual({ ns1: 3 });
    expect(scope.writes).toEqual([{ provider: 'ns1', method: 'POST', path: '/things/b', status: 405 }]);
    expect(other.calls).toEqual({ ns1: 1 });
    expect(other.writes).toEqual([]);
    await http.close();
  });

  it("ends the operation's requests at its deadline, without sending them again", async () => {
    const http = client();
    await upstream.control.addFault({ path: '/things', latencyMs: 5_000 });
    const scope = withDeadline(300);
    await expect(get(http, 'slow', { scope })).rejects.toMatchObject(DEADLINE_PASSED);
    expect(scope.calls).toEqual({ ns1: 1 });
    await http.close();
  });

  it('a signal with a deadline ends a request that has no scope, as one poll of a subscription', async () => {
    const http = client();
    await upstream.control.addFault({ path: '/things', latencyMs: 5_000 });
    const poll = new OperationScope();
    await expect(get(http, 'slow', { scope: poll, signal: signalWithDeadline(300, new AbortController().signal) })).rejects.toMatchObject(DEADLINE_PASSED);
    expect(poll.calls).toEqual({ ns1: 1 });
    await http.close();
  });

  it('a caller who joins a flight gives up at its own deadline; the flight goes on for the caller it was sent for', async () => {
    const http = client();
    await upstream.control.addFault({ path: '/things', latencyMs: 1_000 });
    const patient = new OperationScope();
    const hurried = withDeadline(200);
    const first = get(http, 'shared', { scope: patient });
    const joined = get(http, 'shared', { scope: hurried });
    await expect(joined).rejects.toMatchObject(DEADLINE_PASSED);
    await expect(first).resolves.toMatchObject({ status: 200, body: { name: 'shared' } });
    expect((await upstream.control.log()).total).toBe(1);
    expect(patient.calls).toEqual({ ns1: 1 });
    expect(hurried.calls).toEqual({});
    await http.close();
  });

  it('a flight observes the deadline of the caller it was sent for', async () => {
    const http = client();
    await upstream.control.addFault({ path: '/things', latencyMs: 1_000 });
    const sender = withDeadline(200);
    const joiner = new OperationScope();
    const first = get(http, 'shared', { scope: sender });
    const joined = get(http, 'shared', { scope: joiner });
    await expect(first).rejects.toMatchObject(DEADLINE_PASSED);
    await expect(joined).rejects.toMatchObject(DEADLINE_PASSED);
    expect([sender.calls, joiner.calls]).toEqual([{ ns1: 1 }, {}]);
    await http.close();
  });
});
