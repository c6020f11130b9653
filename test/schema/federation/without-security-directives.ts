import { Kind, parse, print, visit } from 'graphql';

const SECURITY = new Set(['authenticated', 'requiresScopes']);

/**
 * The subgraph SDL without `@authenticated` / `@requiresScopes`, for @apollo/gateway: it implements no
 * `for: SECURITY` feature and refuses a supergraph that links one (Apollo Router and Hive Gateway enforce them).
 */
export function withoutSecurityDirectives(sdl: string): string {
  const document = visit(parse(sdl), {
    Directive: (node) => (SECURITY.has(node.name.value) ? null : undefined),
    ListValue: (node) => ({ ...node, values: node.values.filter((v) => !(v.kind === Kind.STRING && ['@authenticated', '@requiresScopes'].includes(v.value))) }),
  });
  return print(document);
}

/** A subgraph fetch whose `_service { sdl }` answers come without the security directives. */
export function servingSdlWithoutSecurity(fetchFn: typeof fetch): typeof fetch {
  return async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await fetchFn(input, init);
    const body = (await response.json()) as { data?: { _service?: { sdl?: string } } };
    if (body.data?._service?.sdl) body.data._service.sdl = withoutSecurityDirectives(body.data._service.sdl);
    return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
  };
}
