import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { STALE_REASONS } from '#cache';
import { ALL_ENTRIES } from '#msdk';

/**
 * Every metric the gateway exports, in its own registry (one per gateway instance, so tests can
 * run several in one process). Labels are bounded: route templates, catalog ids, outcome names,
 * configured client names and upstream hosts — never an openid, token, raw URL or key.
 */
export class GatewayMetrics {
  readonly registry = new Registry();

  /** MSDK's range: most answers well under a second, its own limit at 3.1 s, our deadline at 7 s. */
  static readonly BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 3.1, 3.5, 5, 7, 10];

  readonly httpDuration = this.histogram(
    'msdk_gateway_http_request_duration_seconds',
    'Inbound requests, by route template, method and status class',
    ['route', 'method', 'status_class'],
  );

  readonly upstreamAttemptDuration = this.histogram(
    'msdk_gateway_upstream_attempt_duration_seconds',
    'One attempt to call MSDK, by catalog interface and outcome',
    ['interface', 'outcome'],
  );

  readonly upstreamAttempts = this.counter(
    'msdk_gateway_upstream_attempts_total',
    'Attempts to call MSDK by outcome: ok, msdk_error, timeout, unavailable, bad_response, tls_failed, circuit_open',
    ['interface', 'outcome'],
  );

  readonly upstreamRetries = this.counter(
    'msdk_gateway_upstream_retries_total',
    'Attempts that were retries of an earlier one',
    ['interface'],
  );

  readonly msdkAnswers = this.counter(
    'msdk_gateway_msdk_answers_total',
    "MSDK's business answers by ret class: ok, user_token, frequency_limit, other",
    ['interface', 'ret_class'],
  );

  readonly cacheLookups = this.counter(
    'msdk_gateway_cache_lookups_total',
    'Answers of cacheable interfaces by cache result: hit, miss, stale, bypass',
    ['interface', 'result'],
  );

  readonly staleAnswers = this.counter(
    'msdk_gateway_stale_answers_total',
    'Answers from an expired copy (X-Cache: STALE) by reason: slow (stale-if-slow), failed (MSDK outage), degraded (is_lost)',
    ['interface', 'reason'],
  );

  readonly isLostAnswers = this.counter(
    'msdk_gateway_is_lost_answers_total',
    'MSDK answers flagged is_lost=1 (degraded data, never cached)',
    ['interface'],
  );

  readonly fleetSingleFlight = this.counter(
    'msdk_gateway_fleet_single_flight_total',
    "Flights for a missed cache key (one per instance and key) by role: leader and takeover called MSDK holding the key's lease, waiter got another instance's answer, local called MSDK without Redis",
    ['role'],
  );

  readonly cacheStoreErrors = this.counter(
    'msdk_gateway_cache_store_errors_total',
    'Cache store (Redis) failures, each turned into a bypass',
    ['operation'],
  );

  readonly breakerState = this.gauge(
    'msdk_gateway_circuit_breaker_state',
    'Circuit breaker per MSDK upstream: 0 closed, 1 half-open, 2 open',
    ['upstream'],
  );

  readonly redisBreakerState = this.gauge(
    'msdk_gateway_redis_breaker_state',
    'Redis (cache and shared rate-limit counters): 0 asked, 1 being probed, 2 skipped after repeated failures',
    [],
  );

  readonly rateLimitRejections = this.counter(
    'msdk_gateway_rate_limit_rejections_total',
    'Requests refused by our rate limits, by client',
    ['client'],
  );

  readonly configReloads = this.counter(
    'msdk_gateway_config_reloads_total',
    'Re-reads of the configuration (a watched file changed, or SIGHUP): applied, or rejected (the old one stays)',
    ['outcome'],
  );

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'msdk_gateway_' });
    // Both series exist from the start, so an alert on rejected reloads sees a zero, not nothing.
    for (const outcome of ['applied', 'rejected']) this.configReloads.labels(outcome).inc(0);
    // Likewise every cacheable interface's stale reasons: the dashboard shows zeros, not "no data".
    for (const entry of ALL_ENTRIES.filter((e) => e.cache.kind !== 'none')) {
      for (const reason of STALE_REASONS) this.staleAnswers.labels(entry.id, reason).inc(0);
    }
  }

  // Every metric goes to this instance's registry; histograms all use MSDK's buckets. Callers
  // give label values positionally (`labels(route, method, statusClass)`), in labelNames order:
  // measured, asking prom-client for the child each time costs no more than keeping children.
  private histogram<L extends string>(name: string, help: string, labelNames: readonly L[]): Histogram<L> {
    return new Histogram({ name, help, labelNames, buckets: GatewayMetrics.BUCKETS, registers: [this.registry] });
  }

  private counter<L extends string>(name: string, help: string, labelNames: readonly L[]): Counter<L> {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  private gauge<L extends string>(name: string, help: string, labelNames: readonly L[]): Gauge<L> {
    return new Gauge({ name, help, labelNames, registers: [this.registry] });
  }
}
