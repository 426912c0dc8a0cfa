import { V3_POST, type CatalogEntry } from './catalog-entry.js';

/** Login verification: /auth/* (MSDK treats `auth` and `wxoauth` as the same module). */
export const AUTH_CATALOG = {
  verifyLogin: {
    ...V3_POST,
    id: 'auth.verify_login',
    path: '/auth/verify_login',
    platform: 'qq',
    retry: 'safe',
    fields: { openid: 'openid', accessToken: 'openkey', appid: { appid: 'number' } },
    summary: 'Mobile QQ: verify the user login state (openkey = access_token)',
  },
  checkToken: {
    ...V3_POST,
    id: 'auth.check_token',
    path: '/auth/check_token',
    platform: 'wechat',
    retry: 'safe',
    fields: { openid: 'openid', accessToken: 'accessToken' },
    summary: 'WeChat: check that the access_token is valid',
  },
  guestCheckToken: {
    ...V3_POST,
    id: 'auth.guest_check_token',
    path: '/auth/guest_check_token',
    platform: 'guest',
    retry: 'safe',
    fields: { openid: 'guestid', accessToken: 'accessToken' },
    summary: 'Guest mode: verify the guest login state (openid is the guestid, G_…)',
  },
  appleVerify: {
    ...V3_POST,
    id: 'auth.apple_verify',
    path: '/auth/apple_verify',
    platform: 'apple',
    retry: 'safe',
    fields: { openid: 'openid', accessToken: 'access_token', appid: { appid: 'string' } },
    summary: 'Apple: verify the user login state',
  },
  getPfval: {
    ...V3_POST,
    id: 'auth.get_pfval',
    path: '/auth/get_pfval',
    platform: {
      field: 'platform',
      values: { desktop_m_qq: 'qq', desktop_m_wx: 'wechat', desktop_m_guest: 'guest' },
      forward: true,
    },
    retry: 'safe',
    fields: { openid: 'openid', accessToken: 'accessToken', appid: { appid: 'string' } },
    summary: 'Get pf and pfKey for payment (QQ sends its paytoken, WeChat its access token)',
  },
} as const satisfies Record<string, CatalogEntry>;
