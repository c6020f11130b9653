import SchemaBuilder from '@pothos/core';
import ScopeAuthPlugin, { RequestCache } from '@pothos/plugin-scope-auth';
import { useDeferStream } from '@graphql-yoga/plugin-defer-stream';
import { createYoga } from 'graphql-yoga';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useScopeCacheRelease } from '../../src/plugins/use-scope-cache-release.js';
import { useHarness } from '../support/harness.js';

const h = useHarness();

afterEach(() => vi.restoreAllMocks());

/** The contexts scope-auth cached answers for, and those whose cache was dropped, in the order it happened. */
function watchScopeCache() {
  const events: Array<{ kind: 'cached' | 'released'; context: object }> = [];
  const fromContext = RequestCache.fromContext.bind(RequestCache);
  const clearForContext = RequestCache.clearForContext.bind(RequestCache);
  vi.spyOn(RequestCache, 'fromContext').mockImplementation((context, builder) => {
    events.push({ kind: 'cached', context: context });
    return fromContext(context, builder);
  });
  vi.spyOn(RequestCache, 'clearForContext').mockImplementation((context) => {
    events.push({ kind: 'released', context: context });
    clearForContext(context);
  });
  const contexts = (kind: 'cached' | 'released') => new Set(events.filter((e) => e.kind === kind).map((e) => e.context));
  return { events, contexts };
}

/** A schema whose two fields each need the `reader` scope, counting how often the caller's scopes are worked out. */
function scopedYoga() {
  let scopeLookups = 0;
  const builder = new SchemaBuilder<{ Context: { caller: string }; AuthScopes: { reader: boolean } }>({
    plugins: [ScopeAuthPlugin],
    scopeAuth: {
      authScopes: () => {
        scopeLookups++;
        return { reader: true };
      },
    },
  });
  builder.queryType({
    fields: (t) => ({
      first: t.string({ authScopes: { reader: true }, resolve: () => 'first' }),
      later: t.string({ authScopes: { reader: true }, resolve: () => new Promise<string>((resolve) => setTimeout(() => resolve('later'), 5)) }),
    }),
  });
  const yoga = createYoga({
    schema: builder.toSchema(),
    context: () => ({ caller: 'test' }),
    plugins: [useDeferStream(), useScopeCacheRelease()],
    logging: false,
  });
  return { yoga, scopeLookups: () => scopeLookups };
}

describe('the scope cache of an operation', () => {
  it('is dropped once the gateway has answered, for every context scope-auth cached answers for', async () => {
    const watch = watchScopeCache();
    const response = await h.gql('{ zones { name } }');
    expect(response.errors).toBeUndefined();
    const cached = watch.contexts('cached');
    expect(cached.size).toBe(1);
    expect(watch.contexts('released')).toEqual(cached);
  });

  it('is kept while @defer parts are still to come, and dropped after the last', async () => {
    const { yoga, scopeLookups } = scopedYoga();
    const watch = watchScopeCache();
    const response = await yoga.fetch('http://dnsgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'multipart/mixed' },
      body: JSON.stringify({ query: '{ first ... @defer { later } }' }),
    });
    const reader = response.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toContain('"first"');
    expect(watch.contexts('released').size).toBe(0);
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += new TextDecoder().decode(chunk.value);
    expect(rest).toContain('"later"');
    // Both fields' checks were answered from one cache: it was not dropped between the parts.
    expect(scopeLookups()).toBe(1);
    expect(watch.contexts('released')).toEqual(watch.contexts('cached'));
    expect(watch.events.at(-1)?.kind).toBe('released');
  });

  it('is dropped for a single result without waiting for anything else', async () => {
    const { yoga, scopeLookups } = scopedYoga();
    const watch = watchScopeCache();
    for (let i = 0; i < 3; i++) {
      const response = await yoga.fetch('http://dnsgraph.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ first }' }),
      });
      expect(await response.json()).toEqual({ data: { first: 'first' } });
    }
    expect(scopeLookups()).toBe(3);
    expect(watch.contexts('cached').size).toBe(3);
    expect(watch.contexts('released')).toEqual(watch.contexts('cached'));
  });
});
