/**
 * One row per MSDK interface. Everything that differs between interfaces is data here, so the
 * forwarding code (request builders, client, cache policy) exists exactly once.
 */
export type Protocol = 'v3' | 'v5';
export type HttpMethod = 'GET' | 'POST';

/** Which of a game's identities signs and names the call. */
export type Platform = 'qq' | 'wechat' | 'guest' | 'apple';

/**
 * The platform is fixed for most interfaces; a few take it from a field of the caller's body
 * (get_pfval's own `platform` value, V5's channel). `forward: false` keeps a selector field
 * that only exists for the gateway out of the upstream body.
 */
export interface PlatformFromField {
  readonly field: string;
  readonly values: Readonly<Record<string, Platform>>;
  readonly forward: boolean;
}

/**
 * `safe`: a read; repeating it cannot change anything. `never`: sends, creates, binds,
 * consumes or counts; repeated only when the request provably never left this process.
 */
export type RetrySafety = 'safe' | 'never';

export type CacheKind = 'profile' | 'friend-list';

export type CachePolicy =
  | { readonly kind: 'none' }
  | {
      readonly kind: CacheKind;
      /** Body fields that change the answer, in canonical key order (the token never is one). */
      readonly keyFields: readonly string[];
    };

/** How the caller's unified fields land in the interface's own body. */
export interface FieldMapping {
  /** Body field carrying the caller's `openid` (`openid`, `guestid`…); null: query only. */
  readonly openid: string | null;
  /** Body field carrying the caller's `accessToken` (`openkey`, `accessToken`, `access_token`, `token`); null: none. */
  readonly accessToken: string | null;
  /**
   * Body fields the gateway fills with the platform appid, and in which JSON type. A dotted
   * name (`reqBody.appid`) fills a field of an object the caller sent, one level down.
   */
  readonly appid?: Readonly<Record<string, 'string' | 'number'>>;
}

export interface CatalogEntry {
  /** Stable short name: metrics label, cache key part, log field. */
  readonly id: string;
  /** Upstream path: the MSDK interface name, also `x-msdk-interface` in OpenAPI. */
  readonly path: string;
  readonly protocol: Protocol;
  readonly method: HttpMethod;
  readonly platform: Platform | PlatformFromField;
  readonly retry: RetrySafety;
  readonly cache: CachePolicy;
  readonly fields: FieldMapping;
  /** The answer carries `is_lost` (degraded data that must never be cached). */
  readonly hasIsLost: boolean;
  /** One line for OpenAPI and logs. */
  readonly summary: string;
}

export const NO_CACHE: CachePolicy = { kind: 'none' };

/** What most rows share; a row spreads one of these and states only what differs. */
export const V3_POST = { protocol: 'v3', method: 'POST', cache: NO_CACHE, hasIsLost: false } as const;
export const V5_POST = { protocol: 'v5', method: 'POST', cache: NO_CACHE, hasIsLost: false } as const;

export function isPlatformFromField(p: CatalogEntry['platform']): p is PlatformFromField {
  return typeof p === 'object';
}

/** Write/consume interfaces: audited and never repeated. */
export function isWriteInterface(entry: CatalogEntry): boolean {
  return entry.retry === 'never';
}
