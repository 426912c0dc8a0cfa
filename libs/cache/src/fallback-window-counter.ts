import { MemoryWindowCounter } from './memory-window-counter.js';
import type { WindowCount, WindowCounterStore } from './window-counter.js';

/**
 * A shared counter (Redis) with this process's memory standing in whenever it fails or is
 * slower than its command budget: counting goes on locally (marked `fallback`) rather than
 * stopping, so a Redis outage never means no limit. Each failed hit is reported.
 */
export class FallbackWindowCounter implements WindowCounterStore {
  get kind(): 'redis' | 'memory' {
    return this.primary.kind;
  }

  constructor(
    private readonly primary: WindowCounterStore,
    private readonly local: MemoryWindowCounter,
    private readonly onFailure: (error: unknown) => void = () => undefined,
  ) {}

  async hit(key: string, windowMs: number, amount = 1): Promise<WindowCount> {
    try {
      return await this.primary.hit(key, windowMs, amount);
    } catch (error) {
      this.onFailure(error);
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
