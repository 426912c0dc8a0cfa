import type { RedisBudget } from './redis-budget.js';

/** A counter's state right after one more hit was counted. */
export interface WindowCount {
  /** Hits in the current window, these included. */
  readonly count: number;
  /** Until the window ends and the count starts again from zero. */
  readonly resetInMs: number;
  /** Counted by a stand-in (this instance's memory) because the shared store failed. */
  readonly fallback?: boolean;
}

/**
 * Fixed-window hit counters: a key's window opens with its first hit and lasts `windowMs`.
 * What is counted and what a count means (a limit, a budget) is the caller's business.
 * Implementations may throw on any failure; FallbackWindowCounter turns that into a local count.
 */
export interface WindowCounterStore {
  readonly kind: 'redis' | 'memory';
  /**
   * Counts `amount` hits (default 1) for `key` in its current window; a shared store waits at most
   * what is left of `budget`, the request's time for Redis.
   */
  hit(key: string, windowMs: number, amount?: number, budget?: RedisBudget): Promise<WindowCount>;
  /** The same, answered at once, by counters that need no round trip (this instance's memory). */
  hitNow?(key: string, windowMs: number, amount?: number): WindowCount;
  /** Waits (at most `timeoutMs`) for a first connection at startup; never throws. */
  warmUp(timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

export const WINDOW_COUNTER = Symbol('WINDOW_COUNTER');
