import type { CatalogEntry } from '#msdk';
import type { CacheConfig } from '../config/cache-config.js';

/** The TTL for a row, or undefined when its answers are not cached (by the row or by config). */
export function cacheTtlFor(entry: CatalogEntry, config: CacheConfig): number | undefined {
  if (!config.enabled || entry.cache.kind === 'none') return undefined;
  const override = config.interfaces[entry.id];
  if (override?.enabled === false) return undefined;
  return override?.ttlMs ?? (entry.cache.kind === 'profile' ? config.profileTtlMs : config.friendListTtlMs);
}

/** How long a cached read waits on MSDK before a copy answers instead (0: off). */
export function staleIfSlowFor(entry: CatalogEntry, config: CacheConfig): number {
  return config.interfaces[entry.id]?.staleIfSlowMs ?? config.staleIfSlowMs;
}
