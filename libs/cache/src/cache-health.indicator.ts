import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { CACHE_STORE, type CacheStore } from './cache-store.js';
import type { StoreReadiness } from './redis-topology.js';

/**
 * Readiness for the cache store: a Redis that does not answer within the timeout, or (cluster)
 * leaves slots without a master answering, is reported down with the reason; either way the
 * detail says which master(s) serve the keys and the last failover seen. Liveness never asks:
 * the gateway bypasses a dead cache.
 */
@Injectable()
export class CacheHealthIndicator {
  constructor(
    @Inject(CACHE_STORE) private readonly store: CacheStore,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key = 'cache', timeoutMs = 500) {
    const session = this.health.check(key);
    const store = this.store.kind;
    let timer: NodeJS.Timeout | undefined;
    const outOfTime = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      const answer = await Promise.race([this.ask(), outOfTime]);
      if (answer.ready) return session.up({ store, ...answer.detail });
      return session.down({ store, reason: answer.reason, ...answer.detail });
    } catch (error) {
      return session.down({ store, reason: error instanceof Error ? error.message : String(error) });
    } finally {
      clearTimeout(timer);
    }
  }

  private async ask(): Promise<StoreReadiness> {
    if (this.store.readiness) return this.store.readiness();
    await this.store.ping();
    return { ready: true, detail: {} };
  }
}
