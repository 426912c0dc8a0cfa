import { Logger } from '@nestjs/common';
import {
  FallbackWindowCounter,
  MemoryWindowCounter,
  RedisWindowCounter,
  type RedisBreaker,
  type WindowCounterStore,
} from '#cache';
import type { CacheConfig } from '../config/cache-config.js';
import type { RateLimitConfig } from '../config/rate-limit-config.js';

/**
 * Redis (the cache's connection settings, REDIS_URL included, and its short command budget)
 * with this instance's memory standing in while Redis is down or slow, and skipped at once while
 * the cache's breaker is open (one breaker per Redis); memory alone when no Redis is configured
 * or no limit is switched on.
 */
export function createWindowCounter(
  cache: CacheConfig,
  limits: RateLimitConfig,
  breaker: RedisBreaker,
): WindowCounterStore {
  const local = new MemoryWindowCounter();
  if (!cache.redis || (!limits.enabled && !limits.perUser.enabled)) return local;
  const logger = new Logger('RateLimit');
  const connectionWarning = throttledWarning(logger, 1000);
  const fallbackWarning = throttledWarning(logger, 1000);
  const shared = new RedisWindowCounter(cache.redis, (e) =>
    connectionWarning(`rate-limit counter connection: ${e.message}`),
  );
  return new FallbackWindowCounter(
    shared,
    local,
    (e) =>
      fallbackWarning(
        `shared rate-limit counter failed, counting on this instance: ${e instanceof Error ? e.message : String(e)}`,
      ),
    breaker,
  );
}

/** At most one line per interval: an outage must not turn every request into a log line. */
function throttledWarning(logger: Logger, intervalMs: number): (message: string) => void {
  let last = 0;
  return (message) => {
    const now = Date.now();
    if (now - last < intervalMs) return;
    last = now;
    logger.warn(message);
  };
}
