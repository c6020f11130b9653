import type { ExecutionResult, GraphQLFormattedError } from 'graphql';

const isGraphQLError = (error: unknown): error is { toJSON(): GraphQLFormattedError } =>
  error instanceof Error && error.name === 'GraphQLError' && typeof (error as { toJSON?: unknown }).toJSON === 'function';

/** An error as yoga writes it: without the `http` and `unexpected` extensions, which are for the server alone. */
export function publicError(error: unknown): unknown {
  if (!isGraphQLError(error)) return error;
  const { extensions: all, ...json } = error.toJSON();
  if (!all) return json;
  const { http: _http, unexpected: _unexpected, ...extensions } = all;
  return Object.keys(extensions).length > 0 ? { ...json, extensions } : json;
}

/** A result as yoga writes it (its `jsonStringifyResultWithoutInternals`). */
export function publicResult(result: ExecutionResult): unknown {
  if (!result.errors?.length && !result.extensions?.http) return result;
  const copy: Record<string, unknown> = { ...result };
  if (result.errors) copy.errors = result.errors.map(publicError);
  if (result.extensions) {
    const { http: _http, ...extensions } = result.extensions;
    copy.extensions = Object.keys(extensions).length > 0 ? extensions : undefined;
  }
  return copy;
}
