/** Which budget refused a call. */
export type LimitKind = 'client' | 'interface' | 'user';

/**
 * Hooks for metrics: the limiter knows nothing of Prometheus. `client` is always a configured
 * client name, so it is a bounded label.
 */
export interface RateLimitObserver {
  onRejected(client: string, kind: LimitKind): void;
}

export const RATE_LIMIT_OBSERVER = Symbol('RATE_LIMIT_OBSERVER');
