import { AuthScopeFailureType, type AuthFailure } from '@pothos/plugin-scope-auth';
import type { GatewayContext } from '../context.js';
import { missingScope } from './forbidden.js';
import { SCOPES, type Scope } from './scopes.js';

export type ScopeFlags = Record<Scope, boolean>;

function scopesIn(failure: AuthFailure): string[] {
  if (failure.kind === AuthScopeFailureType.AuthScope) return [failure.scope];
  if (failure.kind === AuthScopeFailureType.AllAuthScopes || failure.kind === AuthScopeFailureType.AnyAuthScopes) return failure.failures.flatMap(scopesIn);
  return [];
}

/** Each set of granted scopes as flags, made once: every anonymous caller, and every request of one token, shares its set. */
const flagsOfScopes = new WeakMap<ReadonlySet<string>, Readonly<ScopeFlags>>();

function flagsOf(scopes: ReadonlySet<string>): Readonly<ScopeFlags> {
  let flags = flagsOfScopes.get(scopes);
  if (!flags) {
    flags = Object.freeze(Object.fromEntries(SCOPES.map((scope) => [scope, scopes.has(scope)])) as ScopeFlags);
    flagsOfScopes.set(scopes, flags);
  }
  return flags;
}

/** Scopes come from the caller's token; a refusal is FORBIDDEN naming the scope that is missing. */
export const scopeAuthOptions = {
  authScopes: (ctx: GatewayContext) => flagsOf(ctx.principal.scopes),
  unauthorizedError: (_parent: unknown, _ctx: GatewayContext, _info: unknown, result: { failure: AuthFailure }) => missingScope(scopesIn(result.failure)),
  // A subscription is checked once, when it starts, not for every event.
  authorizeOnSubscribe: true,
};
