import { V3_POST, type CatalogEntry } from './catalog-entry.js';

/*
 * /profile/*: VIP, real-name, gift, Xinyue, achievements and WeChat subscriptions. None of
 * these answers carries is_lost and none is a cached profile (only the /relation profiles are).
 * The profile tables give appid as a string ("appid": "100703379" in every example).
 */

/** Rows whose body identifies the user by openid and the token as `accessToken`. */
const USER_TOKEN = { openid: 'openid', accessToken: 'accessToken', appid: { appid: 'string' } } as const;
/** Rows MSDK calls without the user's login state (the game server acts on its own). */
const USER_ONLY = { openid: 'openid', accessToken: null, appid: { appid: 'string' } } as const;
/** The real-name rows: the documented body is the token alone (openid stays in the query). */
const TOKEN_ONLY = { openid: null, accessToken: 'accessToken' } as const;
/** The Xinyue GET rows: every field is a query parameter, the token as `access_token`; appid is already in the fixed query. */
const XINYUE_QUERY = { openid: null, accessToken: 'access_token' } as const;

export const PROFILE_CATALOG = {
  qqGetFirstReg: {
    ...V3_POST,
    id: 'profile.qqget_first_reg',
    path: '/profile/qqget_first_reg',
    platform: 'qq',
    retry: 'safe',
    fields: TOKEN_ONLY,
    summary: 'Mobile QQ: first-login flags after real-name registration (need_pop, realname_flag, mobile_flag)',
  },
  queryVip: {
    ...V3_POST,
    id: 'profile.query_vip',
    path: '/profile/query_vip',
    platform: 'qq',
    retry: 'safe',
    fields: USER_TOKEN,
    summary: 'Mobile QQ: VIP information for the kinds selected by the vip bit mask',
  },
  getGift: {
    ...V3_POST,
    id: 'profile.get_gift',
    path: '/profile/get_gift',
    platform: 'qq',
    // Consumes: MSDK empties the blue-diamond gift bag on every call.
    retry: 'never',
    fields: USER_ONLY,
    summary: 'Mobile QQ: take the blue diamond gift bag (the bag is emptied by this call)',
  },
  getWifi: {
    ...V3_POST,
    id: 'profile.get_wifi',
    path: '/profile/get_wifi',
    platform: 'qq',
    retry: 'safe',
    fields: USER_ONLY,
    summary: 'Mobile QQ: portable wifi qualification (wifiVip)',
  },
  qqScoreBatch: {
    ...V3_POST,
    id: 'profile.qqscore_batch',
    path: '/profile/qqscore_batch',
    platform: 'qq',
    // Reports achievements; an incremental report repeated would count twice.
    retry: 'never',
    fields: USER_TOKEN,
    summary: 'Mobile QQ: report achievements to the QQ Game Center leaderboards',
  },
  getXinyueSuper: {
    ...V3_POST,
    id: 'profile.get_xinyue_super',
    path: '/profile/get_xinyue_super',
    method: 'GET',
    // access_type says how the user logged in, hence which appid MSDK expects.
    platform: { field: 'access_type', values: { '1': 'qq', '2': 'wechat' }, forward: true },
    retry: 'safe',
    fields: XINYUE_QUERY,
    summary: 'Xinyue Super R membership level (QQ or WeChat login, by access_type)',
  },
  getWxXinyueVip: {
    ...V3_POST,
    id: 'profile.get_wx_xinyue_vip',
    path: '/profile/get_wx_xinyue_vip',
    method: 'GET',
    platform: 'wechat',
    retry: 'safe',
    fields: XINYUE_QUERY,
    summary: 'WeChat: Xinyue (Joy) VIP level',
  },
  wxGetVip: {
    ...V3_POST,
    id: 'profile.wxget_vip',
    path: '/profile/wxget_vip',
    platform: 'wechat',
    retry: 'safe',
    fields: USER_TOKEN,
    summary: 'WeChat: privileges of the user and their game friends',
  },
  wxGetFirstReg: {
    ...V3_POST,
    id: 'profile.wxget_first_reg',
    path: '/profile/wxget_first_reg',
    platform: 'wechat',
    retry: 'safe',
    fields: TOKEN_ONLY,
    summary: 'WeChat: first-login flags after real-name registration (need_pop, realname_flag, mobile_flag)',
  },
  wxBattleReport: {
    ...V3_POST,
    id: 'profile.wxbattle_report',
    path: '/profile/wxbattle_report',
    platform: 'wechat',
    // Reports a battle: repeating it would report the round twice.
    retry: 'never',
    fields: USER_ONLY,
    summary: 'WeChat: report battle results (score, win) to the WeChat game center',
  },
  subscribeGetlist: {
    ...V3_POST,
    id: 'profile.subscribe_getlist',
    path: '/profile/subscribe_getlist',
    platform: 'wechat',
    retry: 'safe',
    fields: USER_TOKEN,
    summary: 'WeChat: the subscribable messages and whether the user subscribed to each',
  },
  subscribeSetlist: {
    ...V3_POST,
    id: 'profile.subscribe_setlist',
    path: '/profile/subscribe_setlist',
    platform: 'wechat',
    retry: 'never',
    fields: USER_TOKEN,
    summary: 'WeChat: subscribe to (opType 0) or cancel (opType 1) a list of messages',
  },
  subscribePush: {
    ...V3_POST,
    id: 'profile.subscribe_push',
    path: '/profile/subscribe_push',
    platform: 'wechat',
    retry: 'never',
    fields: USER_ONLY,
    summary: 'WeChat: push a subscribed message to all of its subscribers',
  },
  subscribeClear: {
    ...V3_POST,
    id: 'profile.subscribe_clear',
    path: '/profile/subscribe_clear',
    platform: 'wechat',
    retry: 'never',
    fields: USER_ONLY,
    summary: "WeChat: clear a message's subscribers",
  },
  wxGetEliteinfo: {
    ...V3_POST,
    id: 'profile.wxget_eliteinfo',
    path: '/profile/wxget_eliteinfo',
    platform: 'wechat',
    retry: 'safe',
    fields: USER_TOKEN,
    summary: 'WeChat: whether the user is a WeChat elite and a game elite user',
  },
} as const satisfies Record<string, CatalogEntry>;
