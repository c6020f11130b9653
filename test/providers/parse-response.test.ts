import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { intOrNull, jsonObject, text } from '../../src/providers/ns1/fields.js';
import { compiledSchema, parseResponse } from '../../src/providers/parse-response.js';
import { UpstreamError } from '../../src/providers/upstream-error.js';

/** Shaped like an endpoint's schema: defaults, a custom check, a union, nested lists and a transform. */
const recordLike = z
  .object({
    domain: z.string(),
    ttl: intOrNull,
    meta: jsonObject,
    answers: z.array(z.object({ answer: z.array(z.union([z.string(), z.number()])), region: z.string().nullish() })).nullish(),
    serial: text,
  })
  .transform((r) => ({ domain: r.domain, ttl: r.ttl, meta: r.meta, serial: r.serial, rdata: (r.answers ?? []).map((a) => a.answer.map(String)) }));

const good = { domain: 'www.example.com', ttl: 300, answers: [{ answer: ['1.2.3.4'] }, { answer: [10, 'mail.example.com'], region: 'eu' }], serial: 7 };

describe('parseResponse', () => {
  it('gives what the schema itself parses, for every shape of a good answer', () => {
    for (const body of [good, { domain: 'a.example', ttl: null, meta: null, serial: null }, { domain: 'b.example', meta: { up: true } }]) {
      expect(parseResponse('ns1', recordLike, { body }, 'record')).toEqual(recordLike.parse(body));
    }
  });

  it('refuses a bad answer with the issue the schema itself reports', () => {
    for (const body of [{ ...good, ttl: '300' }, { ...good, answers: [{ answer: [true] }] }, { ...good, meta: [1] }, null, []]) {
      const issue = recordLike.safeParse(body).error!.issues[0]!;
      const where = `${issue.path.join('.') || '(root)'}: ${issue.message}`;
      let thrown: unknown;
      try {
        parseResponse('ns1', recordLike, { body }, 'record');
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(UpstreamError);
      expect(thrown).toMatchObject({ code: 'UPSTREAM_ERROR', status: 200, message: `ns1 sent an unexpected record (${where})` });
    }
  });

  it('compiles each schema once and parses each answer once, frozen for every caller that shares it', () => {
    expect(compiledSchema(recordLike)).toBe(compiledSchema(recordLike));
    const response = { body: structuredClone(good) };
    const first = parseResponse('ns1', recordLike, response, 'record');
    expect(parseResponse('ns1', recordLike, response, 'record')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.rdata[1])).toBe(true);
  });
});
