import type { Redis } from 'ioredis';
import type { Lease } from './coordination.js';

/**
 * Takes a free lease (`SET NX PX`), or extends it when this holder has it already; when another holder has it,
 * answers how many milliseconds it has left.
 */
const ACQUIRE = `if redis.call('set', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 elseif redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return {0, redis.call('pttl', KEYS[1])} end`;
/** Extends the lease only if this holder still has it. */
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
/** Gives the lease up only if this holder still has it, never another replica's. */
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/**
 * A lease in Redis: `SET key holder NX PX ttl` takes it, the holder renews it well before it expires,
 * and when the holder dies or stops renewing, it expires and the next replica to try takes it over.
 */
export class RedisLease implements Lease {
  freeInMs: number | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly holder: string,
    private readonly ttlMs: number,
  ) {}

  async acquire(): Promise<boolean> {
    const answer = await this.redis.eval(ACQUIRE, 1, this.key, this.holder, this.ttlMs);
    // A key without an expiry (PTTL -1) tells nothing of when it frees.
    this.freeInMs = Array.isArray(answer) && Number(answer[1]) >= 0 ? Number(answer[1]) : undefined;
    return Number(answer) === 1;
  }

  async renew(): Promise<boolean> {
    this.freeInMs = undefined;
    return Number(await this.redis.eval(RENEW, 1, this.key, this.holder, this.ttlMs)) === 1;
  }

  async release(): Promise<void> {
    await this.redis.eval(RELEASE, 1, this.key, this.holder);
  }
}
