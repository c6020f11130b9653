import { GraphQLError, parse, validate, type ValidationContext, type ValidationRule } from 'graphql';
import { createSchema, createYoga, type Plugin } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { useDocumentCache } from '../../src/plugins/use-document-cache.js';
import { countUpstreamCalls, execute, useHarness } from '../support/harness.js';

const schema = createSchema({ typeDefs: 'type Query { hello: String, deep: Query }', resolvers: { Query: { hello: () => 'world', deep: () => ({}) } } });

/** Counts the parses and validations that actually run, which a cached document skips. */
function counting() {
  const runs = { parse: 0, validate: 0 };
  const plugin: Plugin = {
    onParse({ setParseFn }) {
      setParseFn((...args: Parameters<typeof parse>) => {
        runs.parse++;
        return parse(...args);
      });
    },
    onValidate({ setValidationFn }) {
      setValidationFn((...args: Parameters<typeof validate>) => {
        runs.validate++;
        return validate(...args);
      });
    },
  };
  return { runs, plugin };
}

/** A rule made afresh for every request, as the armor limits make theirs: a new function with the same name. */
function freshRuleEachRequest(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      const maxDepthTwo: ValidationRule = (context: ValidationContext) => ({
        Field(node, _key, _parent, path) {
          if (path.filter((step) => step === 'selections').length > 2) context.reportError(new GraphQLError('too deep', { nodes: [node] }));
        },
      });
      addValidationRule(maxDepthTwo);
    },
  };
}

/** A rule only requests with `x-strict` get, which a validation made without it must not answer for. */
function strictWhenAsked(): Plugin {
  const noHello: ValidationRule = (context) => ({
    Field(node) {
      if (node.name.value === 'hello') context.reportError(new GraphQLError('hello is refused here', { nodes: [node] }));
    },
  });
  return {
    onValidate({ addValidationRule, context }) {
      if ((context as { request: Request }).request.headers.get('x-strict')) addValidationRule(noHello);
    },
  };
}

function server(...plugins: Plugin[]) {
  const { runs, plugin } = counting();
  const yoga = createYoga({ schema, logging: false, parserAndValidationCache: false, plugins: [plugin, ...plugins, useDocumentCache()] });
  const ask = async (query: string, headers: Record<string, string> = {}) => {
    const response = await yoga.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as { data?: unknown; errors?: Array<{ message: string }> };
  };
  return { runs, ask };
}

describe('parsed and validated documents', () => {
  it('parse and validate a document once, however often it is asked', async () => {
    const { runs, ask } = server(freshRuleEachRequest());
    for (let i = 0; i < 3; i++) expect(await ask('{ hello }')).toEqual({ data: { hello: 'world' } });
    expect(runs).toEqual({ parse: 1, validate: 1 });
    await ask('{ deep { hello } }');
    expect(runs).toEqual({ parse: 2, validate: 2 });
  });

  it('give a refused document the same errors every time, from its one validation', async () => {
    const { runs, ask } = server(freshRuleEachRequest());
    const answers = [await ask('{ deep { deep { hello } } }'), await ask('{ deep { deep { hello } } }')];
    expect(answers[0]!.errors?.map((e) => e.message)).toEqual(['too deep']);
    expect(answers[1]).toEqual(answers[0]);
    expect(runs.validate).toBe(1);
  });

  it('validate again when a request is checked against other rules', async () => {
    const { runs, ask } = server(strictWhenAsked());
    expect(await ask('{ hello }')).toEqual({ data: { hello: 'world' } });
    expect((await ask('{ hello }', { 'x-strict': '1' })).errors?.map((e) => e.message)).toEqual(['hello is refused here']);
    expect(await ask('{ hello }')).toEqual({ data: { hello: 'world' } });
    expect(runs).toEqual({ parse: 1, validate: 3 });
  });

  it('keep a syntax error: the same text is refused with the same message without parsing it again', async () => {
    const { runs, ask } = server();
    const answers = [await ask('{ hello '), await ask('{ hello ')];
    expect(answers[0]!.errors?.[0]?.message).toMatch(/^Syntax Error/);
    expect(answers[1]).toEqual(answers[0]);
    expect(runs.parse).toBe(1);
  });
});

const h = useHarness();

describe('the gateway', () => {
  it('refuses a query past its depth limit on every ask, before any upstream call, once its validation is kept', async () => {
    const deep = `{ zones { ns1 { primary { secondaries { ip } } } records { answers { feeds { source } } } } }`;
    const shallow = h.gatewayWith({ MAX_QUERY_DEPTH: '3' });
    for (let ask = 0; ask < 3; ask++) {
      const refused = await countUpstreamCalls(h, () => execute(shallow, deep));
      expect(refused.result.data ?? null).toBeNull();
      expect(refused.result.errors?.[0]?.message).toMatch(/depth/i);
      expect(refused.ns1.total + refused.buddyns.total).toBe(0);
    }
  });
});
