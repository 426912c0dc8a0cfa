import { isUpstreamOutage } from '../errors/msdk-errors.js';
import { CircuitBreaker, type BreakerState } from './circuit-breaker.js';

export type { BreakerState } from './circuit-breaker.js';

/** One circuit breaker per upstream origin: V3 and V5 fail independently. */
export class BreakerRegistry {
  private readonly breakers = new Map<string, CircuitBreaker>();
  private readonly listeners: Array<(origin: string, state: BreakerState) => void> = [];

  constructor(
    private readonly threshold: number,
    private readonly halfOpenAfterMs: number,
  ) {}

  for(origin: string): CircuitBreaker {
    let breaker = this.breakers.get(origin);
    if (!breaker) {
      breaker = new CircuitBreaker(origin, {
        threshold: this.threshold,
        halfOpenAfterMs: this.halfOpenAfterMs,
        // Only outages count: an MSDK business error proves MSDK is up.
        counts: isUpstreamOutage,
        onStateChange: (state) => this.listeners.forEach((l) => l(origin, state)),
      });
      this.breakers.set(origin, breaker);
      this.listeners.forEach((l) => l(origin, 'closed'));
    }
    return breaker;
  }

  onStateChange(listener: (origin: string, state: BreakerState) => void): void {
    this.listeners.push(listener);
  }

  states(): Record<string, BreakerState> {
    const out: Record<string, BreakerState> = {};
    for (const [origin, breaker] of this.breakers) out[origin] = breaker.state;
    return out;
  }
}
