import { HttpException } from '@nestjs/common';
import { isMsdkAnswerError, isMsdkFailure, type MsdkErrorCode } from '#msdk';
import {
  isGatewayError,
  isTooFrequentError,
  RequestValidationError,
  type FieldProblem,
  type GatewayErrorCode,
} from './gateway-errors.js';

export interface ErrorEnvelope {
  error: {
    code: string;
    message: string;
    requestId: string;
    fields?: readonly FieldProblem[];
    msdk?: { ret: number; msg: string; source: string; platformCode?: number; errType?: number };
  };
}

export interface MappedError {
  readonly status: number;
  /** The stable code (also for logs and metrics). */
  readonly code: string;
  /** The envelope; a failed health check keeps terminus's report, which probes and ops read. */
  readonly body: ErrorEnvelope | HealthReport;
  readonly headers: Record<string, string>;
  /** 5xx caused by us (not by MSDK): worth an error log with the stack. */
  readonly unexpected: boolean;
}

const MSDK_STATUS: Record<MsdkErrorCode, number> = {
  UPSTREAM_TIMEOUT: 504,
  UPSTREAM_UNAVAILABLE: 502,
  UPSTREAM_BAD_RESPONSE: 502,
  UPSTREAM_POOL_EXHAUSTED: 503,
  // MSDK's certificate did not verify: a bad gateway, and not worth retrying until someone fixes it.
  MSDK_TLS_FAILED: 502,
  CIRCUIT_OPEN: 503,
  MSDK_ERROR: 502,
  // The MSDK user's token, not our caller's key: a 4xx that is not 401, so it never reads as ours.
  MSDK_USER_TOKEN_INVALID: 422,
  MSDK_FREQUENCY_LIMIT: 429,
  MSDK_CREDENTIAL_MISSING: 501,
  MSDK_PLATFORM_UNSUPPORTED: 400,
};

const GATEWAY_STATUS: Record<GatewayErrorCode, number> = {
  CALLER_UNAUTHENTICATED: 401,
  CALLER_FORBIDDEN: 403,
  GAME_ID_REQUIRED: 400,
  VALIDATION_FAILED: 400,
  RATE_LIMITED: 429,
  MSDK_FREQUENCY_LIMIT: 429,
};

/**
 * Fastify's own request errors (before any handler ran), and Node's HTTP parser errors (before
 * Fastify saw a request: http/edge-errors.ts).
 */
const FASTIFY_CODES: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: 'The request body is larger than allowed',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Send Content-Type: application/json',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'INVALID_BODY',
    message: 'Content-Length does not match the body',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'INVALID_JSON', message: 'The body is empty; send a JSON object' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'INVALID_JSON', message: 'The body is not valid JSON' },
  FST_ERR_CTP_INVALID_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Send Content-Type: application/json',
  },
  FST_ERR_BAD_URL: {
    status: 400,
    code: 'INVALID_URL',
    message: 'The URL is not valid: a % must start a percent-encoded byte (%XX)',
  },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'URI_TOO_LONG', message: 'The URL is longer than allowed' },
  HPE_HEADER_OVERFLOW: {
    status: 431,
    code: 'HEADERS_TOO_LARGE',
    message: 'The request headers are larger than allowed',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    code: 'REQUEST_TIMEOUT',
    message: 'The request did not arrive in time',
  },
};

/** Node's HTTP parser errors are all HPE_*: anything it could not read as HTTP. */
const HTTP_PARSER_ERROR = /^HPE_/;

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

/** The one mapping from any failure to status + envelope, used by the filter and Fastify's error handler. */
export function toErrorEnvelope(error: unknown, requestId: string): MappedError {
  const headers: Record<string, string> = {};
  const envelope = (
    status: number,
    code: string,
    message: string,
    extra: Partial<ErrorEnvelope['error']> = {},
    unexpected = false,
  ): MappedError => ({
    status,
    code,
    headers,
    unexpected,
    body: { error: { code, message, requestId, ...extra } },
  });

  if (isMsdkFailure(error)) {
    const status = MSDK_STATUS[error.code];
    if (!isMsdkAnswerError(error)) return envelope(status, error.code, error.message);
    const d = error.detail;
    return envelope(status, error.code, describeAnswer(error.code), {
      msdk: { ret: d.ret, msg: d.msg, source: d.source, platformCode: d.platformCode, errType: d.errType },
    });
  }
  if (isGatewayError(error)) {
    if (isTooFrequentError(error)) headers['retry-after'] = String(error.retryAfterSeconds);
    const fields = error instanceof RequestValidationError ? { fields: error.fields } : {};
    return envelope(GATEWAY_STATUS[error.code], error.code, error.message, fields);
  }
  // Fastify's parser errors arrive as they are, or wrapped by Nest in an HttpException.
  const fastifyCode = codeOf(error) ?? codeOf((error as { cause?: unknown } | null)?.cause);
  if (typeof fastifyCode === 'string' && FASTIFY_CODES[fastifyCode]) {
    const m = FASTIFY_CODES[fastifyCode];
    return envelope(m.status, m.code, m.message);
  }
  if (typeof fastifyCode === 'string' && HTTP_PARSER_ERROR.test(fastifyCode))
    return envelope(400, 'BAD_REQUEST', 'The request is not valid HTTP/1.1');
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    if (isHealthReport(response))
      return { status, code: 'HEALTH_CHECK_FAILED', headers, unexpected: false, body: response };
    return envelope(status, HTTP_CODES[status] ?? `HTTP_${status}`, error.message, {}, status >= 500);
  }
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return envelope(statusCode, HTTP_CODES[statusCode] ?? 'BAD_REQUEST', 'The request could not be read');
  }
  return envelope(500, 'INTERNAL_ERROR', 'The gateway failed unexpectedly; the request id is in the logs', {}, true);
}

type HealthReport = { status: string; details: Record<string, unknown> };

function isHealthReport(value: unknown): value is HealthReport {
  return typeof value === 'object' && value !== null && 'details' in value && 'status' in value;
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

function describeAnswer(code: string): string {
  switch (code) {
    case 'MSDK_USER_TOKEN_INVALID':
      return "MSDK rejected the user's token: the user must log in again (or refresh the token)";
    case 'MSDK_FREQUENCY_LIMIT':
      return 'MSDK refused the call as too frequent for this user; retry later';
    default:
      return 'MSDK answered with an error';
  }
}
