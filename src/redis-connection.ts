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
