import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SandboxControlClient, type RunningSandbox } from '../../../src/sandbox/kit/index.js';
import { ns1SandboxKeys, startNs1Sandbox } from '../../../src/sandbox/ns1/index.js';

let ns1: RunningSandbox;
let control: SandboxControlClient;
beforeAll(async () => {
  ns1 = await startNs1Sandbox({ port: 0 });
  control = new SandboxControlClient(ns1.origin);
});
afterAll(() => ns1.close());

const headers = { 'x-nsone-key': ns1SandboxKeys().admin, 'content-type': 'application/json' };
const zoneStatus = async (name: string) => {
  const res = await fetch(`${ns1.baseUrl}/zones/${name}`, { headers });
  await res.arrayBuffer();
  return res.status;
};

describe('faults that apply the change, then fail', () => {
  it('dropAfterApply: the zone is created and the connection closes with no answer', async () => {
    await control.reset();
    await control.addFault({ path: '/zones', method: 'PUT', dropAfterApply: true, times: 1 });
    await expect(fetch(`${ns1.baseUrl}/zones/dropped.example`, { method: 'PUT', headers, body: '{"zone":"dropped.example"}' })).rejects.toThrow();
    expect(await zoneStatus('dropped.example')).toBe(200);
    expect((await control.log()).counts['PUT /zones/dropped.example']).toBe(1);
  });

  it('latencyAfterApplyMs: the zone exists while its answer is still on the way', async () => {
    await control.reset();
    await control.addFault({ path: '/zones', method: 'PUT', latencyAfterApplyMs: 1500, times: 1 });
    const answer = fetch(`${ns1.baseUrl}/zones/late.example`, { method: 'PUT', headers, body: '{"zone":"late.example"}' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await zoneStatus('late.example')).toBe(200);
    expect((await answer).status).toBe(200);
  });
});
