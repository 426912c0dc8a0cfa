import {
  BadUpstreamResponseError,
  CircuitOpenError,
  isPlatformFromField,
  MissingCredentialError,
  MsdkAnswerError,
  MsdkFrequencyLimitError,
  MsdkUserTokenError,
  UnsupportedPlatformError,
  UpstreamPoolExhaustedError,
  UpstreamTimeoutError,
  UpstreamTlsError,
  UpstreamUnavailableError,
  type CatalogEntry,
  type MsdkAnswerDetail,
  type MsdkErrorCode,
} from '#msdk';
import {
  CallerForbiddenError,
  CallerUnauthenticatedError,
  GameIdRequiredError,
  RateLimitedError,
  RequestValidationError,
  UserFrequencyLimitedError,
  type GatewayErrorCode,
} from '../errors/gateway-errors.js';

/** The codes Fastify's own request errors and unexpected failures leave with (see error-envelope.ts). */
type RequestErrorCode = 'INVALID_JSON' | 'INVALID_BODY' | 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE';
export type OperationErrorCode = GatewayErrorCode | MsdkErrorCode | RequestErrorCode | 'INTERNAL_ERROR';

export interface ErrorCause {
  /** When an operation answers with this code, in a few words for the response's description. */
  readonly when: string;
  /**
   * Failures of this kind as the gateway meets them. The document takes each one's status,
   * headers and envelope fields from the gateway's one mapping (toErrorEnvelope), so the
   * document cannot disagree with what is sent.
   */
  readonly samples: () => readonly unknown[];
  /** The operations that can answer with it; all when absent. */
  readonly appliesTo?: (entry: CatalogEntry) => boolean;
}

/** What MSDK answered, as the examples show it. */
const TOKEN_EXPIRED: MsdkAnswerDetail = {
  ret: -10000,
  msg: '100014,token expired',
  source: 'qq',
  platformCode: 100014,
};
const TOO_FREQUENT: MsdkAnswerDetail = { ret: -503, msg: 'too many requests', source: 'msdk' };
const MSDK_FAILED: MsdkAnswerDetail = { ret: -506, msg: 'missing params: openid', source: 'msdk' };
const fastifyError = (code: string) => Object.assign(new Error(code), { code });

/** Every code a /v1 operation can answer with: a Record, so a new code cannot go undocumented. */
export const ERROR_CAUSES: Readonly<Record<OperationErrorCode, ErrorCause>> = {
  VALIDATION_FAILED: {
    when: 'a field is invalid (each named in error.fields)',
    samples: () => [new RequestValidationError([{ field: 'openid', problems: ['openid must be an openid'] }])],
  },
  INVALID_JSON: {
    when: 'the body is empty or not JSON',
    samples: () => [fastifyError('FST_ERR_CTP_INVALID_JSON_BODY')],
  },
  INVALID_BODY: {
    when: 'Content-Length does not match the body',
    samples: () => [fastifyError('FST_ERR_CTP_INVALID_CONTENT_LENGTH')],
  },
  GAME_ID_REQUIRED: {
    when: 'the client key may use several games and X-Game-Id is missing',
    samples: () => [new GameIdRequiredError()],
  },
  MSDK_PLATFORM_UNSUPPORTED: {
    when: 'the field that picks the platform names one this interface lacks',
    samples: () => [new UnsupportedPlatformError('channelid', ['1', '2'])],
    appliesTo: (entry) => isPlatformFromField(entry.platform),
  },
  CALLER_UNAUTHENTICATED: {
    when: 'no client key, or an unknown one',
    samples: () => [new CallerUnauthenticatedError('The client key is not known')],
  },
  CALLER_FORBIDDEN: {
    when: 'the client key may not use this game (X-Game-Id) or this domain',
    samples: () => [new CallerForbiddenError('This client may not use that game')],
  },
  PAYLOAD_TOO_LARGE: {
    when: 'the body is larger than the configured limit',
    samples: () => [fastifyError('FST_ERR_CTP_BODY_TOO_LARGE')],
  },
  UNSUPPORTED_MEDIA_TYPE: {
    when: 'the body is not sent as application/json',
    samples: () => [fastifyError('FST_ERR_CTP_INVALID_MEDIA_TYPE')],
  },
  MSDK_USER_TOKEN_INVALID: {
    when: "MSDK rejected the user's token (expired, revoked): the user must log in again",
    samples: () => [new MsdkUserTokenError(TOKEN_EXPIRED)],
    appliesTo: (entry) => entry.fields.accessToken !== null,
  },
  RATE_LIMITED: {
    when: "the client key's rate limit is spent",
    samples: () => [new RateLimitedError(1)],
  },
  MSDK_FREQUENCY_LIMIT: {
    when: "MSDK's per-user frequency limit: refused by MSDK, or by the gateway before calling it",
    samples: () => [new UserFrequencyLimitedError(1), new MsdkFrequencyLimitError(TOO_FREQUENT)],
  },
  INTERNAL_ERROR: {
    when: 'the gateway failed unexpectedly (the request id is in its logs)',
    samples: () => [new Error('unexpected')],
  },
  MSDK_CREDENTIAL_MISSING: {
    when: "the game's configuration lacks what this interface needs (an appid or key)",
    samples: () => [new MissingCredentialError('a WeChat appid')],
  },
  UPSTREAM_UNAVAILABLE: {
    when: 'MSDK could not be reached, or answered with an HTTP 5xx',
    samples: () => [new UpstreamUnavailableError('MSDK answered HTTP 502', 502)],
  },
  UPSTREAM_BAD_RESPONSE: {
    when: "MSDK's answer was not MSDK's JSON",
    samples: () => [new BadUpstreamResponseError('MSDK answered with something that is not JSON', 200)],
  },
  MSDK_ERROR: {
    when: 'MSDK answered ret != 0 (its ret and msg are in error.msdk)',
    samples: () => [new MsdkAnswerError(MSDK_FAILED)],
  },
  UPSTREAM_POOL_EXHAUSTED: {
    when: 'every connection to MSDK is busy and the queue for one is full: refused at once, nothing sent',
    samples: () => [new UpstreamPoolExhaustedError('http://msdk.example', 64, 64)],
  },
  MSDK_TLS_FAILED: {
    when:
      "MSDK's TLS certificate did not verify (unknown CA, wrong host name, expired; the reason code is in the " +
      'message): nothing was sent, and retrying will not help until the certificate or MSDK_CA_FILE is fixed',
    samples: () => [new UpstreamTlsError('UNABLE_TO_VERIFY_LEAF_SIGNATURE')],
  },
  CIRCUIT_OPEN: {
    when: 'MSDK keeps failing, so calls are paused for a while',
    samples: () => [new CircuitOpenError('v3')],
  },
  UPSTREAM_TIMEOUT: {
    when: 'MSDK did not answer in time (3100 ms an attempt, a total deadline across retries)',
    samples: () => [new UpstreamTimeoutError(3100, 'attempt')],
  },
};

export const causesFor = (entry: CatalogEntry): OperationErrorCode[] =>
  (Object.keys(ERROR_CAUSES) as OperationErrorCode[]).filter((code) => ERROR_CAUSES[code].appliesTo?.(entry) ?? true);
