import {
  createRedisConnection,
  waitUntilReady,
  type RedisConnection,
  type RedisStoreOptions,
} from './redis-connection.js';
import type { WindowCount, WindowCounterStore } from './window-counter.js';

/**
 * INCRBY, and PEXPIRE when the key has no expiry yet (its first hit, or a key left without one),
 * in one atomic round trip. Answers the count and the window's remaining milliseconds. It touches
 * its one key only, so on a cluster it runs on that key's master; a script over several keys
 * would need them in one slot (a hash tag: `rl:{client}:a`, `rl:{client}:b`).
 */
const HIT_SCRIPT = `
local count = redis.call('INCRBY', KEYS[1], ARGV[2])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;

type WithHit = RedisConnection & {
  windowHit(key: string, windowMs: number, amount: number): Promise<[number, number]>;
};

/**
 * Fixed-window counters in Redis, so every gateway instance draws on one budget. Uses the same
 * fail-fast connection settings as the cache store: a slow or dead Redis throws within the
 * command budget instead of holding the request.
 */
export class RedisWindowCounter implements WindowCounterStore {
  readonly kind = 'redis';
  private readonly client: WithHit;

  constructor(options: RedisStoreOptions, onError: (error: Error) => void = () => undefined) {
    const client = createRedisConnection(options, onError);
    // defineCommand sends EVALSHA and falls back to EVAL once per connection (NOSCRIPT).
    client.defineCommand('windowHit', { numberOfKeys: 1, lua: HIT_SCRIPT });
    this.client = client as WithHit;
  }

  async hit(key: string, windowMs: number, amount = 1): Promise<WindowCount> {
    const [count, ttl] = await this.client.windowHit(key, Math.max(1, Math.round(windowMs)), amount);
    return { count: Number(count), resetInMs: Number(ttl) };
  }

  async warmUp(timeoutMs: number): Promise<void> {
    await waitUntilReady(this.client, timeoutMs);
  }

  close(): Promise<void> {
    this.client.disconnect();
    return Promise.resolve();
  }
}
