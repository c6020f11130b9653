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
    '/search',
    // PUT names a zone, GET an import job.
    '/import/zonefile/:id',
    '/monitoring/jobs',
    '/monitoring/jobs/:job',
    '/monitoring/jobtypes',
    '/monitoring/regions',
    '/monitoring/history/:job',
    '/monitoring/metrics/:job',
    '/lists',
    '/lists/:list',
    '/notifytypes',
    '/data/sources',
    '/data/sources/:source',
    '/data/sourcetypes',
    '/data/feeds/:source',
    '/data/feeds/:source/:feed',
    '/feed/:source',
    '/filtertypes',
    '/metatypes',
    '/networks',
    '/pulsar/apps',
    '/pulsar/apps/:app',
    '/pulsar/apps/:app/jobs',
    '/pulsar/apps/:app/jobs/:job',
    '/pulsar/apps/:app/jobs/:job/data',
    '/pulsar/apps/:app/jobs/:job/live',
    '/account/activity',
    '/account/apikeys',
    '/account/apikeys/:key',
    '/account/billataglance',
    '/account/invoices',
    '/account/invoices/:invoice',
    '/account/paymentmethods',
    '/account/paymentmethods/:method',
    '/account/plan',
    '/account/plantypes',
    '/account/settings',
    '/account/teams',
    '/account/teams/:team',
    '/account/usagewarnings',
    '/account/users',
    '/account/users/:user',
    '/account/reinvite/:user',
    '/account/whitelist',
    '/account/whitelist/:list',
  ],
  buddyns: [
    '/zone/',
    '/zone/:zone',
    '/zone/:zone/status/',
    '/zone/:zone/delegation/',
    '/sync/',
    '/sync/:zone',
    '/user/',
    '/user/profile/',
    '/service/',
  ],
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
