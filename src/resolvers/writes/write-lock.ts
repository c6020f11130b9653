import { Mutex } from 'async-mutex';

const locks = new Map<string, { mutex: Mutex; holders: number }>();

/**
 * Serialises the read-compare-write of one object within this process, so two callers holding the same
 * version cannot both pass the comparison. The providers have no conditional writes, so replicas of the
 * gateway are not serialised against each other.
 */
export async function withWriteLock<T>(key: string, action: () => Promise<T>): Promise<T> {
  const entry = locks.get(key) ?? { mutex: new Mutex(), holders: 0 };
  locks.set(key, entry);
  entry.holders += 1;
  try {
    return await entry.mutex.runExclusive(action);
  } finally {
    entry.holders -= 1;
    if (entry.holders === 0) locks.delete(key);
  }
}
