import { describe, expect, it } from 'vitest';
import { createLogger, type Logger } from '../../src/logger.js';
import { execute, useHarness } from '../support/harness.js';

const h = useHarness();

/** A logger at `warn` that counts the request loggers made from it: an access line at `info` is not written. */
function counting(): { logger: Logger; children: () => number } {
  const base = createLogger('warn', { write: () => undefined });
  let children = 0;
  return { logger: { ...base, child: (...args) => (children++, base.child(...args)) }, children: () => children };
}

describe('the request logger', () => {
  it('is not made for an operation that logs nothing of its own, and is for one that does', async () => {
    const { logger, children } = counting();
    const gateway = h.gatewayWith({}, undefined, { logger });
    for (let i = 0; i < 3; i++) expect((await execute(gateway, '{ __typename }')).data).toEqual({ __typename: 'Query' });
    expect(children()).toBe(0);
    // A provider failure is logged with the request's id, through the request's logger.
    await h.ns1Control.addFault({ path: '/zones', status: 500, message: 'boom' });
    await execute(gateway, '{ zones { name } }');
    expect(children()).toBeGreaterThan(0);
  });
});
