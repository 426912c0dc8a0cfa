import { Logger } from '@nestjs/common';
import type { CacheObserver, CacheResult, FleetRole, RedisBreakerState } from '#cache';

/**
 * Store failures and fleet lease takeovers are logged (at most once per second per kind, so an
 * outage does not flood), and each change of the Redis breaker's state.
 */
export class LoggingCacheObserver implements CacheObserver {
  private readonly logger = new Logger('Cache');
  private readonly lastLogged = new Map<string, number>();

  constructor(private readonly next?: CacheObserver) {}

  lookup(result: CacheResult): void {
    this.next?.lookup(result);
  }

  storeError(operation: 'get' | 'set' | 'connection', error: unknown): void {
    this.next?.storeError(operation, error);
    if (this.throttled(operation)) return;
    this.logger.warn(`cache ${operation} failed, bypassing: ${error instanceof Error ? error.message : String(error)}`);
  }

  fleetSingleFlight(role: FleetRole): void {
    this.next?.fleetSingleFlight?.(role);
    // A takeover means an instance died holding a lease, or failed in a way waiters cannot share.
    if (role === 'takeover' && !this.throttled('takeover'))
      this.logger.warn('took over a cache key whose lease lapsed without an answer (its holder died or failed)');
  }

  /** True when `kind` was logged less than a second ago; otherwise notes it is being logged now. */
  private throttled(kind: string): boolean {
    const now = Date.now();
    if (now - (this.lastLogged.get(kind) ?? 0) < 1000) return true;
    this.lastLogged.set(kind, now);
    return false;
  }

  breakerState(state: RedisBreakerState): void {
    this.next?.breakerState?.(state);
    if (state === 'open') this.logger.warn('Redis skipped after repeated failures (cache BYPASS, local counting)');
    else if (state === 'closed') this.logger.log('Redis answers again: cache and shared counters back on it');
  }
}
