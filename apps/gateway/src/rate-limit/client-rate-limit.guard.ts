import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { RequestRedisBudgets, type RedisBudget } from '#cache';
import type { GatewayRequest } from '../http/request-fields.js';
import { rateLimitConfig } from '../config/config-namespaces.js';
import type { RateLimitConfig, WindowLimit } from '../config/rate-limit-config.js';
import { RateLimitedError } from '../errors/gateway-errors.js';
import { routeEntryOf } from '../msdk/route-entry.js';
import { budgetKeys, clientLimits } from './client-limits.js';
import { RATE_LIMIT_OBSERVER, type LimitKind, type RateLimitObserver } from './rate-limit-observer.js';
import { WindowBudget } from './window-budget.js';

/**
 * Per-client budgets (and per client+interface where configured), checked after caller auth:
 * 429 RATE_LIMITED with Retry-After once a window's budget is spent. Routes without an
 * authenticated caller (health, docs, metrics) are not counted.
 */
@Injectable()
export class ClientRateLimitGuard implements CanActivate {
  constructor(
    @Inject(rateLimitConfig.KEY) private readonly config: RateLimitConfig,
    private readonly budget: WindowBudget,
    @Inject(RATE_LIMIT_OBSERVER) private readonly observer: RateLimitObserver,
    private readonly redisBudgets: RequestRedisBudgets,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (!this.config.enabled) return true;
    const request = context.switchToHttp().getRequest<GatewayRequest>();
    const client = request.caller?.client;
    if (client === undefined) return true;
    const entry = routeEntryOf(request);
    const limits = clientLimits(this.config, client, entry?.id);
    const redis = this.redisBudgets.of(request);
    await this.spend(budgetKeys.client(client), limits.overall, client, 'client', redis);
    if (entry && limits.interface)
      await this.spend(budgetKeys.clientInterface(entry.id, client), limits.interface, client, 'interface', redis);
    return true;
  }

  /** Throws RATE_LIMITED when the call does not fit the budget. */
  private async spend(
    key: string,
    limit: WindowLimit,
    client: string,
    kind: LimitKind,
    redis: RedisBudget,
  ): Promise<void> {
    const retryAfter = await this.budget.spend(key, limit, redis);
    if (retryAfter === undefined) return;
    this.observer.onRejected(client, kind);
    throw new RateLimitedError(retryAfter);
  }
}
