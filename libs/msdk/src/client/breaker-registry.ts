import { CircuitState, ConsecutiveBreaker, circuitBreaker, handleWhen, type CircuitBreakerPolicy } from 'cockatiel';
import { isUpstreamOutage } from '../errors/msdk-errors.js';

export type BreakerState = 'closed' | 'open' | 'half-open' | 'isolated';

const STATE_NAMES: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'isolated',
};

/** One circuit breaker per upstream origin: V3 and V5 fail independently. */
export class BreakerRegistry {
  private readonly breakers = new Map<string, CircuitBreakerPolicy>();
  private readonly listeners: Array<(origin: string, state: BreakerState) => void> = [];

  constructor(private readonly threshold: number, private readonly halfOpenAfterMs: number) {}

  for(origin: string): CircuitBreakerPolicy {
    let breaker = this.breakers.get(origin);
    if (!breaker) {
      // Only outages count: an MSDK business error proves MSDK is up.
      breaker = circuitBreaker(handleWhen(isUpstreamOutage), {
        halfOpenAfter: this.halfOpenAfterMs,
        breaker: new ConsecutiveBreaker(this.threshold),
      });
      const b = breaker;
      b.onStateChange((state) => this.listeners.forEach((l) => l(origin, STATE_NAMES[state])));
      this.breakers.set(origin, b);
      this.listeners.forEach((l) => l(origin, 'closed'));
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
}
