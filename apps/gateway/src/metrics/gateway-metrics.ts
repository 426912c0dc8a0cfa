import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Every metric the gateway exports, in its own registry (one per gateway instance, so tests can
 * run several in one process). Labels are bounded: route templates, catalog ids, outcome names,
 * configured client names and upstream hosts — never an openid, token, raw URL or key.
 */
export class GatewayMetrics {
  readonly registry = new Registry();

  /** MSDK's range: most answers well under a second, its own limit at 3.1 s, our deadline at 7 s. */
  static readonly BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 3.1, 3.5, 5, 7, 10];

  readonly httpDuration = new Histogram({
    name: 'msdk_gateway_http_request_duration_seconds',
    help: 'Inbound requests, by route template, method and status class',
    labelNames: ['route', 'method', 'status_class'] as const,
    buckets: GatewayMetrics.BUCKETS,
    registers: [this.registry],
  });

  readonly upstreamAttemptDuration = new Histogram({
    name: 'msdk_gateway_upstream_attempt_duration_seconds',
    help: 'One attempt to call MSDK, by catalog interface and outcome',
    labelNames: ['interface', 'outcome'] as const,
    buckets: GatewayMetrics.BUCKETS,
    registers: [this.registry],
  });

  readonly upstreamAttempts = new Counter({
    name: 'msdk_gateway_upstream_attempts_total',
    help: 'Attempts to call MSDK by outcome: ok, msdk_error, timeout, unavailable, bad_response, circuit_open',
    labelNames: ['interface', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly upstreamRetries = new Counter({
    name: 'msdk_gateway_upstream_retries_total',
    help: 'Attempts that were retries of an earlier one',
    labelNames: ['interface'] as const,
    registers: [this.registry],
  });

  readonly msdkAnswers = new Counter({
    name: 'msdk_gateway_msdk_answers_total',
    help: "MSDK's business answers by ret class: ok, user_token, frequency_limit, other",
    labelNames: ['interface', 'ret_class'] as const,
    registers: [this.registry],
  });

  readonly cacheLookups = new Counter({
    name: 'msdk_gateway_cache_lookups_total',
    help: 'Answers of cacheable interfaces by cache result: hit, miss, stale, bypass',
    labelNames: ['interface', 'result'] as const,
    registers: [this.registry],
  });

  readonly isLostAnswers = new Counter({
    name: 'msdk_gateway_is_lost_answers_total',
    help: 'MSDK answers flagged is_lost=1 (degraded data, never cached)',
    labelNames: ['interface'] as const,
    registers: [this.registry],
  });

  readonly cacheStoreErrors = new Counter({
    name: 'msdk_gateway_cache_store_errors_total',
    help: 'Cache store (Redis) failures, each turned into a bypass',
    labelNames: ['operation'] as const,
    registers: [this.registry],
  });

  readonly breakerState = new Gauge({
    name: 'msdk_gateway_circuit_breaker_state',
    help: 'Circuit breaker per MSDK upstream: 0 closed, 1 half-open, 2 open',
    labelNames: ['upstream'] as const,
    registers: [this.registry],
  });

  readonly rateLimitRejections = new Counter({
    name: 'msdk_gateway_rate_limit_rejections_total',
    help: 'Requests refused by our rate limits, by client',
    labelNames: ['client'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'msdk_gateway_' });
  }
}
