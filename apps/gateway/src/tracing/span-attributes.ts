/*
 * The gateway's own span attribute names (the HTTP ones come from @opentelemetry/semantic-conventions).
 * Every value is a catalog name, a number, a status or a cache result: never a token, a key, a
 * signature, an openid or a URL (an upstream URL carries the sig and, for V3, the access token).
 */

/** The catalog name of the interface (`relation.qqprofile`): on the request span and on each attempt span. */
export const ATTR_MSDK_INTERFACE = 'msdk.interface';
/** The attempt's number, 1 for the first. */
export const ATTR_MSDK_ATTEMPT = 'msdk.attempt';
/** How the attempt ended: ok, msdk_error, timeout, unavailable, bad_response (the attempts metric's outcomes). */
export const ATTR_MSDK_OUTCOME = 'msdk.outcome';
/** X-Cache of the answer: HIT, MISS, STALE or BYPASS. */
export const ATTR_MSDK_CACHE_RESULT = 'msdk.cache_result';
/** The MSDK calls the answer took (0 from the cache). */
export const ATTR_MSDK_ATTEMPTS = 'msdk.attempts';
/** The gateway's request id (X-Request-Id), as on the request's log lines. */
export const ATTR_GATEWAY_REQUEST_ID = 'msdk_gateway.request_id';
