/**
 * The `Authorization` of a request as sent, every line of it. Node keeps only the first of duplicate
 * `Authorization` lines in `headers`, so a second one a proxy or an attacker added would go unseen; the raw lines
 * are joined as the Fetch API joins them, and a value that is then not one `Bearer <token>` is refused.
 */
export function authorizationOf(request: Request, rawHeaders: readonly string[] | undefined): string | null {
  if (!rawHeaders) return request.headers.get('authorization');
  return authorizationOfRaw(rawHeaders) ?? null;
}

/** The `Authorization` lines among node's raw header names and values, joined with ", "; undefined if none. */
export function authorizationOfRaw(rawHeaders: readonly string[]): string | undefined {
  const values: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    if (rawHeaders[i]?.toLowerCase() === 'authorization') values.push(rawHeaders[i + 1] ?? '');
  }
  return values.length > 0 ? values.join(', ') : undefined;
}

/** Node's raw header lines, where the request came over a node socket (not through `yoga.fetch`). */
export const rawHeadersOf = (serverContext: unknown): readonly string[] | undefined =>
  (serverContext as { req?: { rawHeaders?: string[] } } | undefined)?.req?.rawHeaders;
