import { LRUCache } from 'lru-cache';
import type { WindowCount, WindowCounterStore } from './window-counter.js';

type Window = { count: number; endsAt: number };

/**
 * Per-process fixed-window counters. Bounded (least recently used keys go first) so that a
 * flood of distinct keys cannot grow memory; an evicted key simply starts a fresh window.
 */
export class MemoryWindowCounter implements WindowCounterStore {
  readonly kind = 'memory';
  private readonly windows: LRUCache<string, Window>;

  constructor(maxKeys = 100_000, private readonly now: () => number = Date.now) {
    this.windows = new LRUCache<string, Window>({ max: maxKeys });
  }

  async hit(key: string, windowMs: number, amount = 1): Promise<WindowCount> {
    return this.hitNow(key, windowMs, amount);
  }

  /** Synchronous form, for a fallback that must not wait on anything. */
  hitNow(key: string, windowMs: number, amount = 1): WindowCount {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || window.endsAt <= now) {
      window = { count: 0, endsAt: now + windowMs };
      this.windows.set(key, window);
    }
    window.count += amount;
    return { count: window.count, resetInMs: window.endsAt - now };
  }

  async warmUp(): Promise<void> {}

  async close(): Promise<void> {
    this.windows.clear();
  }
}
