import { type GraphQLResolveInfo, responsePathAsArray } from 'graphql';
import type { GatewayContext } from '../context.js';
import { staleMarkOf } from '../providers/stale-responses.js';
import { noteStale } from '../resolvers/stale-answers.js';

/**
 * A callback that sets a provider's failure aside at this field's path (or a field below it) instead of
 * failing the field. The path is worked out when a failure comes: most fields never report one.
 */
export function reportAt(ctx: GatewayContext, info: GraphQLResolveInfo): (error: unknown, below?: string) => void {
  return (error, below) => {
    const path = responsePathAsArray(info.path);
    ctx.partialFailures.push({ error, path: below === undefined ? path : [...path, below] });
  };
}

/** A callback that notes, at this field's path, a value answered from a provider's last good response. */
export function staleAt(ctx: GatewayContext, info: GraphQLResolveInfo): <T>(value: T) => T {
  return (value) => {
    const mark = staleMarkOf(value);
    if (mark) noteStale(ctx, { path: responsePathAsArray(info.path), provider: mark.provider.toUpperCase(), ageSeconds: mark.ageSeconds });
    return value;
  };
}
