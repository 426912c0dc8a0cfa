import { describe, expect, it } from '@jest/globals';
import { ProblemList } from './config-error.js';
import { loadCacheConfig } from './load-cache-config.js';

describe('loadCacheConfig', () => {
  it('defaults: on, profiles 10 min, friend lists 5 min, ±10% jitter, 24 h stale window, memory store', () => {
    const problems = new ProblemList();
    const c = loadCacheConfig({}, {}, problems);
    expect(problems.problems).toEqual([]);
    expect([c.enabled, c.profileTtlMs, c.friendListTtlMs, c.ttlJitter, c.staleWindowMs, c.redis]).toEqual([
      true,
      600_000,
      300_000,
      0.1,
      86_400_000,
      undefined,
    ]);
  });

  it('uses REDIS_URL with the short command budget, and CACHE_ENABLED=0 switches it off', () => {
    const c = loadCacheConfig({}, { REDIS_URL: 'redis://r:6379', CACHE_ENABLED: '0' }, new ProblemList());
    expect(c.redis).toEqual({ commandTimeoutMs: 50, keyPrefix: undefined, url: 'redis://r:6379' });
    expect(c.enabled).toBe(false);
  });

  it('names an override for an interface that is not cacheable', () => {
    const problems = new ProblemList();
    loadCacheConfig({ interfaces: { 'profile.get_gift': { ttlMs: 1000 } } }, {}, problems);
    expect(problems.problems.join('\n')).toMatch(/cache\.interfaces\.profile\.get_gift: not a cacheable interface/);
  });

  it('stale-if-slow: 800 ms by default, set per interface, 0 turns it off, negative refused', () => {
    const problems = new ProblemList();
    const c = loadCacheConfig(
      { staleIfSlowMs: 500, interfaces: { 'relation.qqprofile': { staleIfSlowMs: 0 } } },
      {},
      problems,
    );
    expect(problems.problems).toEqual([]);
    expect([loadCacheConfig({}, {}, new ProblemList()).staleIfSlowMs, c.staleIfSlowMs]).toEqual([800, 500]);
    expect(c.interfaces['relation.qqprofile'].staleIfSlowMs).toBe(0);
    loadCacheConfig({ interfaces: { 'relation.qqprofile': { staleIfSlowMs: -1 } } }, {}, problems);
    expect(problems.problems.join('\n')).toMatch(/cache\.interfaces\.relation\.qqprofile\.staleIfSlowMs must be/);
  });
});
