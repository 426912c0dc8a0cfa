/** At most `limit` calls per fixed window of `windowMs` (the window opens with its first call). */
export interface WindowLimit {
  readonly limit: number;
  readonly windowMs: number;
}

export interface ClientRateLimits {
  /** Replaces the default per-client limit for this client. */
  readonly limit?: WindowLimit;
  /** By catalog id: this client's own budget per interface (replaces `interfaces` for it). */
  readonly interfaces: Readonly<Record<string, WindowLimit>>;
}

export interface RateLimitConfig {
  /** Master switch for the per-client and per-interface limits. */
  readonly enabled: boolean;
  /** Every client's budget across all its calls, unless `clients` says otherwise. */
  readonly perClient: WindowLimit;
  /** By client name. */
  readonly clients: Readonly<Record<string, ClientRateLimits>>;
  /** By catalog id: a budget per client for that one interface (each client has its own). */
  readonly interfaces: Readonly<Record<string, WindowLimit>>;
  /**
   * MSDK's own per-user frequency limit (about one call per second per user and interface,
   * ret -503), enforced before calling MSDK. Only calls that would reach MSDK count: cache hits
   * and single-flight followers never do.
   */
  readonly perUser: WindowLimit & { readonly enabled: boolean };
  /**
   * While Redis is unavailable each instance counts alone; it then allows this share of each
   * limit (1 = the full limit per instance; 1/N for N instances keeps the total near the limit).
   */
  readonly fallbackShare: number;
  /**
   * With Redis, each instance takes calls from a shared budget in leases of this share of the
   * limit (at most 100 calls) instead of one increment per call; 0 counts every call in Redis.
   */
  readonly leaseShare: number;
}
