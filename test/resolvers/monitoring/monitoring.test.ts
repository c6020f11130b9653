import { beforeEach, describe, expect, it } from 'vitest';
import { countUpstreamCalls, useHarness } from '../../support/harness.js';

const h = useHarness();
beforeEach(async () => {
  await h.ns1Control.freezeClock(1_800_000_000_000);
});

const FLAPPING = '52cae678830f7809ec5c9f6b';

describe('monitoring', () => {
  it('lists jobs with rules, global and regional status, and their notification list', async () => {
    const { data, errors } = await h.gql<{ monitorJobs: Array<Record<string, unknown>> }>(
      '{ monitorJobs { id name jobType frequency policy regions rules { key comparison value } status { global { status since } regions { region status } } notifyList { name notifiers { type config } } } }',
    );
    expect(errors).toBeUndefined();
    expect(data?.monitorJobs).toHaveLength(2);
    expect(data?.monitorJobs[0]).toMatchObject({
      name: 'web-east ping',
      jobType: 'ping',
      rules: [{ key: 'loss', comparison: '<', value: 75 }],
      status: {
        global: { status: 'UP' },
        regions: [
          { region: 'lga', status: 'UP' },
          { region: 'sjc', status: 'UP' },
          { region: 'ams', status: 'UP' },
        ],
      },
      notifyList: {
        name: 'Operations on call',
        notifiers: [
          { type: 'email', config: { email: 'oncall@example.com' } },
          { type: 'user', config: { user: 'alice' } },
        ],
      },
    });
  });

  it('loads a notification list shared by many jobs once', async () => {
    const { ns1 } = await countUpstreamCalls(h, () => h.gql('{ monitorJobs { notifyList { name } } }'));
    expect(ns1.counts).toEqual({ 'GET /monitoring/jobs': 1, 'GET /lists/52b49af12f21574b0e0bffe7': 1 });
  });

  it('shows the flapping job change status as time passes, with the change in its history', async () => {
    const status = async () =>
      (
        await h.gql<{ monitorJob: { status: { regions: Array<{ region: string; status: string }> } } }>(
          'query ($id: ID!) { monitorJob(id: $id) { status { regions { region status } } } }',
          { id: FLAPPING },
        )
      ).data!.monitorJob.status.regions.find((r) => r.region === 'lga')!.status;
    const seen = new Set<string>();
    for (let i = 0; i < 10; i++) {
      seen.add(await status());
      await h.ns1Control.advanceClock(60);
    }
    expect(seen).toEqual(new Set(['UP', 'DOWN']));
    const { data } = await h.gql<{ monitorJob: { history: Array<{ region: string; status: string; since: string }> } }>(
      'query ($id: ID!) { monitorJob(id: $id) { history(period: HOUR, region: "lga", limit: 50) { region status since } } }',
      { id: FLAPPING },
    );
    expect(data?.monitorJob.history.length).toBeGreaterThan(5);
    expect(new Set(data?.monitorJob.history.map((c) => c.status))).toEqual(new Set(['UP', 'DOWN']));
  });

  it('serves metrics, job types, regions, notifier types and lists', async () => {
    const { data, errors } = await h.gql<Record<string, unknown[]>>(
      '{ monitorJob(id: "52a27d4397d5f07003fdbe7b") { metrics(period: DAY, metric: "rtt") { region metric average graph { at value } } } monitorJobTypes { key results } monitorRegions { code name subnets } notifierTypes { key config } notificationLists { id name } }',
    );
    expect(errors).toBeUndefined();
    const job = data?.monitorJob as unknown as { metrics: Array<{ metric: string; graph: unknown[] }> };
    expect(job.metrics.map((m) => m.metric)).toEqual(['rtt', 'rtt', 'rtt', 'rtt']);
    expect(job.metrics[0]?.graph).toHaveLength(12);
    expect((data?.monitorJobTypes as Array<{ key: string }>).map((t) => t.key)).toEqual(expect.arrayContaining(['ping', 'tcp', 'http']));
    expect((data?.monitorRegions as Array<{ code: string }>).map((r) => r.code)).toContain('lga');
    expect((data?.notifierTypes as Array<{ key: string }>).map((t) => t.key)).toContain('email');
    expect(data?.notificationLists).toHaveLength(1);
  });

  it('creates, updates and deletes a job and a notification list', async () => {
    const list = await h.gql<{ createNotificationList: { id: string } }>(
      'mutation { createNotificationList(input: { name: "web team", notifiers: [{ type: EMAIL, config: { email: "web@example.com" } }] }) { id name notifiers { type } } }',
    );
    expect(list.errors).toBeUndefined();
    const listId = list.data!.createNotificationList.id;
    const job = await h.gql<{ createMonitorJob: { id: string; notifyList: { name: string } } }>(
      'mutation ($l: ID!) { createMonitorJob(input: { name: "api tcp", jobType: TCP, regionScope: FIXED, regions: ["lga", "ams"], frequency: 30, policy: ALL, config: { host: "192.0.2.9", port: 443 }, rules: [{ key: "connect", comparison: LESS_THAN, value: 200 }], notifyListId: $l }) { id regionScope status { global { status } } notifyList { name } } }',
      { l: listId },
    );
    expect(job.errors).toBeUndefined();
    expect(job.data?.createMonitorJob).toMatchObject({ regionScope: 'fixed', status: { global: { status: 'PENDING' } }, notifyList: { name: 'web team' } });
    const id = job.data!.createMonitorJob.id;
    expect(
      (await h.gql('mutation ($id: ID!) { updateMonitorJob(id: $id, input: { frequency: 60, active: false }) { frequency active } }', { id })).data,
    ).toEqual({ updateMonitorJob: { frequency: 60, active: false } });
    expect((await h.gql('mutation ($id: ID!) { updateNotificationList(id: $id, input: { name: "web" }) { name } }', { id: listId })).data).toEqual({
      updateNotificationList: { name: 'web' },
    });
    expect((await h.gql('mutation ($id: ID!) { deleteMonitorJob(id: $id) }', { id })).data).toEqual({ deleteMonitorJob: true });
    expect((await h.gql('mutation ($id: ID!) { deleteNotificationList(id: $id) }', { id: listId })).data).toEqual({ deleteNotificationList: true });
    expect((await h.gql('query ($id: ID!) { monitorJob(id: $id) { id } }', { id })).data).toEqual({ monitorJob: null });
  });

  it('answers the history of every job of the account, and refuses an unknown region or exact without start before calling NS1', async () => {
    const { data, errors } = await h.gql<{ monitorHistory: Array<{ jobId: string }>; monitorJobs: Array<{ id: string }> }>(
      '{ monitorHistory(period: DAY, limit: 500) { jobId region status } monitorJobs { id } }',
    );
    expect(errors).toBeUndefined();
    expect(data?.monitorHistory.length).toBeGreaterThan(0);
    const jobs = new Set(data?.monitorJobs.map((j) => j.id));
    for (const change of data?.monitorHistory ?? []) expect(jobs.has(change.jobId)).toBe(true);
    const { result, ns1 } = await countUpstreamCalls(h, () =>
      Promise.all([h.gql('{ monitorHistory(region: "nowhere") { jobId } }'), h.gql('{ monitorHistory(exact: true) { jobId } }')]),
    );
    expect(result.map((r) => r.errors?.[0]?.extensions?.code)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT']);
    expect(ns1.total).toBe(0);
  });

  it('refuses bad job input before calling NS1', async () => {
    for (const [input, message] of [
      ['{ name: "x", jobType: PING, regions: ["lga"], frequency: 1, config: { host: "h" } }', 'frequency'],
      ['{ name: "x", jobType: PING, regions: ["not a region"], config: { host: "h" } }', 'monitoring region'],
      ['{ name: "x", jobType: PING, regions: ["lga"], config: { host: "h" }, rules: [{ key: "rtt", comparison: CONTAINS, value: 5 }] }', 'contains'],
      ['{ name: "x", jobType: PING, config: { host: "h" } }', 'region'],
      ['{ name: "x", jobType: PING, regions: ["lga"], config: { host: "h" }, notifyRepeat: 30 }', 'at least 60 seconds'],
    ] as const) {
      const { result, ns1 } = await countUpstreamCalls(h, () => h.gql(`mutation { createMonitorJob(input: ${input}) { id } }`));
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toContain(message);
      expect(ns1.total).toBe(0);
    }
  });
});
