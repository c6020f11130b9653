import { createSchema, createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { useRequestDeadline } from '../../src/plugins/use-request-deadline.js';
import { OperationScope } from '../../src/providers/operation-scope.js';

/** A yoga with the plugin, whose `slow` field waits for the deadline and `quick` answers at once. */
function gatewayWithScopes(deadlineMs: number) {
  const scopes: OperationScope[] = [];
  const yoga = createYoga<{ scope: OperationScope }>({
    schema: createSchema<{ scope: OperationScope }>({
      typeDefs: 'type Query { quick: String, slow: String }',
      resolvers: {
        Query: {
          quick: () => 'now',
          slow: (_parent, _args, { scope }) =>
            new Promise((_resolve, reject) => {
              scope.deadline!.signal.addEventListener('abort', () => reject(new Error('deadline passed')), { once: true });
            }),
        },
      },
    }),
    context: () => {
      const scope = new OperationScope();
      scopes.push(scope);
      return { scope };
    },
    plugins: [useRequestDeadline(deadlineMs)],
    maskedErrors: false,
    logging: false,
  });
  const ask = async (query: string) => {
    const response = await yoga.fetch('http://dnsgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as { data?: Record<string, unknown>; errors?: Array<{ message: string }> };
  };
  return { scopes, ask };
}

describe('the request deadline', () => {
  it('ends the work of an operation still running when it passes', async () => {
    const { ask } = gatewayWithScopes(50);
    const result = await ask('{ quick slow }');
    expect(result.data).toEqual({ quick: 'now', slow: null });
    expect(result.errors?.[0]?.message).toBe('deadline passed');
  });

  it('is not started for an operation that runs no resolver', async () => {
    const { scopes, ask } = gatewayWithScopes(50);
    expect(await ask('{ __typename }')).toEqual({ data: { __typename: 'Query' } });
    expect(scopes[0]!.deadline).toBeUndefined();
  });
});
