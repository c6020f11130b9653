import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** How deep a JSON value nests: 0 for a scalar, 1 for a flat list or object. Stops counting past `max`. */
function depthOf(value: unknown, max: number, depth = 0): number {
  if (depth > max || value === null || typeof value !== 'object') return depth;
  let deepest = depth + 1;
  for (const item of Object.values(value)) {
    deepest = Math.max(deepest, depthOf(item, max, depth + 1));
    if (deepest > max) break;
  }
  return deepest;
}

/** A BAD_USER_INPUT error when the variables nest deeper than `max`, before any resolver sees them. */
export function variablesDepthError(variables: unknown, max: number): GraphQLError | undefined {
  // The variables object itself is one level.
  if (depthOf(variables, max + 1) <= max + 1) return undefined;
  return new GraphQLError(`Variables nest deeper than ${max} levels (MAX_VARIABLES_DEPTH)`, {
    extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
  });
}

/** Refuses operations whose JSON variables nest deeper than MAX_VARIABLES_DEPTH. */
export function useVariablesDepth(max: number): Plugin {
  return {
    onParams({ params }) {
      const error = variablesDepthError(params.variables, max);
      if (error) throw error;
    },
  };
}
