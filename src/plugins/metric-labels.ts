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

/** The route of a gateway request, never its URL: query strings and unknown paths stay out of labels. */
export const routeOf = (url: string): string => {
  const { pathname } = new URL(url, 'http://gateway');
  return ROUTES.has(pathname) ? pathname : 'other';
};
