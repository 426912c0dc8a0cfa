import { CircuitState, ConsecutiveBreaker, circuitBreaker, handleWhen, type CircuitBreakerPolicy } from 'cockatiel';
import { DeadlineSpentError, isUpstreamOutage } from '../errors/msdk-errors.js';

export type BreakerState = 'closed' | 'open' | 'half-open';

const STATE_NAMES: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Open]: 'open',
  [CircuitState.Isolated]: 'open',
};

/**
 * What an origin's breaker counts: an attempt that met an outage (timeout, refused or reset
 * connection, 5xx, garbage). An MSDK answer, whatever its ret, proves MSDK is up; an attempt
 * the deadline had no room for was never made.
 */
function isOutageOfAnAttempt(error: Error): boolean {
  return isUpstreamOutage(error) && !(error instanceof DeadlineSpentError);
}

/**
 * One cockatiel circuit breaker per upstream origin (V3 and V5 fail independently):
 * `threshold` outages in a row open it; after `halfOpenAfterMs` one call tests it while the
 * others wait for that test's outcome.
 */
export class BreakerRegistry {
  private readonly breakers = new Map<string, CircuitBreakerPolicy>();
  private readonly listeners: Array<(origin: string, state: BreakerState) => void> = [];

  constructor(
    private readonly threshold: number,
    private readonly halfOpenAfterMs: number,
  ) {}

  for(origin: string): CircuitBreakerPolicy {
    let breaker = this.breakers.get(origin);
    if (!breaker) {
      breaker = circuitBreaker(handleWhen(isOutageOfAnAttempt), {
        halfOpenAfter: this.halfOpenAfterMs,
        breaker: new ConsecutiveBreaker(this.threshold),
      });
      breaker.onStateChange((state) => this.emit(origin, STATE_NAMES[state]));
      this.breakers.set(origin, breaker);
      this.emit(origin, 'closed');
    }
    return breaker;
  }

  onStateChange(listener: (origin: string, state: BreakerState) => void): void {
    this.listeners.push(listener);
  }

  states(): Record<string, BreakerState> {
    const out: Record<string, BreakerState> = {};
    for (const [origin, breaker] of this.breakers) out[origin] = STATE_NAMES[breaker.state];
    return out;
  }

  private emit(origin: string, state: BreakerState): void {
    for (const listener of this.listeners) listener(origin, state);
  }
}
