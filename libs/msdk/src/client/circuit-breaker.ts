import { CircuitOpenError } from '../errors/msdk-errors.js';

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Consecutive counted failures that open the circuit. */
  readonly threshold: number;
  /** How long it stays open before one call may test it. */
  readonly halfOpenAfterMs: number;
  /** Which failures count (outages); any other outcome counts as the upstream answering. */
  readonly counts: (error: unknown) => boolean;
  readonly onStateChange?: (state: BreakerState) => void;
  readonly now?: () => number;
}

/**
 * One origin's circuit breaker, with cockatiel's ConsecutiveBreaker semantics (which it
 * replaced): `threshold` counted failures in a row open it; after `halfOpenAfterMs` the next
 * call tests it, and calls arriving meanwhile wait for that test, then go through or fail with
 * the circuit. A failure that does not count closes a half-open circuit, as an answer would.
 *
 * Closed — nearly every call — costs the call's own promise and one `then`: cockatiel wrapped
 * every call in two more async functions (~1 KB of garbage and two microtask turns a call).
 */
export class CircuitBreaker {
  private current: BreakerState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private test: Promise<unknown> | undefined;
  private readonly now: () => number;

  constructor(
    private readonly origin: string,
    private readonly options: CircuitBreakerOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  get state(): BreakerState {
    return this.current;
  }

  execute<T>(fn: () => Promise<T>): Promise<T> {
    switch (this.current) {
      case 'closed':
        return call(fn).then(this.answered, this.failedWhileClosed);
      case 'open':
        if (this.now() - this.openedAt < this.options.halfOpenAfterMs)
          return Promise.reject(new CircuitOpenError(this.origin));
        return this.startTest(fn);
      case 'half-open': {
        const retry = () => this.execute(fn);
        return this.test!.then(retry, retry);
      }
    }
  }

  // Arrow properties: bound once, not a closure per call.
  private readonly answered = <T>(value: T): T => {
    this.failures = 0;
    return value;
  };

  private readonly failedWhileClosed = (error: unknown): never => {
    if (this.options.counts(error)) {
      this.failures++;
      // Calls that started before it opened may still fail: it is opened once.
      if (this.failures >= this.options.threshold && this.current === 'closed') this.open();
    }
    throw error;
  };

  private startTest<T>(fn: () => Promise<T>): Promise<T> {
    this.moveTo('half-open');
    const test = call(fn).then(
      (value) => {
        this.close();
        return value;
      },
      (error: unknown) => {
        if (this.options.counts(error)) this.open();
        else this.close();
        throw error;
      },
    );
    this.test = test;
    return test;
  }

  private open(): void {
    this.openedAt = this.now();
    this.test = undefined;
    this.moveTo('open');
  }

  private close(): void {
    this.failures = 0;
    this.test = undefined;
    this.moveTo('closed');
  }

  private moveTo(state: BreakerState): void {
    this.current = state;
    this.options.onStateChange?.(state);
  }
}

/** fn's promise, or its synchronous throw as a rejection. */
function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return fn();
  } catch (error) {
    return Promise.reject(error);
  }
}
