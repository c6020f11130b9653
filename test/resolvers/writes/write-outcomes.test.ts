import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buddyNsSandboxCredentials } from '../../../src/sandbox/buddyns/index.js';
import type { FaultSpec } from '../../../src/sandbox/kit/faults.js';
import { NS1_TRANSFER_ADDRESS, ns1SandboxKeys } from '../../../src/sandbox/ns1/index.js';
import { startHarness, type GraphQLResponse, type Harness } from '../../support/harness.js';

/*
 * Every compound write, with each of its provider calls failing in each way a call can fail: afterwards
 * the two sandboxes hold either everything (and success was reported), nothing (and a failure was
 * reported), or exactly what PARTIALLY_APPLIED's leftOver lists — and its remedy then puts it right.
 */

// undici's timers tick at about one second: an answer 5 s late is well past a 2 s timeout.
const TIMEOUT_MS = 2000;
const LATE_MS = 5000;
const LANES = 4;

type Provider = 'ns1' | 'buddyns';
const FAULTS: Record<string, Partial<FaultSpec>> = {
  '500': { status: 500, message: 'Injected fault' },
  '400': { status: 400, message: 'Injected refusal' },
  'drop before apply': { drop: true },
  'drop after apply': { dropAfterApply: true },
  'late answer, applied': { latencyAfterApplyMs: LATE_MS },
};

interface StepUnderFault {
  name: string;
  provider: Provider;
  method: string;
  path: string;
  /** Faults added first, to steer the write into this step (e.g. a refusal that makes it undo). */
  prelude?: Array<{ provider: Provider; fault: Partial<FaultSpec> }>;
}

/** What the test compares: per provider, the state of the object the write is about. */
type State = Record<Provider, string>;

interface CompoundCase {
  title: string;
  mutation: string;
  steps: StepUnderFault[];
  read(h: Harness): Promise<State>;
  before: State;
  intended: State;
  /** The state PARTIALLY_APPLIED's remedy leads to: back to `before`, or on to `intended`. */
  remedyLeadsTo: 'before' | 'intended';
  /** A key left over without its secret counts the same as the key the caller asked for. */
  leftOverLooksIntended?: boolean;
  /** Describes a leftOver entry the way `read` describes a provider's state. */
  leftOverState(entry: LeftOverEntry): string;
}

interface LeftOverEntry {
  provider: 'NS1' | 'BUDDYNS';
  kind: string;
  name: string;
  exists: boolean;
  master?: string;
}

async function ns1Zone(h: Harness, name: string): Promise<string> {
  const res = await fetch(`${h.ns1.baseUrl}/zones/${name}`, { headers: { 'x-nsone-key': ns1SandboxKeys().admin } });
  await res.arrayBuffer();
  return res.status === 200 ? 'present' : 'absent';
}

async function buddyZone(h: Harness, name: string): Promise<string> {
  const res = await fetch(`${h.buddyns.baseUrl}/zone/`, { headers: { authorization: `Token ${buddyNsSandboxCredentials().token}` } });
  const zones = (await res.json()) as Array<{ name: string; master: string }>;
  const zone = zones.find((z) => z.name === name);
  return zone ? `master ${zone.master}` : 'absent';
}

async function ns1KeysNamed(h: Harness, name: string): Promise<string> {
  const res = await fetch(`${h.ns1.baseUrl}/account/apikeys`, { headers: { 'x-nsone-key': ns1SandboxKeys().admin } });
  const keys = (await res.json()) as Array<{ name: string }>;
  return `${keys.filter((k) => k.name === name).length} keys`;
}

const NEW_ZONE = 'matrix.example';
const MATRIX: CompoundCase[] = [
  {
    title: 'createZone on NS1 and BuddyNS',
    mutation: `mutation { createZone(input: { name: "${NEW_ZONE}", providers: [NS1, BUDDYNS] }) { name providers } }`,
    steps: [
      { name: 'NS1 creates the zone', provider: 'ns1', method: 'PUT', path: `/zones/${NEW_ZONE}` },
      { name: 'BuddyNS adds the secondary', provider: 'buddyns', method: 'POST', path: '/zone' },
      {
        name: 'NS1 deletes the zone again after BuddyNS refused',
        provider: 'ns1',
        method: 'DELETE',
        path: `/zones/${NEW_ZONE}`,
        prelude: [{ provider: 'buddyns', fault: { path: '/zone', method: 'POST', status: 400, message: 'master: Enter a valid IPv4 or IPv6 address.' } }],
      },
    ],
    read: async (h) => ({ ns1: await ns1Zone(h, NEW_ZONE), buddyns: await buddyZone(h, NEW_ZONE) }),
    before: { ns1: 'absent', buddyns: 'absent' },
    intended: { ns1: 'present', buddyns: `master ${NS1_TRANSFER_ADDRESS}` },
    remedyLeadsTo: 'before',
    leftOverState: (e) => (e.provider === 'NS1' ? (e.exists ? 'present' : 'absent') : e.exists ? `master ${e.master ?? NS1_TRANSFER_ADDRESS}` : 'absent'),
  },
  {
    title: 'deleteZone on NS1 and BuddyNS',
    mutation: 'mutation { deleteZone(name: "example.com") }',
    steps: [
      { name: 'BuddyNS deletes the secondary', provider: 'buddyns', method: 'DELETE', path: '/zone/example.com' },
      { name: 'NS1 deletes the primary', provider: 'ns1', method: 'DELETE', path: '/zones/example.com' },
    ],
    read: async (h) => ({ ns1: await ns1Zone(h, 'example.com'), buddyns: await buddyZone(h, 'example.com') }),
    before: { ns1: 'present', buddyns: `master ${NS1_TRANSFER_ADDRESS}` },
    intended: { ns1: 'absent', buddyns: 'absent' },
    remedyLeadsTo: 'intended',
    leftOverState: (e) => (e.provider === 'NS1' ? (e.exists ? 'present' : 'absent') : e.exists ? `master ${NS1_TRANSFER_ADDRESS}` : 'absent'),
  },
  {
    title: 'setBuddyNsMaster (delete and re-add)',
    mutation: 'mutation { setBuddyNsMaster(name: "example.com", master: "203.0.113.99") { master } }',
    steps: [
      { name: 'BuddyNS deletes the zone', provider: 'buddyns', method: 'DELETE', path: '/zone/example.com' },
      { name: 'BuddyNS adds it with the new master', provider: 'buddyns', method: 'POST', path: '/zone' },
      {
        name: 'BuddyNS restores the previous master after refusing the new one',
        provider: 'buddyns',
        method: 'POST',
        path: '/zone',
        prelude: [
          { provider: 'buddyns', fault: { path: '/zone', method: 'POST', status: 400, message: 'master: Enter a valid IPv4 or IPv6 address.', times: 1 } },
        ],
      },
    ],
    read: async (h) => ({ ns1: await ns1Zone(h, 'example.com'), buddyns: await buddyZone(h, 'example.com') }),
    before: { ns1: 'present', buddyns: `master ${NS1_TRANSFER_ADDRESS}` },
    intended: { ns1: 'present', buddyns: 'master 203.0.113.99' },
    remedyLeadsTo: 'before',
    leftOverState: (e) => (e.provider === 'NS1' ? (e.exists ? 'present' : 'absent') : e.exists ? `master ${e.master}` : 'absent'),
  },
  {
    title: 'createApiKey (its secret read back from the key list when the answer is lost)',
    mutation: 'mutation { createApiKey(input: { name: "matrix key" }) { secret apiKey { id } } }',
    steps: [
      { name: 'NS1 creates the key', provider: 'ns1', method: 'PUT', path: '/account/apikeys' },
      {
        name: 'NS1 lists the keys (before the create, and to find it after a lost answer)',
        provider: 'ns1',
        method: 'GET',
        path: '/account/apikeys',
        prelude: [{ provider: 'ns1', fault: { path: '/account/apikeys', method: 'PUT', dropAfterApply: true, times: 1 } }],
      },
    ],
    read: async (h) => ({ ns1: await ns1KeysNamed(h, 'matrix key'), buddyns: 'untouched' }),
    before: { ns1: '0 keys', buddyns: 'untouched' },
    intended: { ns1: '1 keys', buddyns: 'untouched' },
    remedyLeadsTo: 'before',
    leftOverLooksIntended: true,
    leftOverState: (e) => (e.exists ? '1 keys' : '0 keys'),
  },
];

interface Verdict {
  label: string;
  outcome: 'success' | 'failure' | 'partial' | 'unknown';
  honest: boolean;
  why: string;
}

const same = (a: State, b: State) => a.ns1 === b.ns1 && a.buddyns === b.buddyns;

async function runCase(h: Harness, compound: CompoundCase, step: StepUnderFault, faultName: string, fault: Partial<FaultSpec>): Promise<Verdict> {
  const label = `${step.name} × ${faultName}`;
  await h.reset();
  const control = { ns1: h.ns1Control, buddyns: h.buddyControl };
  for (const p of step.prelude ?? []) await control[p.provider].addFault(p.fault);
  await control[step.provider].addFault({ path: step.path, method: step.method, ...fault });
  const response: GraphQLResponse = await h.gql(compound.mutation);
  await Promise.all([h.ns1Control.clearFaults(), h.buddyControl.clearFaults()]);
  // A late answer must not land after the state is read.
  if (faultName.startsWith('late')) await new Promise((resolve) => setTimeout(resolve, LATE_MS));
  const after = await compound.read(h);
  const error = response.errors?.[0];
  const shown = `${JSON.stringify(after)} after ${error ? `${String(error.extensions?.code)}: ${error.message}` : 'success'}`;
  if (!error) return { label, outcome: 'success', honest: same(after, compound.intended), why: shown };
  const code = error.extensions?.code;
  if (code === 'OUTCOME_UNKNOWN') return { label, outcome: 'unknown', honest: false, why: `every re-read was possible: ${shown}` };
  if (code !== 'PARTIALLY_APPLIED') return { label, outcome: 'failure', honest: same(after, compound.before), why: shown };

  const leftOver = (error.extensions?.leftOver ?? []) as LeftOverEntry[];
  const target = compound[compound.remedyLeadsTo];
  const off = (['ns1', 'buddyns'] as const).filter((p) => after[p] !== target[p]);
  const listed = leftOver.map((e) => e.provider.toLowerCase() as Provider);
  const matches =
    !same(after, compound.before) &&
    (compound.leftOverLooksIntended || !same(after, compound.intended)) &&
    JSON.stringify([...off].sort()) === JSON.stringify([...listed].sort()) &&
    leftOver.every((e) => compound.leftOverState(e) === after[e.provider.toLowerCase() as Provider]);
  const remedy = typeof error.extensions?.remedy === 'string' ? error.extensions.remedy : '';
  for (const mutation of remedy.split('\n').filter(Boolean)) {
    const fixed = await h.gql(mutation);
    if (fixed.errors) return { label, outcome: 'partial', honest: false, why: `remedy ${mutation} failed: ${fixed.errors[0]?.message}` };
  }
  const remedied = await compound.read(h);
  return { label, outcome: 'partial', honest: matches && same(remedied, target), why: `${shown}; after the remedy ${JSON.stringify(remedied)}` };
}

/** Runs every case of one compound write, spread over the lanes (each lane has its own sandboxes). */
async function runMatrix(lanes: Harness[], compound: CompoundCase): Promise<Verdict[]> {
  const cases = compound.steps.flatMap((step) => Object.entries(FAULTS).map(([name, fault]) => ({ step, name, fault })));
  const verdicts: Verdict[] = [];
  let next = 0;
  await Promise.all(
    lanes.map(async (h) => {
      while (next < cases.length) {
        const c = cases[next++];
        if (c) verdicts.push(await runCase(h, compound, c.step, c.name, c.fault));
      }
    }),
  );
  return verdicts;
}

let lanes: Harness[] = [];
beforeAll(async () => {
  lanes = await Promise.all(Array.from({ length: LANES }, () => startHarness({ env: { UPSTREAM_TIMEOUT_MS: String(TIMEOUT_MS) } })));
});
afterAll(() => Promise.all(lanes.map((h) => h.close())));

describe('compound writes under every fault leave no silent half-state', () => {
  for (const compound of MATRIX) {
    const count = compound.steps.length * Object.keys(FAULTS).length;
    it(`${compound.title}: ${count} cases (${compound.steps.length} steps × ${Object.keys(FAULTS).length} faults), 0 silent half-states`, async () => {
      const verdicts = await runMatrix(lanes, compound);
      const tally = verdicts.reduce<Record<string, number>>((t, v) => ({ ...t, [v.outcome]: (t[v.outcome] ?? 0) + 1 }), {});
      console.info(`${compound.title}: ${JSON.stringify(tally)}`);
      expect(verdicts).toHaveLength(count);
      expect(verdicts.filter((v) => !v.honest).map((v) => `${v.label}: ${v.why}`)).toEqual([]);
    }, 120_000);
  }
});
