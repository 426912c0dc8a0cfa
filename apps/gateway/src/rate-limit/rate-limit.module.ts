import { Global, Inject, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { RedisBreaker, WINDOW_COUNTER, type WindowCounterStore } from '#cache';
import type { CacheConfig } from '../config/cache-config.js';
import { cacheConfig, rateLimitConfig } from '../config/config-namespaces.js';
import type { RateLimitConfig } from '../config/rate-limit-config.js';
import { GatewayMetrics } from '../metrics/gateway-metrics.js';
import { ClientRateLimitGuard } from './client-rate-limit.guard.js';
import { createWindowCounter } from './create-window-counter.js';
import { PerUserFrequencyCheck } from './per-user-frequency.check.js';
import { RATE_LIMIT_OBSERVER, type RateLimitObserver } from './rate-limit-observer.js';
import { WindowBudget } from './window-budget.js';

/**
 * Rate limits: the shared window counter, the per-client guard (a global guard after caller
 * auth, see pipeline/request-pipeline.ts) and the per-user check the forwarder asks before
 * calling MSDK.
 */
@Global()
@Module({
  providers: [
    {
      provide: WINDOW_COUNTER,
      inject: [cacheConfig.KEY, rateLimitConfig.KEY, RedisBreaker],
      useFactory: (cache: CacheConfig, limits: RateLimitConfig, breaker: RedisBreaker) =>
        createWindowCounter(cache, limits, breaker),
    },
    {
      provide: WindowBudget,
      inject: [WINDOW_COUNTER, rateLimitConfig.KEY],
      useFactory: (counter: WindowCounterStore, limits: RateLimitConfig) =>
        new WindowBudget(counter, limits.fallbackShare, limits.leaseShare),
    },
    {
      // Rejections per client for Prometheus (the observer is the only link to metrics).
      provide: RATE_LIMIT_OBSERVER,
      inject: [GatewayMetrics],
      useFactory: (metrics: GatewayMetrics): RateLimitObserver => ({
        onRejected: (client) => metrics.rateLimitRejections.labels(client).inc(),
      }),
    },
    ClientRateLimitGuard,
    PerUserFrequencyCheck,
  ],
  exports: [WindowBudget, RATE_LIMIT_OBSERVER, ClientRateLimitGuard, PerUserFrequencyCheck],
})
export class RateLimitModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(WINDOW_COUNTER) private readonly counter: WindowCounterStore) {}

  /** Like the cache: a Redis that is down at startup does not stop us (we count locally). */
  async onApplicationBootstrap(): Promise<void> {
    await this.counter.warmUp(2000);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.counter.close();
  }
}
