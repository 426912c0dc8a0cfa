import type { WindowCount, WindowCounterStore } from './window-counter.js';

type Window = { count: number; endsAt: number };

/**
 * Per-process fixed-window counters, bounded: when `maxKeys` windows are held, the one opened
 * longest ago (the nearest to running out, so the least to lose) is forgotten first, and an
 * evicted key simply starts a fresh window. A plain Map kept in the order windows opened: no
 * per-hit bookkeeping (an LRU cache here cost ~3 µs of a request under load), and a window is
 * reused, not reallocated, when it rolls over.
 */
export class MemoryWindowCounter implements WindowCounterStore {
  readonly kind = 'memory';
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly maxKeys = 100_000,
    private readonly now: () => number = Date.now,
  ) {}

  hit(key: string, windowMs: number, amount = 1): Promise<WindowCount> {
    return Promise.resolve(this.hitNow(key, windowMs, amount));
  }

  /** Synchronous form, for a fallback that must not wait on anything. */
  hitNow(key: string, windowMs: number, amount = 1): WindowCount {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || window.endsAt <= now) window = this.open(key, window, now + windowMs);
    window.count += amount;
    return { count: window.count, resetInMs: window.endsAt - now };
  }

  async warmUp(): Promise<void> {}

  close(): Promise<void> {
    this.windows.clear();
    return Promise.resolve();
  }

  /** A new window goes to the back of the map, so the front is always the oldest one. */
  private open(key: string, ended: Window | undefined, endsAt: number): Window {
    if (ended) this.windows.delete(key);
    else if (this.windows.size >= this.maxKeys) this.windows.delete(this.windows.keys().next().value as string);
    const window = ended ?? { count: 0, endsAt };
    window.count = 0;
    window.endsAt = endsAt;
    this.windows.set(key, window);
    return window;
  }
}
