import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { CACHE_STORE, type CacheStore } from './cache-store.js';

/**
 * Readiness for the cache store: a Redis that does not answer a PING within the budget is
 * reported down (with the reason). Liveness never asks: the gateway bypasses a dead cache.
 */
@Injectable()
export class CacheHealthIndicator {
  constructor(
    @Inject(CACHE_STORE) private readonly store: CacheStore,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key = 'cache', timeoutMs = 500) {
    const session = this.health.check(key);
    try {
      await Promise.race([
        this.store.ping(),
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs).unref(),
        ),
      ]);
      return session.up({ store: this.store.kind });
    } catch (error) {
      return session.down({ store: this.store.kind, reason: error instanceof Error ? error.message : String(error) });
    }
  }
}
