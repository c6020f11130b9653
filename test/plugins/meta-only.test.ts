import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { metaOnlyDocument } from '../../src/plugins/meta-only.js';

describe('an operation that runs no resolver', () => {
  it('is one that asks only for __typename or introspection, through fragments too', () => {
    expect(metaOnlyDocument(parse('{ __typename }'))).toBe(true);
    expect(metaOnlyDocument(parse('mutation { __typename }'))).toBe(true);
    expect(metaOnlyDocument(parse('query Probe { __schema { queryType { name } } __type(name: "Zone") { name } }'))).toBe(true);
    expect(metaOnlyDocument(parse('{ ... on Query { __typename } ...Meta } fragment Meta on Query { __typename }'))).toBe(true);
  });

  it('is not one that reaches a field of the gateway anywhere', () => {
    expect(metaOnlyDocument(parse('{ __typename zones { name } }'))).toBe(false);
    expect(metaOnlyDocument(parse('{ ... on Query { zones { name } } }'))).toBe(false);
    expect(metaOnlyDocument(parse('{ ...Zones } fragment Zones on Query { zones { name } }'))).toBe(false);
    expect(metaOnlyDocument(parse('{ ...Missing }'))).toBe(false);
    expect(metaOnlyDocument(parse('query A { __typename } query B { zones { name } }'))).toBe(false);
    expect(metaOnlyDocument(parse('fragment Meta on Query { __typename }'))).toBe(false);
  });
});
