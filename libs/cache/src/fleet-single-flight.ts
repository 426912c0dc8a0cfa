import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CacheStore } from './cache-store.js';
import { decodeFleetResult, encodeFleetResult, type FleetOutcome, type FleetResult } from './fleet-result.js';
import type { Loaded } from './read-through-cache.js';
import { RedisSkippedError } from './redis-breaker.js';
import type { RedisBudget } from './redis-budget.js';

/**
 * How one process's flight for a key got its answer: it held the lease and loaded (`leader`),
 * another instance's holder answered it (`waiter`), it took over an expired lease and loaded
 * (`takeover`), or Redis could not be asked and it loaded on its own (`local`).
 */
export type FleetRole = 'leader' | 'waiter' | 'takeover' | 'local';

export interface FleetSingleFlightOptions {
  /** A lease not renewed for this long expires: its holder is taken for dead and a waiter takes over. */
  readonly leaseMs: number;
  /** The most a waiter waits for the holder's answer: the request's own deadline. */
  readonly waitMs: number;
  /** Between two looks at the holder's lease and result. */
  readonly pollMs: number;
}

/**
 * How failures cross instances. The cache knows nothing of the loader's errors, so the app says
 * which ones can travel (as text) and how to rebuild them.
 */
export interface FleetFailureCodec {
  /** The failure as text, or undefined when it cannot travel (waiters then take over the lease). */
  encode(error: unknown): string | undefined;
  decode(text: string): Error;
  /** What a waiter throws when the holder has not answered within its `waitMs`. */
  waitExpired(waitMs: number): Error;
}

/**
 * Looks that failed in a row (the lease's Redis timing out or refusing: a master failing over)
 * before a waiter stops waiting and loads on its own: one failure may be a slow answer, two mean
 * that part of Redis is away, and a holder that cannot publish there would keep waiters waiting
 * until its lease lapsed.
 */
const FAILED_LOOKS_BEFORE_LOCAL = 2;

/** Between a holder's tries to publish its outcome while Redis refuses (a failover). */
const PUBLISH_RETRY_MS = 100;

/** The holder did not answer within the waiter's budget (the default codec's error). */
export class FleetWaitExpiredError extends Error {
  constructor(readonly waitMs: number) {
    super(`The instance loading this key did not answer within ${waitMs} ms`);
    this.name = 'FleetWaitExpiredError';
  }
}

/** Failures stay in their process: waiters take over a lease released without an answer. */
export const LOCAL_FAILURES: FleetFailureCodec = {
  encode: () => undefined,
  decode: (text) => new Error(text),
  waitExpired: (waitMs) => new FleetWaitExpiredError(waitMs),
};

/** A Redis command through the breaker (within `budget`, else one of its own). */
export type RedisRunner = <T>(command: () => Promise<T>, budget?: RedisBudget) => Promise<T>;

export interface FleetHooks {
  /** The request's Redis budget, for taking the lease (waiting uses budgets of its own). */
  readonly budget?: RedisBudget;
  /**
   * A fresh value in the cache now, if any (a holder may have stored it since our read missed);
   * never rejects.
   */
  readonly fresh: () => Promise<Buffer | undefined>;
  /** Stores a good value; never rejects. The holder publishes only after it, so waiters' next reads hit. */
  readonly store: (value: Buffer) => Promise<void>;
}

export interface FleetAnswer {
  readonly loaded: Loaded;
  readonly role: FleetRole;
}

/**
 * One load per key across every instance sharing a Redis: the first to take the key's lease
 * (SET NX PX) loads, renewing the lease while it runs, stores a good value, publishes the outcome
 * under `<key>:result` with its token, then releases the lease. The others poll the lease and the
 * result until the outcome they waited for appears, the lease goes without one (a dead holder, or
 * a failure that cannot travel: one of them takes over), or their wait budget runs out. Each
 * command touches one key, so it is Redis Cluster safe without hash tags. When Redis cannot be
 * asked, the process loads on its own (`local`): its in-process single-flight still holds.
 */
export class FleetSingleFlight {
  constructor(
    private readonly store: CacheStore,
    private readonly options: FleetSingleFlightOptions,
    private readonly failures: FleetFailureCodec,
    private readonly redis: RedisRunner,
    private readonly observe: (role: FleetRole) => void,
    private readonly now: () => number = Date.now,
  ) {}

  async run(key: string, load: () => Promise<Loaded>, hooks: FleetHooks): Promise<FleetAnswer> {
    const flight = new Flight(key, randomBytes(16).toString('hex'));
    // Our read missed, but a holder may have stored its value and let go since: the cache is read
    // again with the SET NX, in the same round trip (sent in the same turn, auto-pipelined).
    const acquiring = this.redis(
      () => this.store.acquireLease(flight.lease, flight.token, this.options.leaseMs),
      hooks.budget,
    );
    const storedSince = hooks.fresh();
    let acquired: boolean;
    try {
      acquired = await acquiring;
    } catch {
      return this.local(load, hooks);
    }
    const stored = await storedSince;
    if (stored) {
      if (acquired) void this.release(flight);
      return this.stored(stored);
    }
    return acquired ? this.lead(flight, 'leader', load, hooks) : this.wait(flight, load, hooks);
  }

  private async wait(flight: Flight, load: () => Promise<Loaded>, hooks: FleetHooks): Promise<FleetAnswer> {
    const started = this.now();
    const seen = new Set<string>();
    let failedLooks = 0;
    for (;;) {
      if (this.now() - started >= this.options.waitMs) {
        this.observe('waiter');
        throw this.failures.waitExpired(this.options.waitMs);
      }
      let look: FleetResult | Look;
      try {
        look = await this.look(flight, seen);
        failedLooks = 0;
      } catch (error) {
        // Redis skipped (breaker open), or this key's part of Redis away: wait no more, load here.
        // A single slow answer is only retried.
        if (error instanceof RedisSkippedError || ++failedLooks >= FAILED_LOOKS_BEFORE_LOCAL) {
          return this.local(load, hooks);
        }
        look = 'wait';
      }
      // A waiter whose lease ended without an answer it may take (a dead holder, a failure that
      // cannot travel) takes over, unless a value was stored meanwhile.
      if (look === 'lead') {
        const stored = await hooks.fresh();
        if (!stored) return this.lead(flight, 'takeover', load, hooks);
        void this.release(flight);
        return this.stored(stored);
      }
      if (look === 'again') continue; // someone else took the lease: wait on them
      if (look !== 'wait') return this.relay(look.outcome);
      const left = this.options.waitMs - (this.now() - started);
      await sleep(Math.max(1, Math.min(this.options.pollMs, left)));
    }
  }

  /**
   * One look at the flight: its published result (one this waiter may take), a free lease it
   * just took (`lead`), a lease someone else just took (`again`), or a holder still at work.
   */
  private async look(flight: Flight, seen: Set<string>): Promise<FleetResult | Look> {
    // Lease first, result second: the holder publishes before it releases, so a lease seen gone
    // means its result (if any) is already readable.
    const holder = await this.redis(() => this.store.leaseHolder(flight.lease));
    if (holder) seen.add(holder);
    const result = await this.readResult(flight);
    // A lease gone before we saw any holder: the flight that beat our SET NX just ended.
    if (result && (seen.has(result.token) || (!holder && seen.size === 0))) return result;
    if (holder) return 'wait';
    const acquired = await this.redis(() => this.store.acquireLease(flight.lease, flight.token, this.options.leaseMs));
    return acquired ? 'lead' : 'again';
  }

  private async lead(
    flight: Flight,
    role: 'leader' | 'takeover',
    load: () => Promise<Loaded>,
    hooks: FleetHooks,
  ): Promise<FleetAnswer> {
    this.observe(role);
    // Renewed while the load runs, so a slow upstream never makes a live holder look dead.
    const renewal = setInterval(() => {
      this.redis(() => this.store.renewLease(flight.lease, flight.token, this.options.leaseMs)).catch(() => undefined);
    }, this.options.leaseMs / 3);
    renewal.unref();
    try {
      const loaded = await load();
      // The answer never waits for the store, the publication or the release.
      void this.publish(flight, { kind: 'value', value: loaded.value, degraded: loaded.degraded }, hooks);
      return { loaded, role };
    } catch (error) {
      const failure = this.failures.encode(error);
      void (failure === undefined ? this.release(flight) : this.publish(flight, { kind: 'failure', failure }, hooks));
      throw error;
    } finally {
      clearInterval(renewal);
    }
  }

  private async local(load: () => Promise<Loaded>, hooks: FleetHooks): Promise<FleetAnswer> {
    this.observe('local');
    const loaded = await load();
    if (!loaded.degraded) void hooks.store(loaded.value);
    return { loaded, role: 'local' };
  }

  /** Good values are stored first; then the outcome is published; then the lease is let go. */
  private async publish(flight: Flight, outcome: FleetOutcome, hooks: FleetHooks): Promise<void> {
    if (outcome.kind === 'value' && !outcome.degraded) await hooks.store(outcome.value);
    const bytes = encodeFleetResult({ token: flight.token, outcome });
    // It outlives the lease's own span, so every waiter sees it on its next look.
    const keepMs = this.options.leaseMs;
    // While Redis refuses (a master failing over), tried again until the lease would have lapsed
    // anyway: waiters that came after the failover learn the outcome as soon as Redis is back,
    // instead of waiting out a lease nobody renews. Given up, a waiter takes over the lapsed lease.
    const giveUpAt = this.now() + this.options.leaseMs;
    for (;;) {
      try {
        const now = this.now();
        await this.redis(() => this.store.set(flight.result, { value: bytes, storedAt: now, freshUntil: now }, keepMs));
        await this.redis(() => this.store.releaseLease(flight.lease, flight.token));
        return;
      } catch {
        if (this.now() + PUBLISH_RETRY_MS >= giveUpAt) return;
        await sleep(PUBLISH_RETRY_MS);
      }
    }
  }

  private async release(flight: Flight): Promise<void> {
    try {
      await this.redis(() => this.store.releaseLease(flight.lease, flight.token));
    } catch {
      // The lease expires by itself.
    }
  }

  private async readResult(flight: Flight): Promise<FleetResult | undefined> {
    const entry = await this.redis(() => this.store.get(flight.result));
    return entry ? decodeFleetResult(entry.value) : undefined;
  }

  /** A good value another flight stored: no load here. */
  private stored(value: Buffer): FleetAnswer {
    this.observe('waiter');
    return { loaded: { value, degraded: false }, role: 'waiter' };
  }

  private relay(outcome: FleetOutcome): FleetAnswer {
    this.observe('waiter');
    if (outcome.kind === 'failure') throw this.failures.decode(outcome.failure);
    return { loaded: { value: outcome.value, degraded: outcome.degraded }, role: 'waiter' };
  }
}

type Look = 'lead' | 'again' | 'wait';

/** One process's flight for a key: its lease token and the two keys it touches. */
class Flight {
  readonly lease: string;
  readonly result: string;
  constructor(
    key: string,
    readonly token: string,
  ) {
    this.lease = `${key}:lease`;
    this.result = `${key}:result`;
  }
}
