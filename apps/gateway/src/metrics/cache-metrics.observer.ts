import type { CacheObserver } from '#cache';
import type { GatewayMetrics } from './gateway-metrics.js';
import type { FleetRole, RedisBreakerState } from '#cache';

/** The same scale as the MSDK breakers' gauge. */
const REDIS_BREAKER_VALUE: Record<RedisBreakerState, number> = { closed: 0, 'half-open': 1, open: 2 };

/**
 * Store errors, from libs/cache. Lookups are counted by the forwarder instead, which knows the
 * interface (the cache library does not, by design).
 */
export class CacheMetricsObserver implements CacheObserver {
  constructor(private readonly metrics: GatewayMetrics) {}

  lookup(): void {}

  storeError(operation: 'get' | 'set' | 'connection'): void {
    this.metrics.cacheStoreErrors.labels(operation).inc();
  }

  /** How each flight for a missed key was answered across the fleet, from libs/cache. */
  fleetSingleFlight(role: FleetRole): void {
    this.metrics.fleetSingleFlight.labels(role).inc();
  }

  /** The Redis breaker's state, from libs/cache. */
  breakerState(state: RedisBreakerState): void {
    this.metrics.redisBreakerState.set(REDIS_BREAKER_VALUE[state]);
  }
}
