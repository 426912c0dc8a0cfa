/** Timeouts, retries and breaker settings. Defaults follow MSDK's own 3100 ms backend limit. */
export interface ResilienceOptions {
  /** One attempt may take at most this long (MSDK's backend timeout). */
  readonly attemptTimeoutMs: number;
  /** All attempts and backoff together; no retry may start or run past it. */
  readonly deadlineMs: number;
  /** Retries after the first attempt, for retry-safe rows. */
  readonly maxRetries: number;
  readonly backoffInitialMs: number;
  readonly backoffMaxMs: number;
  /** Consecutive transport failures that open an origin's breaker. */
  readonly breakerThreshold: number;
  readonly breakerHalfOpenAfterMs: number;
  /** Retries may add at most this fraction of first attempts (plus the floor below). */
  readonly retryBudgetRatio: number;
  readonly retryBudgetMinPerSecond: number;
}

export const DEFAULT_RESILIENCE: ResilienceOptions = {
  attemptTimeoutMs: 3100,
  deadlineMs: 7000,
  maxRetries: 2,
  backoffInitialMs: 50,
  backoffMaxMs: 400,
  breakerThreshold: 5,
  breakerHalfOpenAfterMs: 10_000,
  retryBudgetRatio: 0.2,
  retryBudgetMinPerSecond: 10,
};
