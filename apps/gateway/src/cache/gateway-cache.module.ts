import { Module } from '@nestjs/common';
import { CacheModule } from '#cache';
import { cacheConfig } from '../config/config-namespaces.js';
import type { CacheConfig } from '../config/cache-config.js';
import { LoggingCacheObserver } from './logging-cache-observer.js';
import { CacheMetricsObserver } from '../metrics/cache-metrics.observer.js';
import { GatewayMetrics } from '../metrics/gateway-metrics.js';

/** libs/cache wired to the gateway's config: Redis when configured, memory otherwise. */
@Module({
  imports: [
    CacheModule.forRootAsync({
      inject: [cacheConfig.KEY, GatewayMetrics],
      useFactory: (config: CacheConfig, metrics: GatewayMetrics) => ({
        redis: config.redis,
        memoryMaxEntries: config.memoryMaxEntries,
        readThrough: { staleWindowMs: config.staleWindowMs, ttlJitter: config.ttlJitter },
        observer: new LoggingCacheObserver(new CacheMetricsObserver(metrics)),
      }),
    }),
  ],
})
export class GatewayCacheModule {}
