import { hash } from 'node:crypto';
import type { CatalogEntry } from '#msdk';

/** Bump when the key or entry format changes: old entries are then simply never read. */
export const CACHE_KEY_VERSION = 'v2'; // v2: entries are bytes (two doubles, then MSDK's body)

/**
 * `msdk:v2:<game>:<appid>:<interface>:<openid>:<params>` — the interface's own answer-changing
 * fields in the row's canonical order, lists sorted. Never the token: callers are authenticated
 * services already scoped to their game, so the game+appid+openid triple is the trust boundary.
 */
export function msdkCacheKey(
  gameId: string,
  appid: string,
  entry: CatalogEntry,
  payload: Record<string, unknown>,
): string {
  const keyFields = entry.cache.kind === 'none' ? [] : entry.cache.keyFields;
  // MSDK echoes msdkExtInfo in the body: a caller's own value must come back to it, so it keys too.
  const echoed = payload.msdkExtInfo === undefined ? [] : ['msdkExtInfo'];
  const params = [...keyFields, ...echoed].map((f) => `${f}=${canonical(payload[f])}`).join('&');
  const compact = params.length > 160 ? hash('sha256', params, 'base64url') : params;
  return `msdk:${CACHE_KEY_VERSION}:${gameId}:${appid}:${entry.id}:${String(payload.openid)}:${compact}`;
}

function canonical(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return JSON.stringify(value.map(canonical).sort());
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return JSON.stringify(
      Object.keys(o)
        .sort()
        .map((k) => [k, canonical(o[k])]),
    );
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return encodeURIComponent(String(value));
  return ''; // nothing else comes out of a JSON body
}
