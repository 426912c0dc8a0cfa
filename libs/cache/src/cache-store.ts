import type { StoreReadiness } from './redis-topology.js';

/** What the cache keeps per key: the value and until when it is fresh (it lives on, stale, after). */
export interface CacheEntry {
  readonly value: Buffer;
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
  /**
   * Leases (fleet single-flight): `acquireLease` takes `key` for `token` unless someone holds it
   * (SET NX PX); `renewLease` and `releaseLease` act only while `token` still holds it, so a holder
   * whose lease expired and was taken over never cuts short its successor's.
   */
  acquireLease(key: string, token: string, ms: number): Promise<boolean>;
  renewLease(key: string, token: string, ms: number): Promise<boolean>;
  releaseLease(key: string, token: string): Promise<void>;
  /** The token holding `key`, if any. */
  leaseHolder(key: string): Promise<string | undefined>;
  /** Waits (at most `timeoutMs`) for a first connection at startup; never throws. */
  warmUp(timeoutMs: number): Promise<void>;
  /** Resolves when the store answers; rejects with the reason otherwise. */
  ping(): Promise<void>;
  /**
   * For readiness, where a store has more to say than a PING (which masters serve its keys, the
   * last failover, keys left unserved); rejects when the store does not answer at all.
   */
  readiness?(): Promise<StoreReadiness>;
  close(): Promise<void>;
}

export const CACHE_STORE = Symbol('CACHE_STORE');

const HEADER_BYTES = 16;

/**
 * The compact form Redis keeps: storedAt and freshUntil (two doubles), then the value's bytes
 * as they are, so a hit is one GET of a Buffer and no JSON at all. A format change is one place
 * (and one key version).
 */
export function encodeEntry(entry: CacheEntry): Buffer {
  const bytes = Buffer.allocUnsafe(HEADER_BYTES + entry.value.length);
  bytes.writeDoubleBE(entry.storedAt, 0);
  bytes.writeDoubleBE(entry.freshUntil, 8);
  entry.value.copy(bytes, HEADER_BYTES);
  return bytes;
}

export function decodeEntry(bytes: Buffer): CacheEntry | undefined {
  if (bytes.length < HEADER_BYTES) return undefined;
  const storedAt = bytes.readDoubleBE(0);
  const freshUntil = bytes.readDoubleBE(8);
  if (!Number.isFinite(storedAt) || !Number.isFinite(freshUntil)) return undefined;
  return { storedAt, freshUntil, value: bytes.subarray(HEADER_BYTES) };
}
