import { describe, expect, it } from 'vitest';
import { defineLazily } from '../src/lazy-property.js';

describe('defineLazily', () => {
  it('makes the value on the first read only, and not at all when nothing reads it', () => {
    let made = 0;
    const read = {} as { client?: { n: number } };
    const unread = {} as { client?: { n: number } };
    defineLazily(read, 'client', () => ({ n: ++made }));
    defineLazily(unread, 'client', () => ({ n: ++made }));
    expect(read.client).toEqual({ n: 1 });
    expect(read.client).toBe(read.client);
    expect(made).toBe(1);
  });

  it('is replaced by a write, before or after its first read', () => {
    const before = {} as { client?: string };
    const after = {} as { client?: string };
    defineLazily(before, 'client', () => 'made');
    defineLazily(after, 'client', () => 'made');
    before.client = 'written';
    expect(after.client).toBe('made');
    after.client = 'written';
    expect(before.client).toBe('written');
    expect(after.client).toBe('written');
  });

  it('is not copied by a spread, so copying an object makes nothing', () => {
    let made = 0;
    const context = { request: 'r' };
    defineLazily(context, 'client', () => ++made);
    expect({ ...context }).toEqual({ request: 'r' });
    expect(Object.keys(context)).toEqual(['request']);
    expect(made).toBe(0);
  });

  it('hands out a value that is itself a function as it is, made or written, without calling it', () => {
    const made = () => 'made';
    const written = () => 'written';
    const a = {} as { handler?: () => string };
    const b = {} as { handler?: () => string };
    defineLazily(a, 'handler', () => made);
    defineLazily(b, 'handler', () => made);
    b.handler = written;
    expect(a.handler).toBe(made);
    expect(a.handler).toBe(made);
    expect(b.handler).toBe(written);
  });

  it('hands the maker the object read, so one function serves every object, and an object made from one reads through it', () => {
    const nameOf = (holder: { name: string }) => `client of ${holder.name}`;
    const a = { name: 'a' } as { name: string; client?: string };
    const b = { name: 'b' } as { name: string; client?: string };
    defineLazily(a, 'client', nameOf);
    defineLazily(b, 'client', nameOf);
    const derived = Object.create(a, { signal: { value: 'own' } }) as typeof a;
    expect(derived.client).toBe('client of a');
    expect([a.client, b.client]).toEqual(['client of a', 'client of b']);
  });

  it('keeps each object its own value', () => {
    const a = {} as { client?: string };
    const b = {} as { client?: string };
    defineLazily(a, 'client', () => 'a');
    defineLazily(b, 'client', () => 'b');
    expect([a.client, b.client]).toEqual(['a', 'b']);
  });

  it('gives every object the same getter and setter for a name, so they share one hidden class', () => {
    const a = {};
    const b = {};
    defineLazily(a, 'client', () => 1);
    defineLazily(b, 'client', () => 2);
    const accessors = (object: object) => {
      const { get, set } = Object.getOwnPropertyDescriptor(object, 'client') as { get: unknown; set: unknown };
      return [get, set];
    };
    const [[getA, setA], [getB, setB]] = [accessors(a), accessors(b)];
    expect(getA).toBe(getB);
    expect(setA).toBe(setB);
    expect(getA).toBeTypeOf('function');
  });
});
