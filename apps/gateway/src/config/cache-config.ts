import type { RedisStoreOptions } from '#cache';

export interface InterfaceCacheOverride {
  readonly enabled?: boolean;
  readonly ttlMs?: number;
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
  /** By catalog id (`relation.qqprofile`): switch off or change the TTL of one interface. */
  readonly interfaces: Readonly<Record<string, InterfaceCacheOverride>>;
}
