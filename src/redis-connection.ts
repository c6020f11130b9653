import { Redis } from 'ioredis';

const COMMAND_TIMEOUT_MS = 500;
/** After a command timed out, how long Redis is taken as hung, and how often one command is let through to see. */
const HUNG_FOR_MS = 5_000;
const PROBE_EVERY_MS = 1_000;

/**
 * A connection for lookups a request must never wait on (rate budgets, cached responses): while Redis is
 * away its commands fail at once instead of queueing, and a slow answer counts as none. A Redis that keeps the
 * connection but stops answering (paused, overloaded, cut off without a reset) would cost every request the
 * command timeout, again and again: once a command has timed out, commands fail at once for a while, but for
 * one a second that finds out whether Redis answers again.
 */
export function failFastRedis(url: string, name: string): Redis {
  const client = new Redis(url, { connectionName: name, enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: COMMAND_TIMEOUT_MS });
  refuseWhileHung(client);
  return client;
}

/**
 * A connection whose commands may wait for Redis to come back (queued, retried `maxRetriesPerRequest` times), but
 * never for an answer past the command timeout: a hung Redis fails them as a gone one would, and, as with
 * `failFastRedis`, once one has timed out the others fail at once but for one probe a second.
 */
export function boundedRedis(url: string, name: string, maxRetriesPerRequest: number): Redis {
  const client = new Redis(url, { connectionName: name, maxRetriesPerRequest, commandTimeout: COMMAND_TIMEOUT_MS });
  refuseWhileHung(client);
  return client;
}

function refuseWhileHung(client: Redis): void {
  let hungUntil = 0;
  let probeAt = 0;
  const send = client.sendCommand.bind(client);
  client.sendCommand = (command, stream) => {
    const now = Date.now();
    if (now < hungUntil) {
      if (now < probeAt) {
        command.reject(new Error('Redis is not answering; not asked'));
        return command.promise;
      }
      probeAt = now + PROBE_EVERY_MS;
    }
    const sent = send(command, stream);
    command.promise.then(
      () => {
        hungUntil = 0;
      },
      (error: unknown) => {
        if (!(error instanceof Error) || error.message !== 'Command timed out') return;
        hungUntil = Date.now() + HUNG_FOR_MS;
        probeAt = Date.now() + PROBE_EVERY_MS;
      },
    );
    return sent;
  };
}

/** Quits cleanly when connected; a connection still trying to reach Redis is simply dropped. */
export async function disconnectRedis(client: Redis): Promise<void> {
  if (client.status !== 'ready') {
    client.disconnect();
    return;
  }
  await client.quit().catch(() => client.disconnect());
}

/** A failing Redis is reported at most this often, however many lookups fall back meanwhile. */
const REPORT_EVERY_MS = 30_000;

/** Reports why Redis could not be used, once per 30 s of an outage rather than once per lookup. */
export function outageReporter(report: (error: string) => void): (error: unknown) => void {
  let reportedAt = -Infinity;
  return (error) => {
    if (Date.now() - reportedAt < REPORT_EVERY_MS) return;
    reportedAt = Date.now();
    report(error instanceof Error ? error.message : String(error));
  };
}
