import { GraphQLError } from 'graphql';

/** Errors an operation's access line already told of, so yoga's own report of them adds no second line. */
const reported = new WeakSet<object>();

export function markReported(error: unknown): void {
  if (error instanceof GraphQLError && error.originalError) reported.add(error.originalError);
  if (error && typeof error === 'object') reported.add(error);
}

export function wasReported(error: unknown): boolean {
  return Boolean(error && typeof error === 'object' && reported.has(error));
}
