import { json, SandboxHttpError, type Router } from '../kit/index.js';
import { keyOf, require } from './auth.js';
import { collection, obj, registerCollection, str, type CollectionSpec } from './collection.js';
import { SOURCES } from './data.js';
import { unitHash } from './ids.js';
import type { Ns1Context } from './state.js';

export interface MonitorRule {
  key: string;
  comparison: string;
  value: unknown;
}

export interface MonitorJob {
  id: string;
  name: string;
  job_type: string;
  active: boolean;
  region_scope: string;
  regions: string[];
  frequency: number;
  policy: 'quorum' | 'all' | 'one';
  config: Record<string, unknown>;
  rules: MonitorRule[];
  notify_list: string | null;
  notify_delay: number;
  notify_repeat: number;
  notify_failback: boolean;
  notify_regional: boolean;
  rapid_recheck: boolean;
  notes: string | null;
  /** Sandbox-only: when the job started, and whether its regions go down now and then. */
  created_at: number;
  flapping: boolean;
}

export const MONITOR_REGIONS = [
  { name: 'Dallas', code: 'dal', subnets: ['192.0.2.40/29', '2001:db8:4009:3::/64'] },
  { name: 'Singapore', code: 'sin', subnets: ['198.51.100.224/29', '2001:db8:1000:3::/64'] },
  { name: 'San Jose', code: 'sjc', subnets: ['192.0.2.152/29', '2001:db8:400c:3::/64'] },
  { name: 'New York', code: 'lga', subnets: ['203.0.113.16/29', '2001:db8:4004:3::/64'] },
  { name: 'Amsterdam', code: 'ams', subnets: ['203.0.113.48/29', '2001:db8:e:3::/64'] },
];

const comparators = ['<', '>', '<=', '>=', '==', '!='];
const metric = (desc: string, shortdesc: string) => ({ desc, type: 'number', shortdesc, validator: 'number', metric: true, comparators });
const option = (desc: string, shortdesc: string, type: string, required: boolean, dflt: unknown = null) => ({
  desc,
  type,
  shortdesc,
  validator: type,
  required,
  default: dflt,
});

export const JOB_TYPES: Record<
  string,
  { desc: string; shortdesc: string; results: Record<string, unknown>; config: Record<string, ReturnType<typeof option>> }
> = {
  ping: {
    desc: 'Ping a host using ICMP packets.',
    shortdesc: 'Ping (ICMP)',
    results: {
      loss: metric('Percentage of ICMP echo packets with no response.', 'Percent packet loss'),
      rtt: metric('Average round trip time (ms).', 'Round trip time'),
    },
    config: {
      host: option('IP address or hostname to ping.', 'Host', 'string', true),
      count: option('Number of packets to send.', 'Packets', 'number', false, 4),
    },
  },
  tcp: {
    desc: 'Connect to a TCP port on a host.',
    shortdesc: 'TCP',
    results: {
      connect: metric('Time (in ms) for the connection to open.', 'Time to connect'),
      output: {
        desc: 'Output received from the connection, if any.',
        type: 'string',
        shortdesc: 'Output (if any)',
        validator: 'string',
        metric: false,
        comparators: ['contains'],
      },
    },
    config: {
      host: option('IP address or hostname to connect to.', 'IP address or hostname', 'string', true),
      port: option('TCP port to connect to on host.', 'TCP port', 'number', true),
      ssl: option('Negotiate SSL before sending data.', 'Connect with SSL', 'checkbox', false, false),
      send: option('A string to send to the host upon connecting.', 'String to send', 'string', false),
    },
  },
  http: {
    desc: 'Make an HTTP request and check the response.',
    shortdesc: 'HTTP/HTTPS',
    results: {
      connect: metric('Time (in ms) for the connection to open.', 'Time to connect'),
      status_code: metric('HTTP status of the response.', 'Status code'),
    },
    config: { url: option('URL to request.', 'URL', 'string', true), method: option('HTTP method.', 'Method', 'string', false, 'GET') },
  },
};

const CYCLE = 600;
const DOWN_FOR = 180;

/** A region's status at a time: a flapping job is down three minutes in ten, each region at its own offset. */
function regionStatus(job: MonitorJob, region: string, at: number): { status: string; since: number } {
  if (at < job.created_at + job.frequency) return { status: 'pending', since: job.created_at };
  if (!job.active) return { status: 'down', since: job.created_at };
  if (!job.flapping) return { status: 'up', since: job.created_at + job.frequency };
  const offset = Math.floor(unitHash(`${job.id}/${region}`) * CYCLE);
  const phase = (((at - offset) % CYCLE) + CYCLE) % CYCLE;
  const cycleStart = at - phase;
  return phase < DOWN_FOR ? { status: 'down', since: cycleStart } : { status: 'up', since: cycleStart + DOWN_FOR };
}

function globalStatus(job: MonitorJob, at: number): { status: string; since: number } {
  const regional = job.regions.map((r) => regionStatus(job, r, at));
  if (regional.length === 0 || regional.some((r) => r.status === 'pending')) return { status: 'pending', since: job.created_at };
  const down = regional.filter((r) => r.status === 'down');
  const isDown = job.policy === 'all' ? down.length === regional.length : job.policy === 'one' ? down.length > 0 : down.length * 2 > regional.length;
  const relevant = isDown ? down : regional.filter((r) => r.status === 'up');
  return { status: isDown ? 'down' : 'up', since: Math.max(...relevant.map((r) => r.since)) };
}

export function jobStatus(job: MonitorJob, at: number): Record<string, { status: string; since: number }> {
  return { global: globalStatus(job, at), ...Object.fromEntries(job.regions.map((r) => [r, regionStatus(job, r, at)])) };
}

/** Every status change of a job's regions (and global) in a window, newest first. */
function history(job: MonitorJob, start: number, end: number, region: string | null) {
  const regions = region ? [region] : ['global', ...job.regions];
  const changes: Array<{ job: string; region: string; status: string; since: number }> = [];
  for (const r of regions) {
    const at = (t: number) => (r === 'global' ? globalStatus(job, t) : regionStatus(job, r, t));
    let t = end;
    for (let guard = 0; guard < 5000 && t >= start; guard++) {
      const s = at(t);
      changes.push({ job: job.id, region: r, status: s.status, since: s.since });
      if (s.since <= start || s.since <= job.created_at) break;
      t = s.since - 1;
    }
  }
  return changes.sort((a, b) => b.since - a.since);
}

const PERIODS: Record<string, number> = { '1h': 3600, '24h': 86_400, '30d': 30 * 86_400 };

/** A job's rules, each on one of its type's results with a comparator that result offers (as /monitoring/jobtypes lists them). */
function readRules(jobType: string, value: unknown): MonitorRule[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new SandboxHttpError(400, 'rules must be a list');
  const results = (JOB_TYPES[jobType]?.results ?? {}) as Record<string, { type: string; comparators: string[] }>;
  return value.map((r: { key?: unknown; comparison?: unknown; value?: unknown }, i) => {
    if (typeof r.key !== 'string' || typeof r.comparison !== 'string') throw new SandboxHttpError(400, `rules[${i}] needs key and comparison`);
    const result = Object.hasOwn(results, r.key) ? results[r.key] : undefined;
    if (!result) throw new SandboxHttpError(400, `rules[${i}].key ${r.key} is not a result of a ${jobType} job; it has ${Object.keys(results).join(', ')}`);
    if (!result.comparators.includes(r.comparison))
      throw new SandboxHttpError(
        400,
        `rules[${i}].comparison ${r.comparison} does not apply to ${r.key} (a ${result.type}); use one of ${result.comparators.join(' ')}`,
      );
    return { key: r.key, comparison: r.comparison, value: r.value };
  });
}

function applyJob(ctx: Ns1Context, job: MonitorJob, b: Record<string, unknown>): void {
  if (b.job_type !== undefined && b.job_type !== job.job_type) throw new SandboxHttpError(400, 'the job_type of a monitoring job cannot change');
  job.name = str(b, 'name') ?? job.name;
  if (b.active !== undefined) job.active = Boolean(b.active);
  if (b.regions !== undefined) {
    if (!Array.isArray(b.regions) || b.regions.some((r) => !MONITOR_REGIONS.some((m) => m.code === r)))
      throw new SandboxHttpError(400, 'regions must be monitoring region codes');
    job.regions = b.regions as string[];
  }
  if (b.frequency !== undefined) {
    if (typeof b.frequency !== 'number' || b.frequency < 5) throw new SandboxHttpError(400, 'frequency must be at least 5 seconds');
    job.frequency = b.frequency;
  }
  if (b.policy !== undefined) {
    if (!['quorum', 'all', 'one'].includes(String(b.policy))) throw new SandboxHttpError(400, 'policy must be quorum, all or one');
    job.policy = b.policy as MonitorJob['policy'];
  }
  job.config = obj(b, 'config') ?? job.config;
  if (b.rules !== undefined) job.rules = readRules(job.job_type, b.rules);
  if (b.notify_list !== undefined) {
    const list = b.notify_list === null ? null : String(b.notify_list);
    if (list && !collection(ctx, NOTIFY_LISTS).has(list)) throw new SandboxHttpError(400, `notification list ${list} does not exist`);
    job.notify_list = list;
  }
  if (typeof b.notify_delay === 'number') job.notify_delay = b.notify_delay;
  if (b.notify_repeat !== undefined) {
    // As documented: 0 turns repeated notifications off; otherwise at least 60 seconds.
    if (typeof b.notify_repeat !== 'number' || (b.notify_repeat !== 0 && b.notify_repeat < 60))
      throw new SandboxHttpError(400, 'notify_repeat must be 0 (no repeats) or greater than or equal to 60');
    job.notify_repeat = b.notify_repeat;
  }
  for (const f of ['notify_failback', 'notify_regional', 'rapid_recheck'] as const) if (b[f] !== undefined) job[f] = Boolean(b[f]);
  if (b.region_scope !== undefined) {
    if (b.region_scope !== 'fixed') throw new SandboxHttpError(400, 'region_scope must be fixed');
    job.region_scope = b.region_scope;
  }
  if (b.notes !== undefined) job.notes = b.notes === null ? null : String(b.notes);
}

export interface NotifyList {
  id: string;
  name: string;
  notify_list: Array<{ type: string; config: Record<string, unknown> }>;
}

export const NOTIFY_TYPES: Record<string, { desc: string; shortdesc: string; config: Record<string, ReturnType<typeof option>> }> = {
  email: { desc: 'Send an e-mail.', shortdesc: 'E-mail', config: { email: option('E-mail address.', 'E-mail', 'string', true) } },
  user: { desc: 'Notify an account user by their settings.', shortdesc: 'User', config: { user: option('Username.', 'User', 'string', true) } },
  datafeed: {
    desc: 'Push the status to a data source.',
    shortdesc: 'Data feed',
    config: { sourceid: option('An nsone_monitoring data source.', 'Source', 'string', true) },
  },
  webhook: { desc: 'POST the event to a URL.', shortdesc: 'Webhook', config: { url: option('URL to POST to.', 'URL', 'string', true) } },
  pagerduty: {
    desc: 'Open a PagerDuty incident.',
    shortdesc: 'PagerDuty',
    config: { service_key: option('PagerDuty service key.', 'Service key', 'string', true) },
  },
  slack: {
    desc: 'Post to a Slack channel.',
    shortdesc: 'Slack',
    config: { url: option('Incoming webhook URL.', 'Webhook URL', 'string', true), channel: option('Channel.', 'Channel', 'string', false) },
  },
};

function readNotifiers(ctx: Ns1Context, value: unknown): NotifyList['notify_list'] {
  if (!Array.isArray(value)) throw new SandboxHttpError(400, 'notify_list must be a list');
  return value.map((n: { type?: unknown; config?: unknown }, i) => {
    const type = String(n.type);
    const spec = NOTIFY_TYPES[type];
    if (!spec) throw new SandboxHttpError(400, `notify_list[${i}].type ${type} is not a notifier type`);
    const config = (n.config && typeof n.config === 'object' ? n.config : {}) as Record<string, unknown>;
    for (const [name, option] of Object.entries(spec.config)) {
      if (option.required && (typeof config[name] !== 'string' || config[name] === ''))
        throw new SandboxHttpError(400, `notify_list[${i}].config.${name} is required`);
    }
    if (type === 'datafeed') {
      // As documented: a datafeed notifier's sourceid must be an nsone_monitoring data source.
      const source = collection(ctx, SOURCES).get(String(config.sourceid));
      if (!source) throw new SandboxHttpError(400, `notify_list[${i}].config.sourceid ${String(config.sourceid)}: data source not found`);
      if (source.sourcetype !== 'nsone_monitoring')
        throw new SandboxHttpError(400, `notify_list[${i}].config.sourceid ${source.id} is a ${source.sourcetype} data source, not nsone_monitoring`);
    }
    return { type, config };
  });
}

export const NOTIFY_LISTS: CollectionSpec<NotifyList> = {
  slice: 'notifyLists',
  path: '/lists',
  resourceType: 'notify_list',
  idOf: (l) => l.id,
  view: ['monitoring', 'view_jobs'],
  manage: ['monitoring', 'manage_lists'],
  seed: () => [
    {
      id: '52b49af12f21574b0e0bffe7',
      name: 'Operations on call',
      notify_list: [
        { type: 'email', config: { email: 'oncall@example.com' } },
        { type: 'user', config: { user: 'alice' } },
      ],
    },
  ],
  create: (ctx, b) => ({ id: ctx.state().ids.next(), name: str(b, 'name', true)!, notify_list: readNotifiers(ctx, b.notify_list ?? []) }),
  update: (ctx, list, b) => {
    list.name = str(b, 'name') ?? list.name;
    if (b.notify_list !== undefined) list.notify_list = readNotifiers(ctx, b.notify_list);
  },
};

const DEMO_CREATED = 1_700_000_000;

export const MONITOR_JOBS: CollectionSpec<MonitorJob> = {
  slice: 'monitorJobs',
  path: '/monitoring/jobs',
  resourceType: 'monitoring_job',
  idOf: (j) => j.id,
  view: ['monitoring', 'view_jobs'],
  manage: ['monitoring', 'manage_jobs'],
  seed: () => [
    {
      id: '52a27d4397d5f07003fdbe7b',
      name: 'web-east ping',
      job_type: 'ping',
      active: true,
      region_scope: 'fixed',
      regions: ['lga', 'sjc', 'ams'],
      frequency: 60,
      policy: 'quorum',
      config: { host: '192.0.2.41' },
      rules: [{ key: 'loss', comparison: '<', value: 75 }],
      notify_list: '52b49af12f21574b0e0bffe7',
      notify_delay: 0,
      notify_repeat: 0,
      notify_failback: true,
      notify_regional: false,
      rapid_recheck: false,
      notes: null,
      created_at: DEMO_CREATED,
      flapping: false,
    },
    {
      id: '52cae678830f7809ec5c9f6b',
      name: 'web-west:443',
      job_type: 'tcp',
      active: true,
      region_scope: 'fixed',
      regions: ['lga', 'sjc'],
      frequency: 30,
      policy: 'quorum',
      config: { host: '192.0.2.42', port: 443, ssl: '1', send: 'HEAD / HTTP/1.0\r\n\r\n' },
      rules: [
        { key: 'output', comparison: 'contains', value: '200 OK' },
        { key: 'connect', comparison: '<=', value: 200 },
      ],
      notify_list: '52b49af12f21574b0e0bffe7',
      notify_delay: 65,
      notify_repeat: 0,
      notify_failback: true,
      notify_regional: false,
      rapid_recheck: true,
      notes: 'Flaps on purpose: down three minutes in ten in each region.',
      created_at: DEMO_CREATED,
      flapping: true,
    },
  ],
  create: (ctx, b) => {
    const jobType = str(b, 'job_type', true)!;
    if (!JOB_TYPES[jobType]) throw new SandboxHttpError(400, `job_type ${jobType} is not a monitoring job type`);
    const job: MonitorJob = {
      id: ctx.state().ids.next(),
      name: str(b, 'name', true)!,
      job_type: jobType,
      active: true,
      region_scope: 'fixed',
      regions: [],
      frequency: 60,
      policy: 'quorum',
      config: {},
      rules: [],
      notify_list: null,
      notify_delay: 0,
      notify_repeat: 0,
      notify_failback: true,
      notify_regional: false,
      rapid_recheck: false,
      notes: null,
      created_at: ctx.clock.nowSeconds(),
      flapping: false,
    };
    applyJob(ctx, job, b);
    const missing = Object.entries(JOB_TYPES[jobType].config).find(([name, o]) => o.required && job.config[name] === undefined);
    if (missing) throw new SandboxHttpError(400, `config.${missing[0]} is required for a ${jobType} job`);
    if (job.regions.length === 0) throw new SandboxHttpError(400, 'regions must name at least one monitoring region');
    return job;
  },
  update: (ctx, job, b) => applyJob(ctx, job, b),
  render: (ctx, job) => {
    const { created_at: _created, flapping: _flapping, ...rest } = job;
    return { ...rest, status: jobStatus(job, ctx.clock.nowSeconds()) };
  },
};

export function registerMonitoring(router: Router, ctx: Ns1Context): void {
  const canView = (req: Parameters<typeof keyOf>[0]) => require(keyOf(req, ctx.state()), 'monitoring', 'view_jobs');
  const job = (id: string | undefined) => {
    const found = collection(ctx, MONITOR_JOBS).get(id ?? '');
    if (!found) throw new SandboxHttpError(404, 'monitoring job not found');
    return found;
  };

  registerCollection(router, ctx, MONITOR_JOBS);
  registerCollection(router, ctx, NOTIFY_LISTS);
  router.get('/notifytypes', (req) => {
    keyOf(req, ctx.state());
    return json(NOTIFY_TYPES);
  });
  router.get('/monitoring/jobtypes', (req) => {
    keyOf(req, ctx.state());
    return json(JOB_TYPES);
  });
  router.get('/monitoring/regions', (req) => {
    keyOf(req, ctx.state());
    return json(MONITOR_REGIONS);
  });

  const historyHandler = (jobs: () => ReturnType<typeof job>[]) => (req: Parameters<typeof keyOf>[0]) => {
    canView(req);
    const now = ctx.clock.nowSeconds();
    const period = req.query.get('period');
    if (period && !PERIODS[period]) throw new SandboxHttpError(400, 'period must be one of 1h, 24h, 30d');
    const end = Number(req.query.get('end') ?? now);
    const start = Number(req.query.get('start') ?? end - (PERIODS[period ?? '24h'] ?? 86_400));
    if (!Number.isFinite(start) || !Number.isFinite(end) || start > end)
      throw new SandboxHttpError(400, 'start and end must be Unix timestamps with start before end');
    if (req.query.get('exact') === 'true' && req.query.get('start') === null) throw new SandboxHttpError(400, 'exact needs start');
    const limit = Number(req.query.get('limit') ?? 1000);
    const entries = jobs().flatMap((j) => history(j, start, end, req.query.get('region')));
    return json(entries.sort((a, b) => b.since - a.since).slice(0, limit));
  };
  router.get(
    '/monitoring/history',
    historyHandler(() => [...collection(ctx, MONITOR_JOBS).values()]),
  );
  router.get('/monitoring/history/:jobid', (req) => historyHandler(() => [job(req.params.jobid)])(req));

  const metricsHandler = (jobs: () => ReturnType<typeof job>[], oneJob: boolean) => (req: Parameters<typeof keyOf>[0]) => {
    canView(req);
    // As documented: region may only be given together with a specific jobid.
    if (!oneJob && req.query.get('region') !== null)
      throw new SandboxHttpError(400, 'region may only be specified together with a specific jobid: use /monitoring/metrics/:jobid');
    const period = req.query.get('period') ?? '24h';
    const seconds = PERIODS[period];
    if (!seconds) throw new SandboxHttpError(400, 'period must be one of 1h, 24h, 30d');
    const wanted = req.query.get('metric');
    const region = req.query.get('region');
    const now = ctx.clock.nowSeconds();
    return json(
      jobs().flatMap((j) => {
        const names = Object.entries(JOB_TYPES[j.job_type]?.results ?? {})
          .filter(([, r]) => (r as { metric?: boolean }).metric)
          .map(([name]) => name)
          .filter((name) => !wanted || name === wanted);
        if (names.length === 0) return [];
        return (region ? [region] : ['global', ...j.regions]).map((r) => ({
          jobid: j.id,
          region: r,
          metrics: Object.fromEntries(
            names.map((name) => {
              const base = 10 + unitHash(`${j.id}/${r}/${name}`) * 60;
              const graph = Array.from({ length: 12 }, (_, i) => {
                const at = now - seconds + Math.floor(((i + 1) * seconds) / 12);
                return [at, Math.round((base + 5 * Math.sin(at / 900)) * 100) / 100] as [number, number];
              });
              return [name, { avg: Math.round((graph.reduce((a, [, v]) => a + v, 0) / graph.length) * 100) / 100, graph }];
            }),
          ),
        }));
      }),
    );
  };
  router.get(
    '/monitoring/metrics',
    metricsHandler(() => [...collection(ctx, MONITOR_JOBS).values()], false),
  );
  router.get('/monitoring/metrics/:jobid', (req) => metricsHandler(() => [job(req.params.jobid)], true)(req));
}
