import type { RedisBudget, WindowCount, WindowCounterStore } from '#cache';
import type { WindowLimit } from '../config/rate-limit-config.js';

/** The most calls one lease takes from the shared counter at once, whatever the limit. */
export const MAX_LEASE = 100;

/** Leases held at once before all are dropped (their unspent calls are lost, as at a window's end). */
const MAX_LEASED_KEYS = 10_000;

/** Calls this instance has taken from a window's shared budget and not spent yet. */
interface Lease {
  left: number;
  endsAt: number;
  /** The shared counter gave less than asked: the window's budget is gone for every instance. */
  exhausted: boolean;
  /** Set while the lease is being taken; callers for the same key wait for it. */
  taking?: Promise<void>;
}

/**
 * Spends one call from a fixed-window budget. The counter is shared (Redis) when it can be; when
 * it had to count on this instance alone, only `fallbackShare` of the limit is allowed here, so
 * N instances counting alone still stay near the one shared limit.
 *
 * With a shared counter and a large limit, calls are taken from Redis in leases of
 * `leaseShare` × limit (at most MAX_LEASE) and spent here without a round trip: at the default
 * 1% a 1000/s client budget costs Redis 100 increments a second instead of 1000. The price is
 * that calls leased but unspent when a window ends are lost, so with N instances up to N leases
 * of a window's budget may go unused. Limits whose lease would be a single call (the per-user
 * 1/s, small budgets) are counted one call at a time, exactly as without leasing.
 */
export class WindowBudget {
  // A plain Map: leased keys are client and client+interface budgets (a per-user limit is leased
  // only if configured at 200/s or more), so they are few, and an LRU's bookkeeping on every read
  // was ~1% of a cache hit. The cap guards such configurations.
  private readonly leases = new Map<string, Lease>();

  constructor(
    private readonly counter: WindowCounterStore,
    private readonly fallbackShare: number,
    private readonly leaseShare = 0,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Undefined when the call fits; otherwise the whole seconds until the window resets (≥ 1).
   * `redis` is the request's time for Redis: waits on the shared counter fit in what is left.
   */
  async spend(key: string, limit: WindowLimit, redis?: RedisBudget): Promise<number | undefined> {
    const lease = this.counter.kind === 'redis' ? Math.min(MAX_LEASE, Math.floor(limit.limit * this.leaseShare)) : 1;
    if (lease <= 1) return this.verdict(await this.counter.hit(key, limit.windowMs, 1, redis), limit);
    if (spentFromHeld(this.leases.get(key), this.now())) return undefined;
    return this.spendLeased(key, limit, lease, redis);
  }

  private verdict(hit: WindowCount, limit: WindowLimit): number | undefined {
    return hit.count <= this.allowed(hit, limit) ? undefined : retryAfterSeconds(hit.resetInMs);
  }

  private async spendLeased(
    key: string,
    limit: WindowLimit,
    size: number,
    redis: RedisBudget | undefined,
  ): Promise<number | undefined> {
    for (;;) {
      const lease = this.leases.get(key);
      const now = this.now();
      if (lease && lease.endsAt > now) {
        if (lease.taking) {
          // Another request's wait on Redis counts against this one's budget too; past it, this
          // call is counted as any other would be with Redis failing (locally).
          if (await waitedOut(lease.taking, redis))
            return this.verdict(await this.counter.hit(key, limit.windowMs, 1, redis), limit);
          continue;
        }
        if (spentFromHeld(lease, now)) return undefined;
        if (lease.exhausted) return retryAfterSeconds(lease.endsAt - now);
      }
      return this.takeLease(key, limit, size, redis);
    }
  }

  /**
   * One increment of `size` on the shared counter; what fits under the limit becomes this
   * instance's. The call that takes the lease spends from it before anyone waiting may.
   */
  private async takeLease(
    key: string,
    limit: WindowLimit,
    size: number,
    redis: RedisBudget | undefined,
  ): Promise<number | undefined> {
    let release!: () => void;
    const lease: Lease = {
      left: 0,
      endsAt: Infinity,
      exhausted: false,
      taking: new Promise((resolve) => (release = resolve)),
    };
    if (this.leases.size >= MAX_LEASED_KEYS && !this.leases.has(key)) this.leases.clear();
    this.leases.set(key, lease);
    try {
      const hit = await this.counter.hit(key, limit.windowMs, size, redis);
      const granted = Math.max(0, Math.min(size, this.allowed(hit, limit) - (hit.count - size)));
      lease.exhausted = granted < size;
      lease.endsAt = this.now() + hit.resetInMs;
      if (granted === 0) return retryAfterSeconds(hit.resetInMs);
      lease.left = granted - 1;
      return undefined;
    } catch (error) {
      this.leases.delete(key);
      throw error;
    } finally {
      lease.taking = undefined;
      release();
    }
  }

  private allowed(hit: WindowCount, limit: WindowLimit): number {
    return hit.fallback ? Math.max(1, Math.floor(limit.limit * this.fallbackShare)) : limit.limit;
  }
}

/** Spends one call from a lease that is held (taken, not expired) and not used up. */
function spentFromHeld(lease: Lease | undefined, now: number): boolean {
  if (!lease || lease.taking || lease.left <= 0 || lease.endsAt <= now) return false;
  lease.left--;
  return true;
}

/** Waits for `taking` within the budget: true when the budget ran out first. */
async function waitedOut(taking: Promise<void>, redis: RedisBudget | undefined): Promise<boolean> {
  if (!redis) {
    await taking;
    return false;
  }
  try {
    await redis.race(taking);
    return false;
  } catch {
    return true;
  }
}

function retryAfterSeconds(resetInMs: number): number {
  return Math.max(1, Math.ceil(resetInMs / 1000));
}
