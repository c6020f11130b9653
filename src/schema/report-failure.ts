import { responsePathAsArray, type GraphQLResolveInfo } from 'graphql';
import type { GatewayContext } from '../context.js';

/** A callback that sets a provider's failure aside at this field's path instead of failing the field. */
export function reportAt(ctx: GatewayContext, info: GraphQLResolveInfo): (error: unknown) => void {
  const path = responsePathAsArray(info.path);
  return (error) => ctx.partialFailures.push({ error, path });
}
