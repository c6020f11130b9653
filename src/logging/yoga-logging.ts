import type { Logger } from '../logger.js';
import { classifyError, levelFor } from './classify-error.js';
import { wasReported } from './reported-errors.js';

type Level = 'debug' | 'info' | 'warn' | 'error';

/**
 * yoga's own log calls on the gateway's logger. An error yoga reports is logged once, on one line, at
 * the level its cause deserves (graphql-js would print a multi-line query excerpt); one that an access
 * line already carried is kept to `debug`.
 */
export function yogaLogging(logger: Logger): Record<Level, (...args: unknown[]) => void> {
  const log =
    (at: Level) =>
    (...args: unknown[]) => {
      // yoga logs at `debug` several times per request; below the logger's level that costs nothing.
      if ((at === 'debug' || at === 'info') && !logger.isLevelEnabled(at)) return;
      const error = args.find((a): a is Error => a instanceof Error);
      if (!error) return logger[at](args.map(String).join(' '));
      const classified = classifyError(error);
      const level = wasReported(error) ? 'debug' : at === 'error' ? levelFor([classified]) : at;
      logger[level](classified.detail ?? error.message.split('\n')[0] ?? error.name, { code: classified.code });
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
