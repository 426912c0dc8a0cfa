import { Inject, Injectable } from '@nestjs/common';
import type { RedisBudget } from '#cache';
import type { CatalogEntry } from '#msdk';
import type { AuthenticatedCaller } from '../caller-auth/authenticated-caller.js';
import { rateLimitConfig } from '../config/config-namespaces.js';
import type { RateLimitConfig } from '../config/rate-limit-config.js';
import { UserFrequencyLimitedError } from '../errors/gateway-errors.js';
import { budgetKeys } from './client-limits.js';
import { RATE_LIMIT_OBSERVER, type RateLimitObserver } from './rate-limit-observer.js';
import { WindowBudget } from './window-budget.js';

/**
 * MSDK's per-user frequency limit (about one call per second per user and interface, ret -503),
 * checked by the forwarder just before a call would go out: keyed by game, interface and openid,
 * answered with MSDK's own code (429 MSDK_FREQUENCY_LIMIT). Not a Nest guard: only calls that
 * would reach MSDK are counted, so cache hits and single-flight followers never spend from it.
 */
@Injectable()
export class PerUserFrequencyCheck {
  constructor(
    @Inject(rateLimitConfig.KEY) private readonly config: RateLimitConfig,
    private readonly budget: WindowBudget,
    @Inject(RATE_LIMIT_OBSERVER) private readonly observer: RateLimitObserver,
  ) {}

  /**
   * Resolves when the call may go; rejects with MSDK_FREQUENCY_LIMIT when it may not. `redis`: the
   * request's time for Redis, shared with its other Redis work.
   */
  async admit(caller: AuthenticatedCaller, entry: CatalogEntry, openid: unknown, redis?: RedisBudget): Promise<void> {
    if (!this.config.perUser.enabled || typeof openid !== 'string') return;
    const key = budgetKeys.user(caller.game.id, entry.id, openid);
    const retryAfter = await this.budget.spend(key, this.config.perUser, redis);
    if (retryAfter === undefined) return;
    this.observer.onRejected(caller.client, 'user');
    throw new UserFrequencyLimitedError(retryAfter);
  }
}
