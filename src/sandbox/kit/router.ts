import type { SandboxRequest, SandboxResponse } from './types.js';

export type Handler = (req: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>;

interface Route {
  method: string;
  pattern: string;
  segments: string[];
  handler: Handler;
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

function split(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

/**
 * Method + path routing with `:param` segments. Trailing slashes are ignored on both sides, unless
 * `exactSlashes` is set: then a path matches only with the trailing slash its pattern has, as Django routes
 * BuddyNS's collection paths with one and its item paths without.
 */
export class Router {
  private readonly routes: Route[] = [];

  constructor(private readonly options: { exactSlashes?: boolean } = {}) {}

  add(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method: method.toUpperCase(), pattern, segments: split(pattern), handler });
    return this;
  }

  get(pattern: string, handler: Handler): this {
    return this.add('GET', pattern, handler);
  }
  put(pattern: string, handler: Handler): this {
    return this.add('PUT', pattern, handler);
  }
  post(pattern: string, handler: Handler): this {
    return this.add('POST', pattern, handler);
  }
  delete(pattern: string, handler: Handler): this {
    return this.add('DELETE', pattern, handler);
  }

  /** `methods` lists what the path allows when the method does not match, for a 405. */
  match(method: string, path: string): { match?: RouteMatch; methods: string[] } {
    const have = split(path);
    const slashed = path.length > 1 && path.endsWith('/');
    const methods: string[] = [];
    for (const route of this.routes) {
      if (this.options.exactSlashes && route.pattern.endsWith('/') !== slashed) continue;
      const params = matchSegments(route.segments, have);
      if (!params) continue;
      if (route.method === method) return { match: { route, params }, methods };
      methods.push(route.method);
    }
    return { methods };
  }
}

function matchSegments(want: string[], have: string[]): Record<string, string> | undefined {
  if (want.length !== have.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const h = have[i]!;
    if (w.startsWith(':')) params[w.slice(1)] = h;
    else if (w !== h) return undefined;
  }
  return params;
}
