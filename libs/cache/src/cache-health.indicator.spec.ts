import { describe, expect, it } from '@jest/globals';
import { HealthIndicatorService } from '@nestjs/terminus';
import { CacheHealthIndicator } from './cache-health.indicator.js';
import type { CacheStore } from './cache-store.js';
import { MemoryStore } from './memory-store.js';
import type { StoreReadiness } from './redis-topology.js';

/** A Redis-like store whose readiness answers what the test says (or never). */
function redisLike(readiness: () => Promise<StoreReadiness>): CacheStore {
  const memory = new MemoryStore(10);
  return {
    kind: 'redis',
    get: (key) => memory.get(key),
    set: (key, entry, keepMs) => memory.set(key, entry, keepMs),
    warmUp: () => Promise.resolve(),
    ping: () => Promise.resolve(),
    acquireLease: (key, token, ms) => memory.acquireLease(key, token, ms),
    renewLease: (key, token, ms) => memory.renewLease(key, token, ms),
    releaseLease: (key, token) => memory.releaseLease(key, token),
    leaseHolder: (key) => memory.leaseHolder(key),
    readiness,
    close: () => Promise.resolve(),
  };
}

const check = (store: CacheStore, timeoutMs = 500) =>
  new CacheHealthIndicator(store, new HealthIndicatorService()).check('cache', timeoutMs);

describe('CacheHealthIndicator', () => {
  it('up, with what the store says about itself (masters, last failover)', async () => {
    const detail = { mode: 'cluster', masters: ['10.0.0.1:7000'], slotsServed: 16384 };
    expect(await check(redisLike(() => Promise.resolve({ ready: true, detail })))).toEqual({
      cache: { status: 'up', store: 'redis', ...detail },
    });
  });

  it('down with the reason, and still the detail, when some keys are not served', async () => {
    const detail = { mode: 'cluster', masters: ['10.0.0.1:7000'], slotsServed: 10923 };
    const reason = '5461 of 16384 slots have no master answering';
    expect(await check(redisLike(() => Promise.resolve({ ready: false, reason, detail })))).toEqual({
      cache: { status: 'down', store: 'redis', reason, ...detail },
    });
  });

  it('down when the store does not answer in time', async () => {
    const result = await check(
      redisLike(() => new Promise<StoreReadiness>(() => undefined)),
      20,
    );
    expect(result).toEqual({ cache: { status: 'down', store: 'redis', reason: 'no answer within 20 ms' } });
  });

  it('a store with nothing more to say (memory) is asked for a PING only', async () => {
    expect(await check(new MemoryStore(10))).toEqual({ cache: { status: 'up', store: 'memory' } });
  });
});
