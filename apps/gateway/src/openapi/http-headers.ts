import type { HeaderObject, ParameterObject, ReferenceObject } from '@nestjs/swagger';
import type { CacheResult } from '#cache';

/** What each X-Cache value means; a Record, so a new cache result cannot go undocumented. */
const CACHE_RESULTS: Readonly<Record<CacheResult, string>> = {
  HIT: 'from the cache',
  MISS: 'from MSDK, and cached',
  STALE: 'a cached copy past its TTL, standing in because MSDK failed, was slow or sent is_lost=1',
  BYPASS: 'from MSDK, not cached (the interface is never cached, or the cache was unavailable)',
};

/** A version 00 W3C traceparent: version, 32-hex trace id, 16-hex parent id, flags. */
const TRACEPARENT_PATTERN = '^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$';

/** Answer headers, shared by the operations through components.headers. */
export const ANSWER_HEADERS = {
  XCache: {
    description: `How the answer was produced: ${Object.entries(CACHE_RESULTS)
      .map(([value, meaning]) => `${value} ${meaning}`)
      .join('; ')}`,
    required: true,
    schema: { type: 'string', enum: Object.keys(CACHE_RESULTS) },
  },
  XRequestId: {
    description: "This request's id, as in the gateway's logs (the caller's own X-Request-Id when it sent one)",
    required: true,
    schema: { type: 'string' },
  },
  XMsdkIsLost: {
    description: '"1": MSDK sent degraded data (is_lost=1) and no cached copy could stand in; it is never cached',
    required: true,
    schema: { type: 'string', enum: ['0', '1'] },
  },
  Traceparent: {
    description:
      "W3C Trace Context: the request's trace (the caller's trace id when its traceparent was valid, else a new one) " +
      "and the gateway's own span id as parent id; log lines of the request carry the same trace id",
    required: true,
    schema: { type: 'string', pattern: TRACEPARENT_PATTERN },
  },
  RetryAfter: {
    description: 'Seconds to wait before trying again; sent when the gateway itself refused the call',
    required: false,
    schema: { type: 'integer', minimum: 0 },
  },
} satisfies Record<string, HeaderObject>;

export type AnswerHeaderName = keyof typeof ANSWER_HEADERS;
export const headerRef = (name: AnswerHeaderName): ReferenceObject => ({ $ref: `#/components/headers/${name}` });

/** Request headers the operations read besides Authorization. */
export const REQUEST_HEADERS = {
  XGameId: {
    name: 'X-Game-Id',
    in: 'header',
    required: false,
    description: 'The game to act for; needed when the client key may use several games (else 400 GAME_ID_REQUIRED)',
    schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' },
  },
  XRequestId: {
    name: 'X-Request-Id',
    in: 'header',
    required: false,
    description: "The caller's request id, kept in logs, in the answer and towards MSDK (else the gateway mints one)",
    schema: { type: 'string', pattern: '^[A-Za-z0-9._-]{8,64}$' },
  },
  Traceparent: {
    name: 'traceparent',
    in: 'header',
    required: false,
    description:
      "W3C Trace Context: the caller's trace, continued by the gateway and passed on to MSDK; absent or malformed " +
      '(not version 00 with non-zero ids, per the spec) starts a new trace',
    schema: { type: 'string', example: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' },
  },
  CacheControl: {
    name: 'Cache-Control',
    in: 'header',
    required: false,
    description: '`no-cache` reads past the cache; the fresh answer is still cached',
    schema: { type: 'string', example: 'no-cache' },
  },
} satisfies Record<string, ParameterObject>;

export type RequestHeaderName = keyof typeof REQUEST_HEADERS;
export const parameterRef = (name: RequestHeaderName): ReferenceObject => ({ $ref: `#/components/parameters/${name}` });
