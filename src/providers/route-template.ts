/** Path segments the providers' documented endpoints are made of; any other segment is an identifier. */
const STATIC_SEGMENTS = new Set([
  'account',
  'activity',
  'apikeys',
  'apps',
  'billataglance',
  'data',
  'delegation',
  'feed',
  'feeds',
  'filtertypes',
  'history',
  'import',
  'invoices',
  'jobs',
  'jobtypes',
  'lists',
  'live',
  'metatypes',
  'metrics',
  'monitoring',
  'networks',
  'notifytypes',
  'paymentmethods',
  'plan',
  'plantypes',
  'profile',
  'pulsar',
  'qps',
  'regions',
  'reinvite',
  'search',
  'service',
  'settings',
  'sources',
  'sourcetypes',
  'stats',
  'status',
  'sync',
  'teams',
  'usage',
  'usagewarnings',
  'user',
  'users',
  'whitelist',
  'zone',
  'zonefile',
  'zones',
]);

/**
 * The route template of an upstream path (`/zones/example.com/www.example.com/A` -> `/zones/:id/:id/:id`),
 * so metrics are labelled by endpoint and their label values stay bounded whatever the zones are called.
 */
export function routeTemplate(path: string): string {
  let template = recent.get(path);
  if (template === undefined) {
    const [pathname = ''] = path.split('?');
    template = pathname
      .split('/')
      .map((segment) => (segment === '' || STATIC_SEGMENTS.has(segment) ? segment : ':id'))
      .join('/');
    // Paths carry zone and record names without bound: the memory is forgotten whole when it grows too big.
    if (recent.size >= REMEMBERED_PATHS) recent.clear();
    recent.set(path, template);
  }
  return template;
}

const REMEMBERED_PATHS = 10_000;
const recent = new Map<string, string>();
