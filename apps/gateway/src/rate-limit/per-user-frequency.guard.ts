import { Inject, Injectable } from '@nestjs/common';
import type { CatalogEntry } from '#msdk';
import type { AuthenticatedCaller } from '../caller-auth/authenticated-caller.js';
import { rateLimitConfig } from '../config/config-namespaces.js';
import type { RateLimitConfig } from '../config/rate-limit-config.js';
import { UserFrequencyLimitedError } from '../errors/gateway-errors.js';
import { budgetKeys } from './client-limits.js';
import { RATE_LIMIT_OBSERVER, type RateLimitObserver } from './rate-limit-observer.js';
import { thenOrNow, WindowBudget } from './window-budget.js';

/**
 * MSDK's per-user frequency limit (about one call per second per user and interface, ret -503),
 * enforced just before a call would go out: keyed by game, interface and openid, answered with
 * MSDK's own code (429 MSDK_FREQUENCY_LIMIT). The forwarder asks only for calls that would reach
 * MSDK, so cache hits and single-flight followers never spend from this budget.
 */
@Injectable()
export class PerUserFrequencyGuard {
  constructor(
    @Inject(rateLimitConfig.KEY) private readonly config: RateLimitConfig,
    private readonly budget: WindowBudget,
    @Inject(RATE_LIMIT_OBSERVER) private readonly observer: RateLimitObserver,
  ) {}

  /** Nothing when the call may go (at once when counted in memory or off), else a promise; throws when it may not. */
  admit(caller: AuthenticatedCaller, entry: CatalogEntry, openid: unknown): void | Promise<void> {
    if (!this.config.perUser.enabled || typeof openid !== 'string') return;
    return thenOrNow(
      this.budget.spend(budgetKeys.user(caller.game.id, entry.id, openid), this.config.perUser),
      (retryAfter) => this.refuse(retryAfter, caller),
    );
  }

  private refuse(retryAfter: number | undefined, caller: AuthenticatedCaller): void {
    if (retryAfter === undefined) return;
    this.observer.onRejected(caller.client, 'user');
    throw new UserFrequencyLimitedError(retryAfter);
  }
}
