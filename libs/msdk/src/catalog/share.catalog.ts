import { NO_CACHE, type CatalogEntry } from './catalog-entry.js';

/** Directed sharing to one mobile QQ friend: /share/*. Every share sends a message, so none is retried. */
export const SHARE_CATALOG = {
  qq: {
    id: 'share.qq',
    path: '/share/qq',
    protocol: 'v3',
    method: 'POST',
    platform: 'qq',
    retry: 'never',
    cache: NO_CACHE,
    // The doc's body has no `appid`; the QQ appid travels as the int `oauth_consumer_key`.
    fields: { openid: 'openid', accessToken: 'access_token', appid: { oauth_consumer_key: 'number' } },
    hasIsLost: false,
    summary: 'Mobile QQ: backend share to one QQ friend (structured message via the "QQ Mobile Game" account)',
  },
  qqark: {
    id: 'share.qqark',
    path: '/share/qqark',
    protocol: 'v3',
    method: 'POST',
    platform: 'qq',
    retry: 'never',
    cache: NO_CACHE,
    fields: { openid: 'openid', accessToken: 'accessToken', appid: { appid: 'string' } },
    hasIsLost: false,
    summary: 'Mobile QQ: ark backend share (C2C ark message to one QQ friend)',
  },
} as const satisfies Record<string, CatalogEntry>;
