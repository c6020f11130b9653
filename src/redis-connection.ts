import { Command, Redis } from 'ioredis';

const COMMAND_TIMEOUT_MS = 500;
/** After a command timed out, how often a PING asks whether Redis answers again. */
const PROBE_EVERY_MS = 1_000;

/**
 * A connection for lookups a request must never wait on (rate budgets, cached responses): while Redis is
 * away its commands fail at once instead of queueing, and a slow answer counts as none. A Redis that keeps the
 * connection but stops answering (paused, overloaded, cut off without a reset) would cost every request the
 * command timeout, again and again: once a command has timed out, every connection of the process to that Redis
 * fails its commands at once, and a PING a second in the background finds out when Redis answers again.
 */
export function failFastRedis(url: string, name: string): Redis {
  const client = new Redis(url, { connectionName: name, enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: COMMAND_TIMEOUT_MS });
  refuseWhileHung(client, url);
  return client;
}

/**
 * A connection whose commands may wait for Redis to come back (queued, retried `maxRetriesPerRequest` times), but
 * never for an answer past the command timeout: a hung Redis fails them as a gone one would, and, as with
 * `failFastRedis`, once one has timed out they fail at once until a background PING is answered.
 */
export function boundedRedis(url: string, name: string, maxRetriesPerRequest: number): Redis {
  const client = new Redis(url, { connectionName: name, maxRetriesPerRequest, commandTimeout: COMMAND_TIMEOUT_MS });
  refuseWhileHung(client, url);
  return client;
}

/** The Redis servers of this process that have stopped answering, by URL, each with the PING that watches it. */
const hung = new Map<string, { timer: NodeJS.Timeout; by: Redis }>();

/** Whether a Redis command failed for want of an answer, rather than being refused or failing outright. */
const timedOut = (error: unknown): boolean => error instanceof Error && error.message === 'Command timed out';

function endWatch(url: string): void {
  const watch = hung.get(url);
  if (!watch) return;
  clearInterval(watch.timer);
  hung.delete(url);
}

function watchUntilAnswered(url: string, by: Redis, ping: () => Promise<unknown>): void {
  if (hung.has(url)) return;
  const timer = setInterval(() => {
    ping().then(
      () => {
        if (hung.get(url)?.timer === timer) endWatch(url);
      },
      () => undefined,
    );
  }, PROBE_EVERY_MS);
  timer.unref();
  hung.set(url, { timer, by });
}

function refuseWhileHung(client: Redis, url: string): void {
  const send = client.sendCommand.bind(client);
  const ping = (): Promise<unknown> => {
    const command = new Command('ping', []);
    void send(command);
    return command.promise;
  };
  client.sendCommand = (command, stream) => {
    // Only a connection that is up skips Redis: one (re)connecting must send its own handshake and ready check.
    if (client.status === 'ready' && hung.has(url)) {
      command.reject(new Error('Redis is not answering; not asked'));
      return command.promise;
    }
    const sent = send(command, stream);
    command.promise.then(undefined, (error: unknown) => {
      if (timedOut(error)) watchUntilAnswered(url, client, ping);
    });
    return sent;
  };
  // A connection that has just passed its ready check has heard Redis answer.
  client.on('ready', () => endWatch(url));
  // A connection closed while it watched: the next timeout of another starts a watch of its own.
  client.once('end', () => {
    if (hung.get(url)?.by === client) endWatch(url);
  });
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
