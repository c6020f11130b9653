import { afterEach, beforeEach } from 'vitest';
import type { Gateway } from '../../../src/yoga.js';
import { useHarness, type Harness } from '../../support/harness.js';
import { gatewayOn } from './gateway.js';
import { ManualScheduler } from './manual-scheduler.js';

/** What each test of a file gets: the sandboxes, and a fresh gateway whose pollers run on a hand-driven clock. */
export interface ManualClockSetup {
  readonly harness: Harness;
  readonly scheduler: ManualScheduler;
  readonly gateway: Gateway;
}

export interface ManualClockOptions {
  /** Where the pollers' clock starts (ms since the epoch). */
  start?: number;
  /** Runs after the sandboxes' reset, before the gateway is built: e.g. freezing a sandbox clock. */
  prepare?(harness: Harness): Promise<void>;
}

/** Registers the file's hooks: sandboxes for the file, reset before each test, a gateway per test. */
export function manualClockSetup(options: ManualClockOptions = {}): ManualClockSetup {
  const setup = { harness: useHarness() } as { harness: Harness; scheduler: ManualScheduler; gateway: Gateway };
  beforeEach(async () => {
    await options.prepare?.(setup.harness);
    setup.scheduler = new ManualScheduler(options.start);
    setup.gateway = gatewayOn(setup.harness, { scheduler: setup.scheduler });
  });
  afterEach(() => setup.gateway.close());
  return setup;
}
