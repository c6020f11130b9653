import type { Config } from '../config.js';
import { badInput } from '../errors/gateway-error.js';

/** A subscription's poll interval in ms, refused before any poll when outside the configured bounds. */
export function pollIntervalMs(bounds: Config['subscriptions'], seconds: number): number {
  const { minIntervalSeconds: min, maxIntervalSeconds: max } = bounds;
  if (!Number.isInteger(seconds) || seconds < min || seconds > max) {
    throw badInput('intervalSeconds', `must be a whole number of seconds from ${min} to ${max} (got ${seconds})`);
  }
  return seconds * 1000;
}
