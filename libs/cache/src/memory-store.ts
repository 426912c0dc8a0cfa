import { LRUCache } from 'lru-cache';
import type { CacheEntry, CacheStore } from './cache-store.js';

/** In-process LRU: the default when no Redis is configured (and the fallback for local runs). */
export class MemoryStore implements CacheStore {
  readonly kind = 'memory';
  private readonly lru: LRUCache<string, CacheEntry>;
  /** Leases of this process alone (no fleet to share them with): token and expiry time. */
  private readonly leases = new Map<string, { token: string; until: number }>();

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

  acquireLease(key: string, token: string, ms: number): Promise<boolean> {
    if (this.heldBy(key) !== undefined) return Promise.resolve(false);
    this.leases.set(key, { token, until: Date.now() + ms });
    return Promise.resolve(true);
  }

  renewLease(key: string, token: string, ms: number): Promise<boolean> {
    if (this.heldBy(key) !== token) return Promise.resolve(false);
    this.leases.set(key, { token, until: Date.now() + ms });
    return Promise.resolve(true);
  }

  releaseLease(key: string, token: string): Promise<void> {
    if (this.heldBy(key) === token) this.leases.delete(key);
    return Promise.resolve();
  }

  leaseHolder(key: string): Promise<string | undefined> {
    return Promise.resolve(this.heldBy(key));
  }

  private heldBy(key: string): string | undefined {
    const lease = this.leases.get(key);
    if (lease === undefined) return undefined;
    if (lease.until > Date.now()) return lease.token;
    this.leases.delete(key); // lapsed
    return undefined;
  }

  async warmUp(): Promise<void> {}

  async ping(): Promise<void> {}

  close(): Promise<void> {
    this.lru.clear();
    this.leases.clear();
    return Promise.resolve();
  }
}
