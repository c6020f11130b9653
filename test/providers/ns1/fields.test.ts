import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { intOrNull, jsonObject } from '../../../src/providers/ns1/fields.js';

const shape = z.object({ ttl: intOrNull, meta: jsonObject });

describe('NS1 field shapes', () => {
  it('read an absent or null number as null, and an absent or null object as {}', () => {
    expect(shape.parse({})).toEqual({ ttl: null, meta: {} });
    expect(shape.parse({ ttl: null, meta: null })).toEqual({ ttl: null, meta: {} });
    expect(shape.parse({ ttl: 3600, meta: { up: true, weight: [1, 2] } })).toEqual({ ttl: 3600, meta: { up: true, weight: [1, 2] } });
  });

  it('refuse a number or an object of another shape', () => {
    for (const bad of [{ ttl: '3600' }, { meta: [1] }, { meta: 'up' }, { meta: 5 }]) expect(shape.safeParse(bad).success).toBe(false);
  });
});
