import { md5Hex } from './md5-hex.js';

/**
 * V5 (ITOP) sig: lowercase hex md5(path + "?" + query + body + sigkey).
 *
 * `path` is the interface path (`/v2/friend/friend_list`), never a deployment prefix;
 * `query` is the query string exactly as sent, without the trailing `sig`; `body` is the raw
 * JSON string exactly as sent. Signing a re-serialisation would break on key order or escaping,
 * so callers pass the very strings that go on the wire.
 */
export function signV5(path: string, queryWithoutSig: string, rawBody: string, sigKey: string): string {
  return md5Hex(`${path}?${queryWithoutSig}${rawBody}${sigKey}`);
}
