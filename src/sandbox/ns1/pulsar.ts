import { json, SandboxHttpError, type Router } from '../kit/index.js';
import { keyOf } from './auth.js';
import { unitHash } from './ids.js';
import type { Ns1Context } from './state.js';

interface PulsarJob {
  jobid: string;
  appid: string;
  name: string;
  typeid: string;
  active: boolean;
  community: boolean;
  config: Record<string, unknown>;
}

const APPS = [
  { appid: 'a1b2c3', name: 'www.example.com RUM', browser_wait_millis: 5000, jobs_per_transaction: 3, active: true },
  { appid: 'd4e5f6', name: 'CDN comparison', browser_wait_millis: 3000, jobs_per_transaction: 2, active: true },
];

const JOBS: PulsarJob[] = [
  {
    jobid: 'j-cdn-a',
    appid: 'a1b2c3',
    name: 'CDN A',
    typeid: 'latency',
    active: true,
    community: false,
    config: { host: 'cdn-a.example.com', url_path: '/pulsar.gif' },
  },
  {
    jobid: 'j-cdn-b',
    appid: 'a1b2c3',
    name: 'CDN B',
    typeid: 'latency',
    active: true,
    community: false,
    config: { host: 'cdn-b.example.com', url_path: '/pulsar.gif' },
  },
  {
    jobid: 'j-origin',
    appid: 'd4e5f6',
    name: 'Origin',
    typeid: 'latency',
    active: true,
    community: true,
    config: { host: 'origin.example.com', url_path: '/pulsar.gif' },
  },
];

/** Where the sandbox's real users are, keyed as NS1 keys live data (a geo, or a geo and region), each with its own latency. */
const GEOS: Record<string, number> = { US: 1, 'US:CA': 0.9, 'US:NY': 1.05, GB: 1.4, DE: 1.3, JP: 2.1, BR: 2.4 };

const PERIODS: Record<string, number> = { '1h': 3600, '24h': 86_400, '30d': 30 * 86_400 };
const AGGREGATIONS: Record<string, number> = { p50: 1, p75: 1.3, p90: 1.8, p95: 2.2, p99: 3.5, avg: 1.1 };

/** Pulsar real-user measurement: apps, their jobs, live values and historical data. */
export function registerPulsar(router: Router, ctx: Ns1Context): void {
  const app = (id: string | undefined) => {
    const found = APPS.find((a) => a.appid === id);
    if (!found) throw new SandboxHttpError(404, 'pulsar app not found');
    return found;
  };
  const job = (appid: string | undefined, jobid: string | undefined) => {
    app(appid);
    const found = JOBS.find((j) => j.appid === appid && j.jobid === jobid);
    if (!found) throw new SandboxHttpError(404, 'pulsar job not found');
    return found;
  };
  const latency = (j: PulsarJob, at: number, agg: number, geo = 1) =>
    Math.round((40 + unitHash(j.jobid) * 80) * agg * geo * (1 + 0.1 * Math.sin(at / 1800)) * 10) / 10;

  router.get('/pulsar/apps', (req) => {
    keyOf(req, ctx.state());
    return json(APPS);
  });
  router.get('/pulsar/apps/:appid', (req) => {
    keyOf(req, ctx.state());
    return json(app(req.params.appid));
  });
  router.get('/pulsar/apps/:appid/jobs', (req) => {
    keyOf(req, ctx.state());
    app(req.params.appid);
    return json(JOBS.filter((j) => j.appid === req.params.appid));
  });
  router.get('/pulsar/apps/:appid/jobs/:jobid', (req) => {
    keyOf(req, ctx.state());
    return json(job(req.params.appid, req.params.jobid));
  });
  router.get('/pulsar/apps/:appid/jobs/:jobid/live', (req) => {
    keyOf(req, ctx.state());
    const j = job(req.params.appid, req.params.jobid);
    const now = ctx.clock.nowSeconds();
    // NS1 documents live data as an object whose every top-level key is a geo (or geo:region) code.
    return json(Object.fromEntries(Object.entries(GEOS).map(([geo, factor]) => [geo, latency(j, now, 1, factor)])));
  });
  router.get('/pulsar/apps/:appid/jobs/:jobid/data', (req) => {
    keyOf(req, ctx.state());
    const j = job(req.params.appid, req.params.jobid);
    const period = req.query.get('period') ?? '1h';
    const agg = req.query.get('agg') ?? 'p50';
    if (!PERIODS[period]) throw new SandboxHttpError(400, 'period must be one of 1h, 24h, 30d');
    if (!AGGREGATIONS[agg]) throw new SandboxHttpError(400, `agg must be one of ${Object.keys(AGGREGATIONS).join(', ')}`);
    const end = Number(req.query.get('end') || ctx.clock.nowSeconds());
    const start = Number(req.query.get('start') || end - PERIODS[period]);
    if (!Number.isFinite(start) || !Number.isFinite(end) || start > end) throw new SandboxHttpError(400, 'start and end must be seconds, start before end');
    const geo = req.query.get('geo') || '*';
    // All geos (`*`) read as the plain job; a geo the sandbox has no users in has no data.
    const factor = geo === '*' ? 1 : GEOS[geo];
    const points =
      factor === undefined
        ? []
        : Array.from({ length: 12 }, (_, i) => {
            const at = Math.floor(start + ((i + 1) * (end - start)) / 12);
            return [at, latency(j, at, AGGREGATIONS[agg]!, factor)];
          });
    return json({ jobid: j.jobid, agg, geo, asn: req.query.get('asn') || null, unit: 'ms', graph: points });
  });
}
