/** What the cache keeps per key: the value and until when it is fresh (it lives on, stale, after). */
export interface CacheEntry {
  readonly value: string;
  readonly storedAt: number;
  readonly freshUntil: number;
}

/**
 * A key-value store with per-entry expiry. Implementations may throw on any failure; the
 * read-through policy turns failures into a bypass, never into an error for the caller.
 */
export interface CacheStore {
  readonly kind: 'redis' | 'memory';
  get(key: string): Promise<CacheEntry | undefined>;
  /** Keeps the entry for `keepMs` (its fresh TTL plus the stale window). */
  set(key: string, entry: CacheEntry, keepMs: number): Promise<void>;
  /** Waits (at most `timeoutMs`) for a first connection at startup; never throws. */
  warmUp(timeoutMs: number): Promise<void>;
  /** Resolves when the store answers; rejects with the reason otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const CACHE_STORE = Symbol('CACHE_STORE');

/** The compact form both stores keep, so a format change is one place (and one key version). */
export function encodeEntry(entry: CacheEntry): string {
  return JSON.stringify([entry.storedAt, entry.freshUntil, entry.value]);
}

export function decodeEntry(text: string): CacheEntry | undefined {
  try {
    const [storedAt, freshUntil, value] = JSON.parse(text) as [number, number, string];
    if (typeof value !== 'string' || typeof freshUntil !== 'number') return undefined;
    return { storedAt, freshUntil, value };
  } catch {
    return undefined;
  }
}
