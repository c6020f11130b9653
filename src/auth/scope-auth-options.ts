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

/** Scopes come from the caller's token; a refusal is FORBIDDEN naming the scope that is missing. */
export const scopeAuthOptions = {
  authScopes: (ctx: GatewayContext) => Object.fromEntries(SCOPES.map((scope) => [scope, ctx.principal.scopes.has(scope)])) as ScopeFlags,
  unauthorizedError: (_parent: unknown, _ctx: GatewayContext, _info: unknown, result: { failure: AuthFailure }) => missingScope(scopesIn(result.failure)),
  // A subscription is checked once, when it starts, not for every event.
  authorizeOnSubscribe: true,
};
