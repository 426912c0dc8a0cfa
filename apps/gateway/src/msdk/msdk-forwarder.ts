import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ReadThroughCache } from '#cache';
import {
  buildUpstreamCall,
  isUpstreamOutage,
  upstreamAppId,
  MsdkClient,
  type CallerPayload,
  type CatalogEntry,
  type MsdkResult,
  type UpstreamCall,
} from '#msdk';
import type { AuthenticatedCaller } from '../caller-auth/authenticated-caller.js';
import { cacheTtlFor } from '../cache/cache-ttl.js';
import { msdkCacheKey } from '../cache/msdk-cache-key.js';
import { cacheConfig, upstreamConfig } from '../config/config-namespaces.js';
import type { CacheConfig } from '../config/cache-config.js';
import type { UpstreamConfig } from '../config/gateway-config.js';
import { forwardContextOf, type ForwardingRequest } from './forward-context.decorator.js';
import { ForwardedAnswer, isLostFlag, type CacheStatus } from './forwarded-answer.js';
import { GatewayMetrics } from '../metrics/gateway-metrics.js';
import { PerUserFrequencyCheck } from '../rate-limit/per-user-frequency.check.js';
import { UpstreamBase } from './upstream-base.js';

/** The cache_lookups `result` label for each X-Cache value. */
const CACHE_RESULT_LABEL: Record<CacheStatus, string> = { HIT: 'hit', MISS: 'miss', STALE: 'stale', BYPASS: 'bypass' };

/** What a route hands over: who calls, the request id, and whether to skip the cache read. */
export interface ForwardContext {
  readonly caller: AuthenticatedCaller;
  readonly requestId: string;
  /** Cache-Control: no-cache — read past the cache (the fresh answer is still stored). */
  readonly noCache: boolean;
}

/**
 * The single forwarding path for every catalog row: build and sign the call for the caller's
 * game, answer from the cache where the row allows, otherwise send it through the resilient
 * client, and hand MSDK's bytes back.
 */
@Injectable()
export class MsdkForwarder implements OnApplicationShutdown {
  private readonly v3: UpstreamBase;
  private readonly v5: UpstreamBase;

  constructor(
    private readonly client: MsdkClient,
    private readonly cache: ReadThroughCache,
    private readonly metrics: GatewayMetrics,
    private readonly perUser: PerUserFrequencyCheck,
    @Inject(upstreamConfig.KEY) upstream: UpstreamConfig,
    @Inject(cacheConfig.KEY) private readonly cacheSettings: CacheConfig,
  ) {
    this.v3 = new UpstreamBase(upstream.v3BaseUrl);
    this.v5 = new UpstreamBase(upstream.v5BaseUrl);
  }

  async forward(entry: CatalogEntry, payload: object, request: ForwardingRequest): Promise<ForwardedAnswer> {
    const context = forwardContextOf(request);
    const { game } = context.caller;
    const caller = payload as CallerPayload;
    const ttlMs = cacheTtlFor(entry, this.cacheSettings);
    if (ttlMs === undefined) {
      const call = buildUpstreamCall(entry, game.credentials, caller, { requestId: context.requestId });
      const result = await this.send(entry, call, context, caller.openid);
      const isLost = entry.hasIsLost ? isLostFlag(result.body) : undefined;
      this.count(entry, 'BYPASS', isLost === true);
      return new ForwardedAnswer(result.raw, 'BYPASS', isLost, result.attempts);
    }

    let attempts = 0;
    const key = msdkCacheKey(
      game.id,
      upstreamAppId(entry, game.credentials, caller),
      entry,
      payload as Record<string, unknown>,
    );
    const answer = await this.cache.read(
      key,
      { ttlMs, skipRead: context.noCache, staleCovers: isUpstreamOutage },
      async () => {
        // Built only on a miss (a hit signs nothing). The body is served to later requests, so
        // V3's msdkExtInfo must not default to this request's id; V5's seq still carries it.
        const call = buildUpstreamCall(entry, game.credentials, caller, {
          requestId: entry.protocol === 'v5' ? context.requestId : undefined,
        });
        const result = await this.send(entry, call, context, caller.openid);
        attempts = result.attempts;
        return { value: result.raw, degraded: isLostFlag(result.body) };
      },
    );
    this.count(entry, answer.result, answer.loaded?.degraded === true);
    return new ForwardedAnswer(answer.value, answer.result, entry.hasIsLost ? answer.degraded : undefined, attempts);
  }

  /** Cache results per interface (for cacheable rows), and degraded answers MSDK sent us. */
  private count(entry: CatalogEntry, result: CacheStatus, msdkSentIsLost: boolean): void {
    if (entry.cache.kind !== 'none') this.metrics.cacheLookups.labels(entry.id, CACHE_RESULT_LABEL[result]).inc();
    if (msdkSentIsLost) this.metrics.isLostAnswers.labels(entry.id).inc();
  }

  private async send(
    entry: CatalogEntry,
    call: UpstreamCall,
    context: ForwardContext,
    openid: string,
  ): Promise<MsdkResult> {
    // Only calls that would reach MSDK spend from the user's budget: never cache hits or followers.
    await this.perUser.admit(context.caller, entry, openid);
    const base = entry.protocol === 'v3' ? this.v3 : this.v5;
    return this.client.call(entry, base.origin, base.prefixed(call), {
      headers: { 'x-request-id': context.requestId },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}
