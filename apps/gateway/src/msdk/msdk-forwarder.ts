import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ReadThroughCache, RequestRedisBudgets, type RedisBudget } from '#cache';
import {
  buildUpstreamCall,
  isUpstreamOutage,
  isUpstreamPoolExhaustedError,
  upstreamAppId,
  MsdkClient,
  type CallerPayload,
  type CatalogEntry,
  type MsdkResult,
} from '#msdk';
import type { AuthenticatedCaller } from '../caller-auth/authenticated-caller.js';
import { cacheTtlFor, staleIfSlowFor } from '../cache/cache-ttl.js';
import { msdkCacheKey } from '../cache/msdk-cache-key.js';
import { cacheConfig, upstreamConfig } from '../config/config-namespaces.js';
import type { CacheConfig } from '../config/cache-config.js';
import type { UpstreamConfig } from '../config/gateway-config.js';
import { forwardContextOf, type ForwardingRequest } from './forward-context.decorator.js';
import { ForwardedAnswer, isLostFlag, type CacheStatus } from './forwarded-answer.js';
import { GatewayMetrics } from '../metrics/gateway-metrics.js';
import { PerUserFrequencyCheck } from '../rate-limit/per-user-frequency.check.js';
import { UpstreamBase } from './upstream-base.js';
import type { RequestTrace } from '../tracing/request-trace.js';
import { RequestTracing } from '../tracing/request-tracing.js';

/** The cache_lookups `result` label for each X-Cache value. */
const CACHE_RESULT_LABEL: Record<CacheStatus, string> = { HIT: 'hit', MISS: 'miss', STALE: 'stale', BYPASS: 'bypass' };

/** What a route hands over: who calls, the request id and trace, and whether to skip the cache read. */
export interface ForwardContext {
  readonly caller: AuthenticatedCaller;
  readonly requestId: string;
  /** Its trace: MSDK gets a traceparent on every attempt. */
  readonly trace: RequestTrace;
  /** Cache-Control: no-cache — read past the cache (the fresh answer is still stored). */
  readonly noCache: boolean;
}

/**
 * The single forwarding path for every catalog row, and the pipeline's steps between validation
 * and the answer (pipeline/request-pipeline.ts, FORWARDER_STEPS): answer from the cache where
 * the row allows; otherwise check the user's frequency budget, sign the call for the caller's
 * game, send it through the resilient client, and hand MSDK's bytes back.
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
    private readonly redisBudgets: RequestRedisBudgets,
    private readonly tracing: RequestTracing,
  ) {
    this.v3 = new UpstreamBase(upstream.v3BaseUrl);
    this.v5 = new UpstreamBase(upstream.v5BaseUrl);
  }

  /** Cache lookup, then (on a miss or for an uncached row) per-user check, sign and send. */
  async forward(entry: CatalogEntry, payload: object, request: ForwardingRequest): Promise<ForwardedAnswer> {
    // MSDK's deadline runs from here, whoever calls: a miss that waited for another instance's
    // answer and then takes over its lease has only what is left (resilience.deadlineMs in all).
    const startedAt = performance.now();
    const context = forwardContextOf(request);
    // The request's time for Redis, shared by the cache read and the shared counters (the client
    // rate limit already drew on it).
    const redis = this.redisBudgets.of(request);
    const caller = payload as CallerPayload;
    const ttlMs = cacheTtlFor(entry, this.cacheSettings);
    if (ttlMs === undefined) {
      const result = await this.callMsdk(entry, caller, context, context.requestId, redis, startedAt);
      const isLost = entry.hasIsLost ? isLostFlag(result.body) : undefined;
      this.count(entry, 'BYPASS', isLost === true);
      return new ForwardedAnswer(result.raw, 'BYPASS', isLost, result.attempts);
    }

    let attempts = 0;
    const { game } = context.caller;
    const key = msdkCacheKey(
      game.id,
      upstreamAppId(entry, game.credentials, caller),
      entry,
      payload as Record<string, unknown>,
    );
    const answer = await this.cache.read(
      key,
      {
        ttlMs,
        skipRead: context.noCache,
        staleCovers: coveredByCopy,
        staleIfSlowMs: staleIfSlowFor(entry, this.cacheSettings),
        redisBudget: redis,
      },
      async () => {
        // The body is served to later requests, so V3's msdkExtInfo must not default to this
        // request's id; V5's seq still carries it.
        const signedRequestId = entry.protocol === 'v5' ? context.requestId : undefined;
        const result = await this.callMsdk(entry, caller, context, signedRequestId, redis, startedAt);
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

  /**
   * The per-user frequency check, signing and sending, for a call that will reach MSDK: never
   * for a cache hit or a single-flight follower, so those spend nothing from the user's budget.
   */
  private async callMsdk(
    entry: CatalogEntry,
    caller: CallerPayload,
    context: ForwardContext,
    signedRequestId: string | undefined,
    redis: RedisBudget,
    startedAt: number,
  ): Promise<MsdkResult> {
    await this.perUser.admit(context.caller, entry, caller.openid, redis);
    const call = buildUpstreamCall(entry, context.caller.game.credentials, caller, { requestId: signedRequestId });
    const base = entry.protocol === 'v3' ? this.v3 : this.v5;
    return this.client.call(entry, base.origin, base.prefixed(call), {
      ...this.tracing.upstreamContext(context.trace, entry, context.requestId),
      startedAt,
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}

/**
 * Failures a cached copy answers for: MSDK's outages, and a call refused because every
 * connection to MSDK is busy (never sent, so not an outage the breaker counts).
 */
function coveredByCopy(error: unknown): boolean {
  return isUpstreamOutage(error) || isUpstreamPoolExhaustedError(error);
}
