import { Module } from '@nestjs/common';
import { CacheModule } from '#cache';
import type { ResilienceOptions } from '#msdk';
import { cacheConfig, resilienceConfig } from '../config/config-namespaces.js';
import type { CacheConfig } from '../config/cache-config.js';
import { fleetFailures } from './fleet-failures.js';
import { LoggingCacheObserver } from './logging-cache-observer.js';
import { CacheMetricsObserver } from '../metrics/cache-metrics.observer.js';
import { GatewayMetrics } from '../metrics/gateway-metrics.js';

/** libs/cache wired to the gateway's config: Redis when configured, memory otherwise. */
@Module({
  imports: [
    CacheModule.forRootAsync({
      inject: [cacheConfig.KEY, resilienceConfig.KEY, GatewayMetrics],
      useFactory: (config: CacheConfig, resilience: ResilienceOptions, metrics: GatewayMetrics) => ({
        redis: config.redis,
        memoryMaxEntries: config.memoryMaxEntries,
        readThrough: { staleWindowMs: config.staleWindowMs, ttlJitter: config.ttlJitter },
        observer: new LoggingCacheObserver(new CacheMetricsObserver(metrics)),
        // With Redis, one MSDK call per key across the fleet. The lease lasts as long as one MSDK
        // attempt may (renewed while the call runs, so only a dead holder lets it lapse); a
        // waiter waits no longer than the deadline it would have had calling MSDK itself.
        fleet: {
          leaseMs: resilience.attemptTimeoutMs,
          waitMs: resilience.deadlineMs,
          failures: fleetFailures(resilience.deadlineMs),
        },
      }),
    }),
  ],
})
export class GatewayCacheModule {}
