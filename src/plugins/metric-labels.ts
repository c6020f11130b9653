/** Longest operation name kept in a label; longer ones are cut. */
const NAME_LENGTH = 64;

/**
 * Operation names come from clients, so as labels they are bounded twice: each is cut to 64 characters,
 * and past the first `distinct` names seen every new one is counted as `other`.
 */
export function boundedOperationNames(distinct = 50): (name: string | undefined) => string {
  const seen = new Set<string>();
  return (name) => {
    if (!name) return 'anonymous';
    const cut = name.slice(0, NAME_LENGTH);
    if (seen.has(cut)) return cut;
    if (seen.size >= distinct) return 'other';
    seen.add(cut);
    return cut;
  };
}

const ROUTES = new Set(['/graphql', '/healthz', '/readyz', '/metrics']);

/** Request URLs whose route is known: a client sends the same few again and again. */
const routes = new Map<string, string>();
const REMEMBERED_URLS = 100;

/** The route of a gateway request, never its URL: query strings and unknown paths stay out of labels. */
export const routeOf = (url: string): string => {
  let route = routes.get(url);
  if (route === undefined) {
    const { pathname } = new URL(url, 'http://gateway');
    route = ROUTES.has(pathname) ? pathname : 'other';
    if (routes.size < REMEMBERED_URLS && url.length <= 256) routes.set(url, route);
  }
  return route;
};
