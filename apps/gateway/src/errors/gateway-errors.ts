/** Errors the gateway itself raises about its caller. Mapped to the envelope by error-envelope.ts. */
export type GatewayErrorCode =
  | 'CALLER_UNAUTHENTICATED'
  | 'CALLER_FORBIDDEN'
  | 'GAME_ID_REQUIRED'
  | 'VALIDATION_FAILED'
  | 'RATE_LIMITED'
  /** Our per-user frequency check, answering as MSDK would (-503) without calling it. */
  | 'MSDK_FREQUENCY_LIMIT';

export abstract class GatewayError extends Error {
  abstract readonly code: GatewayErrorCode;
}

/** No key, or a key we do not know: our caller, not the MSDK user. */
export class CallerUnauthenticatedError extends GatewayError {
  readonly code = 'CALLER_UNAUTHENTICATED';
}

/** A known caller asking for a game or scope it is not granted. */
export class CallerForbiddenError extends GatewayError {
  readonly code = 'CALLER_FORBIDDEN';
}

export class GameIdRequiredError extends GatewayError {
  readonly code = 'GAME_ID_REQUIRED';
  constructor() {
    super('This key may use several games: send X-Game-Id');
  }
}

export interface FieldProblem {
  readonly field: string;
  readonly problems: readonly string[];
}

export class RequestValidationError extends GatewayError {
  readonly code = 'VALIDATION_FAILED';
  constructor(readonly fields: readonly FieldProblem[]) {
    super(fields.map((f) => `${f.field}: ${f.problems.join('; ')}`).join(' | '));
  }
}

/** Refused as too frequent: 429 with Retry-After. */
export abstract class TooFrequentError extends GatewayError {
  abstract readonly retryAfterSeconds: number;
}

export class RateLimitedError extends TooFrequentError {
  readonly code = 'RATE_LIMITED';
  constructor(readonly retryAfterSeconds: number) {
    super(`Rate limit exceeded; retry after ${retryAfterSeconds} s`);
  }
}

/**
 * MSDK allows about one call per second per user and interface (ret -503). The check answers
 * with MSDK's own code before the call goes out, so callers handle both the same way.
 */
export class UserFrequencyLimitedError extends TooFrequentError {
  readonly code = 'MSDK_FREQUENCY_LIMIT';
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many calls of this interface for this user (MSDK's per-user limit); retry after ${retryAfterSeconds} s`);
  }
}

export const isGatewayError = (e: unknown): e is GatewayError => e instanceof GatewayError;
export const isRateLimitedError = (e: unknown): e is RateLimitedError => e instanceof RateLimitedError;
export const isTooFrequentError = (e: unknown): e is TooFrequentError => e instanceof TooFrequentError;
