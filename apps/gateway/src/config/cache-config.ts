import type { RedisStoreOptions } from '#cache';

export interface InterfaceCacheOverride {
  readonly enabled?: boolean;
  readonly ttlMs?: number;
  readonly staleIfSlowMs?: number;
}

export interface CacheConfig {
  /** Master switch; off means every answer is BYPASS. */
  readonly enabled: boolean;
  /** Redis when REDIS_URL (or sentinel/cluster) is configured; the in-memory LRU otherwise. */
  readonly redis?: RedisStoreOptions;
  readonly memoryMaxEntries: number;
  readonly profileTtlMs: number;
  readonly friendListTtlMs: number;
  readonly ttlJitter: number;
  readonly staleWindowMs: number;
  /**
   * A cached read whose copy exists answers from it (STALE) once MSDK has not answered within
   * this long; the call goes on and refreshes the entry. 0: wait for MSDK (up to its deadline).
   */
  readonly staleIfSlowMs: number;
  /** By catalog id (`relation.qqprofile`): switch off, or change the TTL or stale-if-slow of one interface. */
  readonly interfaces: Readonly<Record<string, InterfaceCacheOverride>>;
}
