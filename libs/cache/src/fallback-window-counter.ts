import { MemoryWindowCounter } from './memory-window-counter.js';
import { RedisSkippedError, type RedisBreaker } from './redis-breaker.js';
import type { RedisBudget } from './redis-budget.js';
import type { WindowCount, WindowCounterStore } from './window-counter.js';

/**
 * A shared counter (Redis) with this process's memory standing in whenever it fails or is
 * slower than the request's Redis budget: counting goes on locally (marked `fallback`) rather
 * than stopping, so a Redis outage never means no limit. Each failed hit is reported. With a
 * breaker, a Redis that keeps failing is skipped: counting is local at once, without a wait.
 */
export class FallbackWindowCounter implements WindowCounterStore {
  get kind(): 'redis' | 'memory' {
    return this.primary.kind;
  }

  constructor(
    private readonly primary: WindowCounterStore,
    private readonly local: MemoryWindowCounter,
    private readonly onFailure: (error: unknown) => void = () => undefined,
    private readonly breaker?: RedisBreaker,
  ) {}

  async hit(key: string, windowMs: number, amount = 1, budget?: RedisBudget): Promise<WindowCount> {
    try {
      const shared = () => this.primary.hit(key, windowMs, amount);
      return await (this.breaker ? this.breaker.run(shared, budget) : budget ? budget.race(shared()) : shared());
    } catch (error) {
      if (!(error instanceof RedisSkippedError)) this.onFailure(error);
      return { ...this.local.hitNow(key, windowMs, amount), fallback: true };
    }
  }

  warmUp(timeoutMs: number): Promise<void> {
    return this.primary.warmUp(timeoutMs);
  }

  async close(): Promise<void> {
    await Promise.all([this.primary.close(), this.local.close()]);
  }
}
