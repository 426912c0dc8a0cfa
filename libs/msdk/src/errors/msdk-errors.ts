/**
 * Typed errors thrown by libs/msdk. Each carries a stable `code`; the gateway's exception
 * filter is the only place that turns them into HTTP statuses and the error envelope.
 */
export type MsdkErrorCode =
  | 'UPSTREAM_TIMEOUT'
  | 'UPSTREAM_UNAVAILABLE'
  | 'UPSTREAM_BAD_RESPONSE'
  | 'UPSTREAM_POOL_EXHAUSTED'
  | 'MSDK_TLS_FAILED'
  | 'CIRCUIT_OPEN'
  | 'MSDK_ERROR'
  | 'MSDK_USER_TOKEN_INVALID'
  | 'MSDK_FREQUENCY_LIMIT'
  | 'MSDK_CREDENTIAL_MISSING'
  | 'MSDK_PLATFORM_UNSUPPORTED';

export abstract class MsdkFailure extends Error {
  abstract readonly code: MsdkErrorCode;
  /**
   * False only when the request provably never left this process (connection refused,
   * circuit open): then even a non-repeatable interface may be tried again.
   */
  readonly mayHaveReachedUpstream: boolean = true;
}

/**
 * The attempt or the whole deadline ran out before MSDK answered. One attempt's timer raises it
 * with the time that attempt had; the client restates the call's last one with what was
 * configured and how many attempts were made (`asConfiguredTimeout`), which is what callers read.
 */
export class UpstreamTimeoutError extends MsdkFailure {
  readonly code = 'UPSTREAM_TIMEOUT';
  constructor(
    readonly timeoutMs: number,
    readonly scope: 'attempt' | 'deadline',
    readonly attempts = 1,
    options?: ErrorOptions,
  ) {
    super(
      `MSDK did not answer within the ${Math.round(timeoutMs)} ms ${scope === 'deadline' ? 'deadline' : 'attempt timeout'} ` +
        `(${attempts} ${attempts === 1 ? 'attempt' : 'attempts'})`,
      options,
    );
  }
}

/**
 * The deadline left no room for another attempt, so none was made: a timeout for the caller, but
 * nothing MSDK did (the breaker does not count it).
 */
export class DeadlineSpentError extends UpstreamTimeoutError {
  override readonly mayHaveReachedUpstream = false;
  constructor(deadlineMs: number) {
    super(deadlineMs, 'deadline');
  }
}

/** The limits a call's timeout is stated in: what was configured, not what an attempt had left. */
export interface ConfiguredTimeouts {
  readonly deadlineMs: number;
  readonly attemptTimeoutMs: number;
}

/**
 * A call's final failure as the caller reads it: a timeout names the configured deadline (or the
 * per-attempt timeout, when an attempt's own timeout ended the call) and the attempts made. An
 * attempt that never left (no room left in the deadline) is not counted. Other failures pass.
 */
export function asConfiguredTimeout(error: unknown, configured: ConfiguredTimeouts, attempts: number): unknown {
  if (!(error instanceof UpstreamTimeoutError)) return error;
  const made = error.mayHaveReachedUpstream ? attempts : attempts - 1;
  const limitMs = error.scope === 'deadline' ? configured.deadlineMs : configured.attemptTimeoutMs;
  return new UpstreamTimeoutError(limitMs, error.scope, made, { cause: error });
}

/** Connection failure or an HTTP 5xx from MSDK. */
export class UpstreamUnavailableError extends MsdkFailure {
  readonly code = 'UPSTREAM_UNAVAILABLE';
  override readonly mayHaveReachedUpstream: boolean;
  constructor(
    message: string,
    readonly status?: number,
    connectFailed = false,
  ) {
    super(message);
    this.mayHaveReachedUpstream = !connectFailed;
  }
}

/**
 * Every connection to MSDK is busy and as many calls already wait for one: this call is refused
 * at once rather than queued behind them, where it would wait out its deadline. Nothing was sent,
 * and it says nothing about MSDK's health by itself (the breaker does not count it).
 */
export class UpstreamPoolExhaustedError extends MsdkFailure {
  readonly code = 'UPSTREAM_POOL_EXHAUSTED';
  override readonly mayHaveReachedUpstream = false;
  constructor(
    readonly origin: string,
    readonly connections: number,
    readonly queued: number,
  ) {
    super(`All ${connections} connections to MSDK are busy and ${queued} calls already wait for one; retry shortly`);
  }
}

/**
 * The TLS handshake with MSDK failed: its certificate did not verify (unknown CA, wrong host name,
 * expired) or the two sides could not agree on TLS at all. Nothing was sent. Not an outage: the
 * same certificate fails the same way on every attempt, so the call is not retried, the breaker
 * does not count it (an open circuit would hide this reason behind CIRCUIT_OPEN) and no cached
 * copy answers for it. `reason` is OpenSSL's or Node's code (e.g. CERT_HAS_EXPIRED), never
 * anything read from the certificate.
 */
export class UpstreamTlsError extends MsdkFailure {
  readonly code = 'MSDK_TLS_FAILED';
  override readonly mayHaveReachedUpstream = false;
  constructor(readonly reason: string) {
    super(`TLS with MSDK failed (${reason}): the connection was dropped before anything was sent`);
  }
}

/** MSDK answered with something that is not MSDK's JSON (non-200 non-5xx, empty, garbage). */
export class BadUpstreamResponseError extends MsdkFailure {
  readonly code = 'UPSTREAM_BAD_RESPONSE';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export class CircuitOpenError extends MsdkFailure {
  readonly code = 'CIRCUIT_OPEN';
  override readonly mayHaveReachedUpstream = false;
  constructor(readonly origin: string) {
    super('MSDK is failing; calls are paused by the circuit breaker');
  }
}

/** The game's configuration lacks what this interface needs (e.g. no WeChat appid). */
export class MissingCredentialError extends MsdkFailure {
  readonly code = 'MSDK_CREDENTIAL_MISSING';
  override readonly mayHaveReachedUpstream = false;
  constructor(readonly credential: string) {
    super(`The game is not configured with ${credential}`);
  }
}

/** A row that takes its platform from a field got a value it does not know. */
export class UnsupportedPlatformError extends MsdkFailure {
  readonly code = 'MSDK_PLATFORM_UNSUPPORTED';
  override readonly mayHaveReachedUpstream = false;
  constructor(
    readonly field: string,
    readonly allowed: readonly string[],
  ) {
    super(`${field} must be one of: ${allowed.join(', ')}`);
  }
}

/** Where an MSDK error came from: MSDK itself, or a platform error MSDK wrapped. */
export type MsdkErrorSource = 'msdk' | 'qq' | 'wechat';

/** What MSDK's answer said, unwrapped. Never carries a token. */
export interface MsdkAnswerDetail {
  readonly ret: number;
  readonly msg: string;
  readonly source: MsdkErrorSource;
  /** The platform's own code when MSDK wrapped one (ret -10000 / -20000). */
  readonly platformCode?: number;
  /** MSDK's hint: 1 retry later, 2 re-authorize, 3 refresh the token. */
  readonly errType?: number;
}

/** MSDK answered with ret != 0. */
export class MsdkAnswerError extends MsdkFailure {
  readonly code: MsdkErrorCode = 'MSDK_ERROR';
  /** MSDK's "internal error, retry once" answers (and err_type 1). */
  readonly retryable: boolean;
  constructor(
    readonly detail: MsdkAnswerDetail,
    retryable = false,
  ) {
    super(`MSDK answered ret ${detail.ret}`);
    this.retryable = retryable;
  }
}

/** The user's token was rejected (expired, invalidated, revoked): the user must log in again. */
export class MsdkUserTokenError extends MsdkAnswerError {
  override readonly code = 'MSDK_USER_TOKEN_INVALID';
}

/** MSDK's or the platform's frequency limit for this user or app. */
export class MsdkFrequencyLimitError extends MsdkAnswerError {
  override readonly code = 'MSDK_FREQUENCY_LIMIT';
}

export const isMsdkFailure = (e: unknown): e is MsdkFailure => e instanceof MsdkFailure;
export const isUpstreamTimeoutError = (e: unknown): e is UpstreamTimeoutError => e instanceof UpstreamTimeoutError;
export const isUpstreamUnavailableError = (e: unknown): e is UpstreamUnavailableError =>
  e instanceof UpstreamUnavailableError;
export const isUpstreamPoolExhaustedError = (e: unknown): e is UpstreamPoolExhaustedError =>
  e instanceof UpstreamPoolExhaustedError;
export const isUpstreamTlsError = (e: unknown): e is UpstreamTlsError => e instanceof UpstreamTlsError;
export const isBadUpstreamResponseError = (e: unknown): e is BadUpstreamResponseError =>
  e instanceof BadUpstreamResponseError;
export const isCircuitOpenError = (e: unknown): e is CircuitOpenError => e instanceof CircuitOpenError;
export const isMsdkAnswerError = (e: unknown): e is MsdkAnswerError => e instanceof MsdkAnswerError;
export const isMsdkUserTokenError = (e: unknown): e is MsdkUserTokenError => e instanceof MsdkUserTokenError;

/** Transport-level failures: what trips the breaker and what a stale cache copy may cover. */
export function isUpstreamOutage(e: unknown): boolean {
  return (
    isUpstreamTimeoutError(e) || isUpstreamUnavailableError(e) || isBadUpstreamResponseError(e) || isCircuitOpenError(e)
  );
}
