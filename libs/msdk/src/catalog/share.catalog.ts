import { V3_POST, type CatalogEntry } from './catalog-entry.js';

/** Directed sharing to one mobile QQ friend: /share/*. Every share sends a message, so none is retried. */
export const SHARE_CATALOG = {
  qq: {
    ...V3_POST,
    id: 'share.qq',
    path: '/share/qq',
    platform: 'qq',
    retry: 'never',
    // The doc's body has no `appid`; the QQ appid travels as the int `oauth_consumer_key`.
    fields: { openid: 'openid', accessToken: 'access_token', appid: { oauth_consumer_key: 'number' } },
    summary: 'Mobile QQ: backend share to one QQ friend (structured message via the "QQ Mobile Game" account)',
  },
  qqark: {
    ...V3_POST,
    id: 'share.qqark',
    path: '/share/qqark',
    platform: 'qq',
    retry: 'never',
    fields: { openid: 'openid', accessToken: 'accessToken', appid: { appid: 'string' } },
    summary: 'Mobile QQ: ark backend share (C2C ark message to one QQ friend)',
  },
} as const satisfies Record<string, CatalogEntry>;
