import type { ProviderId } from '../providers/upstream-error.js';

/**
 * The documented routes the gateway calls, as templates: a span names the route, never a path with a
 * zone, record, user or key in it.
 */
const ROUTES: Record<ProviderId, string[]> = {
  ns1: [
    '/zones',
    '/zones/:zone',
    '/zones/:zone/:domain/:type',
    '/stats/qps',
    '/stats/qps/:zone',
    '/stats/qps/:zone/:domain/:type',
    '/stats/usage',
    '/stats/usage/:zone',
    '/stats/usage/:zone/:domain/:type',
    '/search',
    // PUT names a zone, GET an import job.
    '/import/zonefile/:id',
    '/monitoring/jobs',
    '/monitoring/jobs/:id',
    '/monitoring/jobtypes',
    '/monitoring/regions',
    '/monitoring/history/:jobid',
    '/monitoring/metrics/:jobid',
    '/lists',
    '/lists/:id',
    '/notifytypes',
    '/data/sources',
    '/data/sources/:id',
    '/data/sourcetypes',
    '/data/feeds/:sourceid',
    '/data/feeds/:sourceid/:feedid',
    '/feed/:sourceid',
    '/filtertypes',
    '/metatypes',
    '/networks',
    '/pulsar/apps',
    '/pulsar/apps/:appid',
    '/pulsar/apps/:appid/jobs',
    '/pulsar/apps/:appid/jobs/:jobid',
    '/pulsar/apps/:appid/jobs/:jobid/data',
    '/pulsar/apps/:appid/jobs/:jobid/live',
    '/account/activity',
    '/account/apikeys',
    '/account/apikeys/:id',
    '/account/billataglance',
    '/account/invoices',
    '/account/invoices/:id',
    '/account/paymentmethods',
    '/account/paymentmethods/:id',
    '/account/plan',
    '/account/plantypes',
    '/account/settings',
    '/account/teams',
    '/account/teams/:id',
    '/account/usagewarnings',
    '/account/users',
    '/account/users/:username',
    '/account/reinvite/:username',
    '/account/whitelist',
    '/account/whitelist/:id',
  ],
  buddyns: ['/zone/', '/zone/:name', '/zone/:name/status/', '/zone/:name/delegation/', '/sync/', '/sync/:name', '/user/', '/user/profile/', '/service/'],
};

const split = (path: string) => path.split('/').slice(1);

const COMPILED = Object.fromEntries(
  Object.entries(ROUTES).map(([provider, routes]) => [provider, routes.map((route) => ({ route, segments: split(route) }))]),
) as Record<ProviderId, Array<{ route: string; segments: string[] }>>;

/**
 * The template a path below the provider's base path matches. Static segments win over parameters;
 * a path outside the table keeps its static words and hides every other segment.
 */
export function routeTemplate(provider: ProviderId, path: string): string {
  const segments = split(path.split('?')[0] ?? '');
  let best: { route: string; statics: number } | undefined;
  for (const { route, segments: pattern } of COMPILED[provider]) {
    if (pattern.length !== segments.length) continue;
    let statics = 0;
    const matches = pattern.every((p, i) => (p.startsWith(':') ? segments[i] !== '' : p === segments[i] && ++statics > 0));
    if (matches && (!best || statics > best.statics)) best = { route, statics };
  }
  if (best) return best.route;
  const known = new Set(COMPILED[provider].flatMap((r) => r.segments.filter((s) => !s.startsWith(':'))));
  return `/${segments.map((s) => (s === '' || known.has(s) ? s : ':id')).join('/')}`;
}
