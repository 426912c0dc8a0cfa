import type { CacheEntry, CacheStore } from './cache-store.js';
import { SingleFlight } from './single-flight.js';

/** How an answer was produced: `X-Cache` in HTTP terms. */
export type CacheResult = 'HIT' | 'MISS' | 'STALE' | 'BYPASS';

/** What the loader says about a fresh value (the cache itself knows nothing of its meaning). */
export interface Loaded {
  readonly value: Buffer;
  /** Degraded data: never stored; an existing copy, even expired, is preferred to it. */
  readonly degraded: boolean;
}

export interface ReadOptions {
  readonly ttlMs: number;
  /** Skip the read (Cache-Control: no-cache); the fresh value is still stored by the same rules. */
  readonly skipRead?: boolean;
  /** Whether a stale copy may stand in for this loader failure (outages yes, user errors no). */
  readonly staleCovers: (error: unknown) => boolean;
}

export interface CachedAnswer {
  readonly value: Buffer;
  readonly result: CacheResult;
  /** The answer is degraded data passed through, or a stale copy standing in for degraded data. */
  readonly degraded: boolean;
  /** Set when this request made the upstream call (not a cache answer, not a follower). */
  readonly loaded?: Loaded;
}

export interface CacheObserver {
  lookup(result: CacheResult): void;
  /** `connection`: the store's client lost its server (reported as it reconnects). */
  storeError(operation: 'get' | 'set' | 'connection', error: unknown): void;
}

export interface ReadThroughOptions {
  /** Entries live this long past their TTL so a copy exists to fall back to. */
  readonly staleWindowMs: number;
  /** ±fraction of the TTL, so entries written together do not expire together. */
  readonly ttlJitter: number;
  readonly now?: () => number;
  readonly random?: () => number;
}

type Flight = { loaded: Loaded; stored: boolean };

/**
 * Read-through with the degraded-data rule: fresh copies answer (HIT); misses load once per key
 * (single-flight) and store only non-degraded values (MISS); degraded values and covered failures
 * fall back to any existing copy (STALE). Store failures never reach the caller (BYPASS).
 */
export class ReadThroughCache {
  private readonly flights = new SingleFlight<Flight>();
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(
    private readonly store: CacheStore,
    private readonly options: ReadThroughOptions,
    private readonly observer: CacheObserver,
  ) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
  }

  async read(key: string, options: ReadOptions, load: () => Promise<Loaded>): Promise<CachedAnswer> {
    let storeFailed = false;
    const safeGet = async (): Promise<CacheEntry | undefined> => {
      try {
        return await this.store.get(key);
      } catch (error) {
        storeFailed = true;
        this.observer.storeError('get', error);
        return undefined;
      }
    };

    let copy = options.skipRead ? undefined : await safeGet();
    if (copy && copy.freshUntil > this.now()) return this.answer({ value: copy.value, result: 'HIT', degraded: false });

    let flight: Flight;
    let leader = false;
    try {
      flight = await this.flights.run(key, async () => {
        leader = true;
        const loaded = await load();
        const stored = loaded.degraded ? false : await this.safeSet(key, loaded.value, options.ttlMs);
        return { loaded, stored };
      });
    } catch (error) {
      if (!options.staleCovers(error)) throw error;
      copy ??= options.skipRead ? await safeGet() : undefined;
      if (!copy) throw error;
      return this.answer({ value: copy.value, result: 'STALE', degraded: false });
    }

    const { loaded } = flight;
    const mine = leader ? { loaded } : {};
    if (loaded.degraded) {
      copy ??= options.skipRead ? await safeGet() : undefined;
      if (copy) return this.answer({ value: copy.value, result: 'STALE', degraded: true, ...mine });
      return this.answer({ value: loaded.value, result: storeFailed ? 'BYPASS' : 'MISS', degraded: true, ...mine });
    }
    const bypassed = storeFailed || (leader && !flight.stored);
    return this.answer({ value: loaded.value, result: bypassed ? 'BYPASS' : 'MISS', degraded: false, ...mine });
  }

  private async safeSet(key: string, value: Buffer, ttlMs: number): Promise<boolean> {
    const jittered = ttlMs * (1 + this.options.ttlJitter * (2 * this.random() - 1));
    const storedAt = this.now();
    try {
      await this.store.set(
        key,
        { value, storedAt, freshUntil: storedAt + jittered },
        jittered + this.options.staleWindowMs,
      );
      return true;
    } catch (error) {
      this.observer.storeError('set', error);
      return false;
    }
  }

  private answer(a: CachedAnswer): CachedAnswer {
    this.observer.lookup(a.result);
    return a;
  }
}
