import {
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  circuitBreaker,
  handleAll,
  type CircuitBreakerPolicy,
} from 'cockatiel';
import { RedisBudget, RedisBudgetSpentError } from './redis-budget.js';

/** As ops see it (the gauge): Redis asked, being probed, or skipped. */
export type RedisBreakerState = 'closed' | 'half-open' | 'open';

/** Redis is being skipped after repeated failures: callers bypass at once, no command is sent. */
export class RedisSkippedError extends Error {
  constructor() {
    super('Redis skipped after repeated failures (probed in the background)');
    this.name = 'RedisSkippedError';
  }
}

export interface RedisBreakerOptions {
  /** Failures (timeouts included) in a row that make every caller skip Redis. */
  readonly consecutiveFailures: number;
  /** The first interval Redis is skipped for; it doubles (with jitter) while probes keep failing. */
  readonly skipForMs: number;
  readonly maxSkipForMs: number;
  /** What one command may take when no request's budget applies (probes, writes after answering). */
  readonly commandBudgetMs: number;
}

export const DEFAULT_REDIS_BREAKER: Omit<RedisBreakerOptions, 'commandBudgetMs'> = {
  consecutiveFailures: 5,
  skipForMs: 250,
  maxSkipForMs: 5000,
};

const STATE: Record<CircuitState, RedisBreakerState> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Open]: 'open',
  [CircuitState.Isolated]: 'open',
};

/**
 * One circuit breaker (cockatiel's) for every use of one Redis (cache and shared counters): after
 * `consecutiveFailures` in a row, callers skip Redis at once for a short, growing interval. Only
 * a background probe (a PING, `probe`) ever tests it, never a caller's request, and the first
 * probe that answers closes the breaker again.
 */
export class RedisBreaker {
  private readonly policy: CircuitBreakerPolicy;
  private prober?: NodeJS.Timeout;

  constructor(
    private readonly options: RedisBreakerOptions,
    private readonly probe: () => Promise<void>,
    onState: (state: RedisBreakerState) => void = () => undefined,
  ) {
    this.policy = circuitBreaker(handleAll, {
      breaker: new ConsecutiveBreaker(options.consecutiveFailures),
      halfOpenAfter: new ExponentialBackoff({ initialDelay: options.skipForMs, maxDelay: options.maxSkipForMs }),
    });
    this.policy.onStateChange((state) => onState(STATE[state]));
    this.policy.onBreak(() => this.startProbing());
    this.policy.onReset(() => this.stopProbing());
  }

  get state(): RedisBreakerState {
    return STATE[this.policy.state];
  }

  /**
   * `command` within the budget (the request's, or one of its own), counted by the breaker;
   * RedisSkippedError at once while the breaker is not closed.
   */
  run<T>(command: () => Promise<T>, budget = new RedisBudget(this.options.commandBudgetMs)): Promise<T> {
    // A budget already spent says nothing new about Redis: fail without counting it again.
    if (this.policy.state !== CircuitState.Closed) return Promise.reject(new RedisSkippedError());
    if (budget.spent) return Promise.reject(new RedisBudgetSpentError(budget.totalMs));
    return this.policy.execute(() => budget.race(command()));
  }

  close(): void {
    this.stopProbing();
  }

  /**
   * While open, tick at the shortest skip interval: cockatiel lets a call through (half-open) only
   * once the current interval has passed, and refuses the others at once, without a PING.
   */
  private startProbing(): void {
    if (this.prober) return;
    this.prober = setInterval(() => {
      if (this.policy.state !== CircuitState.Open) return;
      this.policy
        .execute(() => new RedisBudget(this.options.commandBudgetMs).race(this.probe()))
        // Refused (the interval has not passed) or failed (cockatiel opens again, for longer).
        .catch(() => undefined);
    }, this.options.skipForMs / 2);
    this.prober.unref();
  }

  private stopProbing(): void {
    clearInterval(this.prober);
    this.prober = undefined;
  }
}
