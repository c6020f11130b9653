import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { badInput } from '../../src/errors/gateway-error.js';
import { classifyError, levelFor } from '../../src/logging/classify-error.js';
import { UpstreamError } from '../../src/providers/upstream-error.js';

const located = (original: Error) => new GraphQLError(original.message, { originalError: original });

describe('whose failure an access line reports', () => {
  it('a caller’s bad input and a key the provider refused are info; a provider outage is warn; a gateway fault is error, on one line', () => {
    const refused = classifyError(located(new UpstreamError({ provider: 'ns1', status: 401, code: 'UNAUTHENTICATED', message: 'Unauthorized' })));
    const down = classifyError(located(new UpstreamError({ provider: 'buddyns', status: 503, code: 'UPSTREAM_ERROR', message: 'down' })));
    const limited = classifyError(located(new UpstreamError({ provider: 'ns1', status: 429, code: 'RATE_LIMITED', message: 'slow down' })));
    const input = classifyError(located(badInput('name', 'not a domain')));
    const fault = classifyError(located(new TypeError('Cannot read properties of undefined\n    at resolve (zone.ts:1:1)')));

    expect(refused).toEqual({ code: 'UNAUTHENTICATED', blame: 'caller' });
    expect(input).toEqual({ code: 'BAD_USER_INPUT', blame: 'caller' });
    expect(down).toEqual({ code: 'UPSTREAM_ERROR', blame: 'provider' });
    expect(limited).toEqual({ code: 'RATE_LIMITED', blame: 'provider' });
    expect(fault).toEqual({ code: 'INTERNAL_SERVER_ERROR', blame: 'gateway', detail: 'TypeError: Cannot read properties of undefined' });

    expect(levelFor([refused, input])).toBe('info');
    expect(levelFor([input, down])).toBe('warn');
    expect(levelFor([down, fault])).toBe('error');
    expect(levelFor([])).toBe('info');
  });

  it('graphql-js’s own complaints about a request are the caller’s', () => {
    expect(classifyError(new GraphQLError('Cannot query field "nope" on type "Zone".'))).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', blame: 'caller' });
  });
});
