import { describe, expect, it } from 'vitest';
import { manualClockSetup } from './support/manual-clock-setup.js';
import { subscribeSse } from './support/sse.js';

const ZONE_FILE = `$ORIGIN followed.example.
$TTL 3600
@	IN	SOA	ns1.followed.example. hostmaster.followed.example. 2024010101 7200 3600 1209600 3600
www	IN	A	192.0.2.1
mail	IN	A	192.0.2.25
`;
const IMPORT = `mutation ($file: File!) { importZoneFile(name: "followed.example", zoneFile: $file, async: true) { id finished } }`;
const FOLLOW = `subscription ($jobId: ID!) { zoneImport(jobId: $jobId, intervalSeconds: 2) { id finished percent status responseCode recordCount zone { name } } }`;

const setup = manualClockSetup({
  prepare: async (harness) => {
    await harness.ns1Control.freezeClock();
  },
});

async function startImport(): Promise<string> {
  const form = new FormData();
  form.set('operations', JSON.stringify({ query: IMPORT, variables: { file: null } }));
  form.set('map', JSON.stringify({ 0: ['variables.file'] }));
  form.set('0', new File([ZONE_FILE], 'followed.example.zone', { type: 'text/plain' }));
  const response = await setup.gateway.yoga.fetch('http://dnsgraph.test/graphql', { method: 'POST', body: form, headers: { 'x-graphql-yoga-csrf': '1' } });
  const body = (await response.json()) as { data?: { importZoneFile: { id: string; finished: boolean } } };
  expect(body.data?.importZoneFile.finished).toBe(false);
  return body.data!.importZoneFile.id;
}

const importJobRequests = async (since = 0) => (await setup.harness.ns1Control.log(since)).routes['GET /import/zonefile/:jobid'] ?? 0;

describe('zoneImport subscription', () => {
  it('follows an asynchronous import to its end, then completes', async () => {
    const jobId = await startImport();
    const subscribers = await Promise.all([subscribeSse(setup.gateway, FOLLOW, { jobId }), subscribeSse(setup.gateway, FOLLOW, { jobId })]);
    for (const s of subscribers) {
      expect((await s.next())?.data?.zoneImport).toMatchObject({ id: jobId, finished: false, responseCode: null, zone: null });
    }
    expect(await importJobRequests()).toBe(1);

    await setup.harness.ns1Control.advanceClock(5);
    await setup.scheduler.advance(2_000);
    for (const s of subscribers) {
      expect((await s.next())?.data?.zoneImport).toMatchObject({
        finished: true,
        percent: 100,
        responseCode: 200,
        recordCount: 3,
        zone: { name: 'followed.example' },
      });
      await s.completed;
      expect(await s.next()).toBeUndefined();
    }
    expect(await importJobRequests()).toBe(2);
    expect(setup.scheduler.pending).toBe(0);
  });

  it('reports an import job NS1 does not know as NOT_FOUND, then completes without polling again', async () => {
    const subscriber = await subscribeSse(setup.gateway, FOLLOW, { jobId: 'no-such-import' });
    expect((await subscriber.next())?.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', provider: 'NS1', status: 404 });
    await subscriber.completed;
    expect(subscriber.completedByServer).toBe(true);
    await setup.scheduler.advance(60_000);
    expect(await importJobRequests()).toBe(1);
  });

  it('refuses a job id that no provider issues with BAD_USER_INPUT, before any upstream request', async () => {
    for (const jobId of ['', '../zones', 'a b']) {
      const refused = await subscribeSse(setup.gateway, FOLLOW, { jobId });
      expect((await refused.next())?.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'jobId' });
      await refused.completed;
    }
    expect((await setup.harness.ns1Control.log()).total).toBe(0);
  });

  it('completes at once for an import that has already finished', async () => {
    const jobId = await startImport();
    await setup.harness.ns1Control.advanceClock(5);
    const subscriber = await subscribeSse(setup.gateway, FOLLOW, { jobId });
    expect((await subscriber.next())?.data?.zoneImport).toMatchObject({ finished: true });
    await subscriber.completed;
    expect(await importJobRequests()).toBe(1);
  });
});
