/**
 * What a game server sends for any interface: the unified `openid` and `accessToken`, and
 * every other field under its MSDK name. Validated by the gateway's DTOs before it gets here.
 */
export interface CallerPayload {
  readonly openid: string;
  readonly accessToken?: string;
  /** V3 passthrough value MSDK echoes back; only [A-Za-z0-9_]. */
  readonly msdkExtInfo?: string;
  readonly [field: string]: unknown;
}

/** What MSDK takes as msdkExtInfo: 1-64 of [A-Za-z0-9_] (it echoes the value back). */
export const MSDK_EXT_INFO_PATTERN = /^[A-Za-z0-9_]{1,64}$/;

/** Fields the gateway consumes itself rather than forwarding as they are. */
export const UNIFIED_FIELDS = new Set(['openid', 'accessToken', 'msdkExtInfo']);

/** A request ready for a transport: no origin (the client owns it), body exactly as sent. */
export interface UpstreamCall {
  readonly method: 'GET' | 'POST';
  /** Path plus query string, signed. Contains the sig (and, for GET interfaces, the token). */
  readonly pathAndQuery: string;
  /** The exact JSON bytes to send (V5 signs them); undefined for GET. */
  readonly body: string | undefined;
  /** The appid (V3) or gameid (V5) this call is made as: part of cache keys. */
  readonly appid: string;
}
