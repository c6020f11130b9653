import { describe, expect, it } from 'vitest';
import { ns1SandboxKeys } from '../../src/sandbox/ns1/index.js';
import { manualClockSetup } from './support/manual-clock-setup.js';
import { subscribeSse, type SseSubscription, type StreamedResult } from './support/sse.js';

/** The demo job that flaps on purpose: each region down three minutes in ten. */
const FLAPPING_JOB = '52cae678830f7809ec5c9f6b';
const STEP_MS = 30_000;
const T0 = Date.UTC(2026, 0, 1);
const SUBSCRIPTION = `subscription ($id: ID) {
  monitorJobStatus(id: $id, intervalSeconds: 30) { jobId jobName region previousStatus status changedAt }
}`;

interface StatusEvent {
  jobId: string;
  region: string;
  previousStatus: string | null;
  status: string;
}

const setup = manualClockSetup({
  start: T0,
  prepare: async (harness) => {
    await harness.ns1Control.freezeClock(T0);
  },
});

/** The flapping job's status per region at a sandbox time, read straight from the sandbox. */
async function statusAt(at: number): Promise<Record<string, string>> {
  await setup.harness.ns1Control.freezeClock(at);
  const response = await fetch(`${setup.harness.ns1.baseUrl}/monitoring/jobs/${FLAPPING_JOB}`, { headers: { 'X-NSONE-Key': ns1SandboxKeys().admin } });
  const job = (await response.json()) as { status: Record<string, { status: string }> };
  return Object.fromEntries(Object.entries(job.status).map(([region, s]) => [region, s.status]));
}

/** The first step after T0 at which exactly one region's status differs (and the job's global status does not). */
async function findSingleRegionChange(): Promise<{ at: number; region: string; before: string; after: string }> {
  const initial = await statusAt(T0);
  for (let step = 1; step <= 40; step++) {
    const later = await statusAt(T0 + step * STEP_MS);
    const changed = Object.keys(initial).filter((region) => initial[region] !== later[region]);
    const region = changed[0];
    if (changed.length === 1 && region && region !== 'global') {
      await setup.harness.ns1Control.freezeClock(T0);
      return { at: T0 + step * STEP_MS, region, before: initial[region]!, after: later[region]! };
    }
  }
  throw new Error('the flapping demo job changed no single region within 20 minutes');
}

const eventOf = (result: StreamedResult | undefined) => result?.data?.monitorJobStatus as StatusEvent | undefined;

async function nextEvents(subscriber: SseSubscription, count: number): Promise<StatusEvent[]> {
  const events: StatusEvent[] = [];
  for (let i = 0; i < count; i++) events.push(eventOf(await subscriber.next())!);
  return events;
}

describe('monitorJobStatus subscription', () => {
  it('reports a change of one region’s status as exactly one event to each subscriber, from one upstream request', async () => {
    const change = await findSingleRegionChange();
    const { lastSeq } = await setup.harness.ns1Control.log();
    const subscribers = await Promise.all(Array.from({ length: 25 }, () => subscribeSse(setup.gateway, SUBSCRIPTION, { id: FLAPPING_JOB })));

    // At once: the current status of the job and each of its regions.
    const current = await Promise.all(subscribers.map((s) => nextEvents(s, 3)));
    for (const events of current) {
      expect(events.map((e) => e.region).sort()).toEqual(['global', 'lga', 'sjc']);
      expect(events.every((e) => e.previousStatus === null && e.jobId === FLAPPING_JOB)).toBe(true);
    }

    await setup.harness.ns1Control.freezeClock(change.at);
    await setup.scheduler.advance(STEP_MS);
    const changed = await Promise.all(subscribers.map((s) => s.next()));
    for (const result of changed) {
      expect(eventOf(result)).toMatchObject({
        jobId: FLAPPING_JOB,
        region: change.region,
        previousStatus: change.before.toUpperCase(),
        status: change.after.toUpperCase(),
      });
    }

    // Back again: the very next event each subscriber sees is the reverse change, so nothing came in between.
    await setup.harness.ns1Control.freezeClock(T0);
    await setup.scheduler.advance(STEP_MS);
    const reverted = await Promise.all(subscribers.map((s) => s.next()));
    for (const result of reverted) {
      expect(eventOf(result)).toMatchObject({ region: change.region, previousStatus: change.after.toUpperCase(), status: change.before.toUpperCase() });
    }
    expect((await setup.harness.ns1Control.log(lastSeq)).routes).toEqual({ 'GET /monitoring/jobs/:id': 3 });
    await Promise.all(subscribers.map((s) => s.close()));
  });

  it('follows every job when no id is given, starting with the current status of each job and region', async () => {
    const subscriber = await subscribeSse(setup.gateway, SUBSCRIPTION);
    const first = eventOf(await subscriber.next());
    expect(first?.previousStatus).toBeNull();
    const jobs = (await setup.harness.gql<{ monitorJobs: Array<{ id: string; regions: string[] }> }>('{ monitorJobs { id regions } }')).data?.monitorJobs ?? [];
    const expected = jobs.reduce((sum, job) => sum + 1 + job.regions.length, 0);
    const rest = await nextEvents(subscriber, expected - 1);
    const seen = new Set([first, ...rest].map((e) => `${e?.jobId}/${e?.region}`));
    expect(seen.size).toBe(expected);
    expect(new Set([first, ...rest].map((e) => e?.jobId))).toEqual(new Set(jobs.map((j) => j.id)));
    expect((await setup.harness.ns1Control.log()).routes['GET /monitoring/jobs']).toBe(2);
    await subscriber.close();
  });

  it('reports an unknown job as NOT_FOUND, then completes and polls no more', async () => {
    const subscriber = await subscribeSse(setup.gateway, SUBSCRIPTION, { id: 'no-such-job' });
    const result = await subscriber.next();
    expect(result?.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', provider: 'NS1' });
    await subscriber.completed;
    expect(subscriber.completedByServer).toBe(true);
    expect(setup.scheduler.pending).toBe(0);
    await setup.scheduler.advance(10 * STEP_MS);
    expect((await setup.harness.ns1Control.log()).routes['GET /monitoring/jobs/:id']).toBe(1);
  });
});
