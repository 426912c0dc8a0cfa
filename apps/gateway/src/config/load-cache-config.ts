import type { RedisTlsOptions } from '#cache';
import { ALL_ENTRIES, type CatalogEntry } from '#msdk';
import type { ProblemList } from './config-error.js';
import { asArray, asObject, flag, int, num, str, type Json } from './config-readers.js';
import type { Env } from './env-source.js';
import type { CacheConfig, InterfaceCacheOverride } from './cache-config.js';
import { loadRedisTls } from './load-tls-config.js';

/** Past a minute it is no longer "slow": MSDK's own deadline is seconds. */
const MAX_STALE_IF_SLOW_MS = 60_000;

const CACHEABLE = new Set(ALL_ENTRIES.filter((e: CatalogEntry) => e.cache.kind !== 'none').map((e) => e.id));

/** `cache` section: TTLs, stale window, per-interface overrides; Redis from REDIS_URL or config. */
export function loadCacheConfig(o: Json, env: Env, problems: ProblemList): CacheConfig {
  const commandTimeoutMs = int(o, 'redisCommandTimeoutMs', 'cache', problems, 50, 1, 10_000);
  const keyPrefix = typeof o.redisKeyPrefix === 'string' ? o.redisKeyPrefix : undefined;
  const url = redisUrl(env.REDIS_URL ?? o.redisUrl, problems);
  const sentinel =
    o.redisSentinel === undefined ? undefined : asObject(o.redisSentinel, 'cache.redisSentinel', problems);
  const cluster = o.redisCluster === undefined ? undefined : asObject(o.redisCluster, 'cache.redisCluster', problems);
  const hostPorts = (list: unknown, path: string) =>
    asArray(list, path, problems).map((n, i) => {
      const node = asObject(n, `${path}[${i}]`, problems);
      return {
        host: str(node, 'host', `${path}[${i}]`, problems),
        port: int(node, 'port', `${path}[${i}]`, problems, 6379, 1, 65535),
      };
    });
  const redis = sentinel
    ? {
        commandTimeoutMs,
        keyPrefix,
        sentinel: {
          name: str(sentinel, 'name', 'cache.redisSentinel', problems),
          sentinels: hostPorts(sentinel.sentinels, 'cache.redisSentinel.sentinels'),
        },
      }
    : cluster
      ? { commandTimeoutMs, keyPrefix, cluster: { nodes: hostPorts(cluster.nodes, 'cache.redisCluster.nodes') } }
      : url
        ? { commandTimeoutMs, keyPrefix, url }
        : undefined;

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

/** A redis:// or rediss:// URL (REDIS_URL or cache.redisUrl), or none. */
function redisUrl(value: unknown, problems: ProblemList): string | undefined {
  // An empty REDIS_URL= (as env files write "unset") means no Redis.
  if (value === undefined || value === '') return undefined;
  const ok = typeof value === 'string' && URL.canParse(value) && /^rediss?:$/.test(new URL(value).protocol);
  if (!ok) problems.add('cache.redisUrl (REDIS_URL) must be a redis:// or rediss:// URL');
  return ok ? value : undefined;
}

/** The Redis options with TLS when it is on (load-tls-config.ts decides). */
function withRedisTls<T extends object>(redis: T | undefined, tls: RedisTlsOptions | undefined): T | undefined {
  return redis === undefined || tls === undefined ? redis : { ...redis, tls };
}
