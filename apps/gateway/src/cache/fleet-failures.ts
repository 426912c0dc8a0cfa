import type { FleetFailureCodec } from '#cache';
import {
  BadUpstreamResponseError,
  CircuitOpenError,
  MsdkAnswerError,
  MsdkFrequencyLimitError,
  MsdkUserTokenError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
  type MsdkAnswerDetail,
} from '#msdk';
import { UserFrequencyLimitedError } from '../errors/gateway-errors.js';

/** A failure as it travels between instances: its class and what its constructor needs. */
type Relayed =
  | {
      readonly code: 'UPSTREAM_TIMEOUT';
      readonly timeoutMs: number;
      readonly scope: 'attempt' | 'deadline';
      readonly attempts: number;
    }
  | {
      readonly code: 'UPSTREAM_UNAVAILABLE';
      readonly message: string;
      readonly status?: number;
      readonly connectFailed: boolean;
    }
  | { readonly code: 'UPSTREAM_BAD_RESPONSE'; readonly message: string; readonly status: number }
  | { readonly code: 'CIRCUIT_OPEN'; readonly origin: string }
  | {
      readonly code: 'MSDK_ERROR' | 'MSDK_USER_TOKEN_INVALID' | 'MSDK_FREQUENCY_LIMIT';
      readonly detail: MsdkAnswerDetail;
      readonly retryable: boolean;
    }
  | { readonly code: 'USER_FREQUENCY_LIMITED'; readonly retryAfterSeconds: number };

/**
 * Which failures of a lease holder's MSDK call reach the instances waiting on it: what MSDK said
 * or did (its answers, its timeouts and outages) and our per-user limit, all as true for the
 * waiters as for the holder. A failure of the holder's own process (its connection pool full,
 * its config) does not travel: the waiters take the lease over and try themselves. A waiter that
 * outwaits the deadline gets the timeout it would have had calling MSDK itself.
 */
export function fleetFailures(deadlineMs: number): FleetFailureCodec {
  return {
    encode: (error) => {
      const relayed = toRelayed(error);
      return relayed ? JSON.stringify(relayed) : undefined;
    },
    decode: (text) => fromRelayed(JSON.parse(text) as Relayed),
    waitExpired: () => new UpstreamTimeoutError(deadlineMs, 'deadline', 0),
  };
}

function toRelayed(error: unknown): Relayed | undefined {
  if (error instanceof UserFrequencyLimitedError)
    return { code: 'USER_FREQUENCY_LIMITED', retryAfterSeconds: error.retryAfterSeconds };
  if (error instanceof UpstreamTimeoutError)
    return { code: error.code, timeoutMs: error.timeoutMs, scope: error.scope, attempts: error.attempts };
  if (error instanceof UpstreamUnavailableError)
    return {
      code: error.code,
      message: error.message,
      status: error.status,
      connectFailed: !error.mayHaveReachedUpstream,
    };
  if (error instanceof BadUpstreamResponseError)
    return { code: error.code, message: error.message, status: error.status };
  if (error instanceof CircuitOpenError) return { code: error.code, origin: error.origin };
  if (error instanceof MsdkAnswerError) {
    const code =
      error instanceof MsdkUserTokenError
        ? 'MSDK_USER_TOKEN_INVALID'
        : error instanceof MsdkFrequencyLimitError
          ? 'MSDK_FREQUENCY_LIMIT'
          : 'MSDK_ERROR';
    return { code, detail: error.detail, retryable: error.retryable };
  }
  return undefined;
}

function fromRelayed(r: Relayed): Error {
  switch (r.code) {
    case 'USER_FREQUENCY_LIMITED':
      return new UserFrequencyLimitedError(r.retryAfterSeconds);
    case 'UPSTREAM_TIMEOUT':
      return new UpstreamTimeoutError(r.timeoutMs, r.scope, r.attempts);
    case 'UPSTREAM_UNAVAILABLE':
      return new UpstreamUnavailableError(r.message, r.status, r.connectFailed);
    case 'UPSTREAM_BAD_RESPONSE':
      return new BadUpstreamResponseError(r.message, r.status);
    case 'CIRCUIT_OPEN':
      return new CircuitOpenError(r.origin);
    case 'MSDK_USER_TOKEN_INVALID':
      return new MsdkUserTokenError(r.detail, r.retryable);
    case 'MSDK_FREQUENCY_LIMIT':
      return new MsdkFrequencyLimitError(r.detail, r.retryable);
    case 'MSDK_ERROR':
      return new MsdkAnswerError(r.detail, r.retryable);
  }
}
