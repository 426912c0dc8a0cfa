import type { CacheObserver, RedisBreakerState } from '#cache';
import type { GatewayMetrics } from './gateway-metrics.js';

/** The same scale as the MSDK breakers' gauge. */
const REDIS_BREAKER_VALUE: Record<RedisBreakerState, number> = { closed: 0, 'half-open': 1, open: 2 };

/**
 * Store errors and the Redis breaker's state, from libs/cache. Lookups are counted by the forwarder instead, which knows the
 * interface (the cache library does not, by design).
 */
export class CacheMetricsObserver implements CacheObserver {
  constructor(private readonly metrics: GatewayMetrics) {}

  lookup(): void {}

  storeError(operation: 'get' | 'set' | 'connection'): void {
    this.metrics.cacheStoreErrors.labels(operation).inc();
  }

  breakerState(state: RedisBreakerState): void {
    this.metrics.redisBreakerState.set(REDIS_BREAKER_VALUE[state]);
  }
}
