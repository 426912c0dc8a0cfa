import type { RedisTlsOptions } from '#cache';
import { ALL_ENTRIES, type CatalogEntry } from '#msdk';
import type { ProblemList } from './config-error.js';
import { asObject, flag, int, num, type Json } from './config-readers.js';
import type { Env } from './env-source.js';
import type { CacheConfig, InterfaceCacheOverride } from './cache-config.js';
import { loadRedisConfig } from './load-redis-config.js';
import { loadRedisTls } from './load-tls-config.js';

/** Past a minute it is no longer "slow": MSDK's own deadline is seconds. */
const MAX_STALE_IF_SLOW_MS = 60_000;

const CACHEABLE = new Set(ALL_ENTRIES.filter((e: CatalogEntry) => e.cache.kind !== 'none').map((e) => e.id));

/** `cache` section: TTLs, stale window, per-interface overrides; Redis from REDIS_URL or config (loadRedisConfig). */
export function loadCacheConfig(o: Json, env: Env, problems: ProblemList): CacheConfig {
  const redis = loadRedisConfig(o, env, problems);

  const interfaces: Record<string, InterfaceCacheOverride> = {};
  for (const [id, raw] of Object.entries(asObject(o.interfaces, 'cache.interfaces', problems))) {
    const path = `cache.interfaces.${id}`;
    if (!CACHEABLE.has(id)) problems.add(`${path}: not a cacheable interface (one of ${[...CACHEABLE].join(', ')})`);
    const v = asObject(raw, path, problems);
    interfaces[id] = {
      enabled: v.enabled === undefined ? undefined : flag(undefined, '', v.enabled, `${path}.enabled`, problems, true),
      ttlMs: v.ttlMs === undefined ? undefined : int(v, 'ttlMs', path, problems, 0, 1, 86_400_000),
      staleIfSlowMs:
        v.staleIfSlowMs === undefined ? undefined : int(v, 'staleIfSlowMs', path, problems, 0, 0, MAX_STALE_IF_SLOW_MS),
    };
  }

  return {
    enabled: flag(env.CACHE_ENABLED, 'CACHE_ENABLED', o.enabled, 'cache.enabled', problems, true),
    redis: withRedisTls(redis, loadRedisTls(o, env, redis, problems)),
    memoryMaxEntries: int(o, 'memoryMaxEntries', 'cache', problems, 50_000, 1, 10_000_000),
    profileTtlMs: int(o, 'profileTtlMs', 'cache', problems, 10 * 60_000, 1, 86_400_000),
    friendListTtlMs: int(o, 'friendListTtlMs', 'cache', problems, 5 * 60_000, 1, 86_400_000),
    ttlJitter: num(o, 'ttlJitter', 'cache', problems, 0.1, 0, 0.5),
    staleWindowMs: int(o, 'staleWindowMs', 'cache', problems, 24 * 3_600_000, 0, 30 * 86_400_000),
    staleIfSlowMs: int(o, 'staleIfSlowMs', 'cache', problems, 800, 0, MAX_STALE_IF_SLOW_MS),
    interfaces,
  };
}

/** The Redis options with TLS when it is on (load-tls-config.ts decides). */
function withRedisTls<T extends object>(redis: T | undefined, tls: RedisTlsOptions | undefined): T | undefined {
  return redis === undefined || tls === undefined ? redis : { ...redis, tls };
}
