import { Redis } from 'ioredis';

/**
 * A connection for lookups a request must never wait on (rate budgets, cached responses): while Redis is
 * away its commands fail at once instead of queueing, and a slow answer counts as none.
 */
export function failFastRedis(url: string, name: string): Redis {
  return new Redis(url, { connectionName: name, enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: 500 });
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
