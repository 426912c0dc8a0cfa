import { LRUCache } from 'lru-cache';
import type { CacheEntry, CacheStore } from './cache-store.js';

/** In-process LRU: the default when no Redis is configured (and the fallback for local runs). */
export class MemoryStore implements CacheStore {
  readonly kind = 'memory';
  private readonly lru: LRUCache<string, CacheEntry>;

  constructor(maxEntries: number) {
    this.lru = new LRUCache<string, CacheEntry>({ max: maxEntries, ttlAutopurge: false });
  }

  get(key: string): Promise<CacheEntry | undefined> {
    return Promise.resolve(this.lru.get(key));
  }

  set(key: string, entry: CacheEntry, keepMs: number): Promise<void> {
    this.lru.set(key, entry, { ttl: keepMs });
    return Promise.resolve();
  }

  async warmUp(): Promise<void> {}

  async ping(): Promise<void> {}

  close(): Promise<void> {
    this.lru.clear();
    return Promise.resolve();
  }
}
