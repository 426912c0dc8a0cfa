import type { CacheEntry, CacheStore } from './cache-store.js';
import type { FleetRole, FleetSingleFlight } from './fleet-single-flight.js';
import { RedisSkippedError, type RedisBreaker, type RedisBreakerState } from './redis-breaker.js';
import type { RedisBudget } from './redis-budget.js';
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
  /**
   * With a copy (fresh ones answer at once anyway), answer it (STALE) once the load has taken
   * this long; the load goes on and stores its value when good. 0 or absent: wait for the load.
   */
  readonly staleIfSlowMs?: number;
  /** The request's time for Redis, shared with its other Redis work (one is made otherwise). */
  readonly redisBudget?: RedisBudget;
}

/**
 * Why an expired copy answered (STALE): the load was slower than `staleIfSlowMs` (`slow`), it
 * failed in a way a copy covers (`failed`), or it loaded degraded data (`degraded`).
 */
export const STALE_REASONS = ['slow', 'failed', 'degraded'] as const;
export type StaleReason = (typeof STALE_REASONS)[number];

export interface CachedAnswer {
  readonly value: Buffer;
  readonly result: CacheResult;
  /** Set on STALE answers only. */
  readonly staleReason?: StaleReason;
  /** The answer is degraded data passed through, or a stale copy standing in for degraded data. */
  readonly degraded: boolean;
  /** Set when this request made the upstream call (not a cache answer, not a follower). */
  readonly loaded?: Loaded;
}

export interface CacheObserver {
  lookup(result: CacheResult): void;
  /** `connection`: the store's client lost its server (reported as it reconnects). */
  storeError(operation: 'get' | 'set' | 'connection', error: unknown): void;
  /** The Redis breaker changed state (closed: asked; open: skipped; half-open: being probed). */
  breakerState?(state: RedisBreakerState): void;
  /** How a process's flight for a missed key got its answer across the fleet (one per flight). */
  fleetSingleFlight?(role: FleetRole): void;
}

export interface ReadThroughOptions {
  /** Entries live this long past their TTL so a copy exists to fall back to. */
  readonly staleWindowMs: number;
  /** ±fraction of the TTL, so entries written together do not expire together. */
  readonly ttlJitter: number;
  readonly now?: () => number;
  readonly random?: () => number;
}

/** The stale-if-slow timer beat the load: the copy answers. */
interface Slow {
  readonly slowCopy: CacheEntry;
}

/**
 * Read-through with the degraded-data rule: fresh copies answer (HIT); misses load once per key
 * (single-flight) and store only non-degraded values (MISS), after answering; degraded values and
 * covered failures fall back to any existing copy (STALE), as does a load slower than
 * `staleIfSlowMs` (it goes on, and stores its value when good). Store failures never reach the
 * caller (BYPASS); with a breaker, a failing Redis is skipped at once.
 */
export class ReadThroughCache {
  private readonly flights = new SingleFlight<Loaded>();
  /**
   * Values loaded and answered but not yet in the store: the write happens after the answer, so
   * a miss that arrives between the two is served from here instead of loading the key again.
   */
  private readonly writing = new Map<string, Buffer>();
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(
    private readonly store: CacheStore,
    private readonly options: ReadThroughOptions,
    private readonly observer: CacheObserver,
    private readonly breaker?: RedisBreaker,
    /** With a shared store: one load per key across every instance, not only in this process. */
    private readonly fleet?: FleetSingleFlight,
  ) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
  }

  async read(key: string, options: ReadOptions, load: () => Promise<Loaded>): Promise<CachedAnswer> {
    let storeFailed = false;
    const safeGet = () =>
      this.getReported(key, options.redisBudget, () => {
        storeFailed = true;
      });

    let copy = options.skipRead ? undefined : await safeGet();
    if (this.isFresh(copy)) return this.answer({ value: copy.value, result: 'HIT', degraded: false });
    const beingWritten = options.skipRead ? undefined : this.writing.get(key);
    if (beingWritten) return this.answer({ value: beingWritten, result: 'HIT', degraded: false });

    let leader = false;
    const loadHere = () => {
      leader = true;
      return load();
    };
    const flight = this.flights.run(key, async () => {
      // no-cache asks for the upstream's answer now, not for one another instance is finishing: it skips
      // the lease (this process's single-flight still gathers its own callers).
      if (this.fleet && !options.skipRead) {
        const answer = await this.fleet.run(key, loadHere, {
          budget: options.redisBudget,
          fresh: () => this.freshValue(key),
          store: (value) => this.write(key, value, options.ttlMs),
        });
        return answer.loaded;
      }
      const value = await loadHere();
      // The answer never waits for the write (nor for a slow Redis behind it).
      if (!value.degraded) void this.write(key, value.value, options.ttlMs);
      return value;
    });
    let outcome: Loaded | Slow;
    try {
      outcome = copy ? await orCopyIfSlow(flight, copy, options.staleIfSlowMs ?? 0) : await flight;
    } catch (error) {
      if (!options.staleCovers(error)) throw error;
      copy ??= options.skipRead ? await safeGet() : undefined;
      if (!copy) throw error;
      return this.answer({ value: copy.value, result: 'STALE', staleReason: 'failed', degraded: false });
    }
    if ('slowCopy' in outcome) {
      return this.answer({ value: outcome.slowCopy.value, result: 'STALE', staleReason: 'slow', degraded: false });
    }

    const loaded = outcome;
    const mine = leader ? { loaded } : {};
    if (loaded.degraded) {
      copy ??= options.skipRead ? await safeGet() : undefined;
      if (copy)
        return this.answer({ value: copy.value, result: 'STALE', staleReason: 'degraded', degraded: true, ...mine });
      return this.answer({ value: loaded.value, result: storeFailed ? 'BYPASS' : 'MISS', degraded: true, ...mine });
    }
    return this.answer({ value: loaded.value, result: storeFailed ? 'BYPASS' : 'MISS', degraded: false, ...mine });
  }

  /** Stores a loaded value, serving it to misses of the key (`writing`) until the store has it. */
  private async write(key: string, value: Buffer, ttlMs: number): Promise<void> {
    this.writing.set(key, value);
    try {
      await this.safeSet(key, value, ttlMs);
    } finally {
      if (this.writing.get(key) === value) this.writing.delete(key);
    }
  }

  /** A fresh value stored for `key` now, if any; undefined when the store cannot say. */
  private async freshValue(key: string): Promise<Buffer | undefined> {
    const entry = await this.getReported(key);
    return this.isFresh(entry) ? entry.value : undefined;
  }

  /**
   * The stored entry for `key`; undefined when there is none, or when the store cannot say (then
   * reported, and `failed` called). Never rejects.
   */
  private async getReported(key: string, budget?: RedisBudget, failed?: () => void): Promise<CacheEntry | undefined> {
    try {
      return await this.storeCall(() => this.store.get(key), budget);
    } catch (error) {
      failed?.();
      this.storeError('get', error);
      return undefined;
    }
  }

  private isFresh(entry: CacheEntry | undefined): entry is CacheEntry {
    return entry !== undefined && entry.freshUntil > this.now();
  }

  /** Never rejects: a failed write is reported (logged and counted), and the next read misses. */
  private async safeSet(key: string, value: Buffer, ttlMs: number): Promise<void> {
    const jittered = ttlMs * (1 + this.options.ttlJitter * (2 * this.random() - 1));
    const storedAt = this.now();
    const entry = { value, storedAt, freshUntil: storedAt + jittered };
    try {
      await this.storeCall(() => this.store.set(key, entry, jittered + this.options.staleWindowMs));
    } catch (error) {
      this.storeError('set', error);
    }
  }

  /** Through the breaker (and within the request's budget) when there is one. */
  private storeCall<T>(command: () => Promise<T>, budget?: RedisBudget): Promise<T> {
    return this.breaker ? this.breaker.run(command, budget) : command();
  }

  /** A skipped store is not a failure of it: the breaker's state says why. */
  private storeError(operation: 'get' | 'set', error: unknown): void {
    if (!(error instanceof RedisSkippedError)) this.observer.storeError(operation, error);
  }

  private answer(a: CachedAnswer): CachedAnswer {
    this.observer.lookup(a.result);
    return a;
  }
}

/**
 * The load's outcome, or the copy once `ms` pass first (0: wait for the load). The load goes on
 * either way; a failure after the copy answered has no one left to answer.
 */
async function orCopyIfSlow(flight: Promise<Loaded>, copy: CacheEntry, ms: number): Promise<Loaded | Slow> {
  if (ms <= 0) return flight;
  flight.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<Slow>((resolve) => {
    timer = setTimeout(() => resolve({ slowCopy: copy }), ms);
  });
  try {
    return await Promise.race([flight, slow]);
  } finally {
    clearTimeout(timer);
  }
}
