import type { CacheObserver } from '#cache';
import type { GatewayMetrics } from './gateway-metrics.js';

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
}
