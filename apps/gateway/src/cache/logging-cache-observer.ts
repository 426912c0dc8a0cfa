import { Logger } from '@nestjs/common';
import type { CacheObserver, CacheResult, FleetRole, RedisBreakerState } from '#cache';

/**
 * Store failures are logged (at most once per second per kind, so an outage does not flood), and
 * each change of the Redis breaker's state.
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
    const now = Date.now();
    if (now - (this.lastLogged.get(operation) ?? 0) < 1000) return;
    this.lastLogged.set(operation, now);
    this.logger.warn(`cache ${operation} failed, bypassing: ${error instanceof Error ? error.message : String(error)}`);
  }

  fleetSingleFlight(role: FleetRole): void {
    this.next?.fleetSingleFlight?.(role);
  }

  breakerState(state: RedisBreakerState): void {
    this.next?.breakerState?.(state);
    if (state === 'open') this.logger.warn('Redis skipped after repeated failures (cache BYPASS, local counting)');
    else if (state === 'closed') this.logger.log('Redis answers again: cache and shared counters back on it');
  }
}
