import { describe, expect, it } from 'vitest';
import { boundedOperationNames, routeOf } from '../../src/plugins/metric-labels.js';

describe('metric labels', () => {
  it('name the route of a request, never its URL, each time it is asked', () => {
    for (let i = 0; i < 3; i++) {
      expect(routeOf('http://dnsgraph.test/graphql')).toBe('/graphql');
      expect(routeOf('http://dnsgraph.test/graphql?query=%7B__typename%7D')).toBe('/graphql');
      expect(routeOf('http://dnsgraph.test/a/../metrics')).toBe('/metrics');
      expect(routeOf('http://dnsgraph.test/secret/path?token=x')).toBe('other');
      expect(routeOf(`http://dnsgraph.test/graphql?query=${'x'.repeat(300)}`)).toBe('/graphql');
    }
    // Past the URLs it remembers, a route is still worked out from the URL.
    for (let i = 0; i < 150; i++) expect(routeOf(`http://dnsgraph.test/healthz?n=${i}`)).toBe('/healthz');
    expect(routeOf('http://dnsgraph.test/readyz?late=1')).toBe('/readyz');
    expect(routeOf('http://dnsgraph.test/elsewhere?late=1')).toBe('other');
  });

  it('bound operation names in length and number', () => {
    const name = boundedOperationNames(2);
    expect(name(undefined)).toBe('anonymous');
    expect(name('A'.repeat(80))).toBe('A'.repeat(64));
    expect(name('B')).toBe('B');
    expect(name('C')).toBe('other');
    expect(name('B')).toBe('B');
  });
});
