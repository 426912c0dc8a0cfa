import { readRet, type AttemptOutcome, type BreakerState, type CatalogEntry, type MsdkCallObserver } from '#msdk';
import { msdkAnswerErrorFrom } from '#msdk';
import type { GatewayMetrics } from './gateway-metrics.js';

const BREAKER_VALUE: Record<BreakerState, number> = { closed: 0, 'half-open': 1, open: 2 };

/** The MSDK client's hooks, turned into metrics. */
export class MsdkMetricsObserver implements MsdkCallObserver {
  constructor(private readonly metrics: GatewayMetrics) {}

  attemptFinished(entry: CatalogEntry, _origin: string, outcome: AttemptOutcome, durationMs: number): void {
    this.metrics.upstreamAttempts.labels(entry.id, outcome).inc();
    this.metrics.upstreamAttemptDuration.labels(entry.id, outcome).observe(durationMs / 1000);
  }

  retrying(entry: CatalogEntry): void {
    this.metrics.upstreamRetries.labels(entry.id).inc();
  }

  answered(entry: CatalogEntry, body: Record<string, unknown>): void {
    this.metrics.msdkAnswers.labels(entry.id, retClass(body)).inc();
  }

  breakerChanged(origin: string, state: BreakerState): void {
    this.metrics.breakerState.set({ upstream: new URL(origin).host }, BREAKER_VALUE[state]);
  }
}

function retClass(body: Record<string, unknown>): string {
  if (readRet(body) === 0) return 'ok';
  switch (msdkAnswerErrorFrom(body).code) {
    case 'MSDK_USER_TOKEN_INVALID':
      return 'user_token';
    case 'MSDK_FREQUENCY_LIMIT':
      return 'frequency_limit';
    default:
      return 'other';
  }
}
