import { V3_POST, type CatalogEntry } from './catalog-entry.js';

/**
 * Relation chain: /relation/* profiles and friend lists for mobile QQ and WeChat. All reads.
 * Each row's `fields` follow the interface's own parameter table; the appid's JSON type follows
 * the doc's example where it shows one (qqstrange_profile's example sends a number). Most rows
 * carry the user's openid and token in the body with a string appid; rows state what differs.
 */
const USER_FIELDS = { openid: 'openid', accessToken: 'accessToken', appid: { appid: 'string' } } as const;
const QQ_READ = { ...V3_POST, platform: 'qq', retry: 'safe', fields: USER_FIELDS } as const;
const WECHAT_READ = { ...V3_POST, platform: 'wechat', retry: 'safe', fields: USER_FIELDS } as const;

export const RELATION_CATALOG = {
  qqprofile: {
    ...QQ_READ,
    id: 'relation.qqprofile',
    path: '/relation/qqprofile',
    cache: { kind: 'profile', keyFields: [] },
    hasIsLost: true,
    summary: "Mobile QQ: the user's own QQ profile (nickname, avatars, yellow diamond)",
  },
  qqfriendsDetail: {
    ...QQ_READ,
    id: 'relation.qqfriends_detail',
    path: '/relation/qqfriends_detail',
    cache: { kind: 'friend-list', keyFields: ['flag', 'closefriends_flag'] },
    hasIsLost: true,
    summary: "Mobile QQ: the user's game friends with their profiles (optionally close friends)",
  },
  qqUnregFriends: {
    ...QQ_READ,
    id: 'relation.qq_unreg_friends',
    path: '/relation/qq_unreg_friends',
    // The body is only accessToken and count: the user travels in the query alone.
    fields: { openid: null, accessToken: 'accessToken' },
    summary:
      'Mobile QQ: friends who have not registered the game (at most 20; empty since 2021-11-05 on the real platform)',
  },
  qqstrangeProfile: {
    ...QQ_READ,
    id: 'relation.qqstrange_profile',
    path: '/relation/qqstrange_profile',
    cache: { kind: 'profile', keyFields: ['vcopenid'] },
    fields: { openid: 'openid', accessToken: 'accessToken', appid: { appid: 'number' } },
    hasIsLost: true,
    summary: 'Mobile QQ: profiles of game strangers (and friends) by openid',
  },
  qqfriendsVip: {
    ...QQ_READ,
    id: 'relation.qqfriends_vip',
    path: '/relation/qqfriends_vip',
    // pf and userip describe the caller, not the answer: they stay out of the key.
    cache: { kind: 'profile', keyFields: ['fopenids', 'flags'] },
    hasIsLost: true,
    summary: 'Mobile QQ: QQ member / super member status of up to 49 users (friends or not)',
  },
  getVipRichInfo: {
    ...QQ_READ,
    id: 'relation.get_vip_rich_info',
    path: '/relation/get_vip_rich_info',
    cache: { kind: 'profile', keyFields: [] },
    hasIsLost: true,
    summary: "Mobile QQ: the user's QQ member details (recharge and expiry times)",
  },
  wxfriends: {
    ...WECHAT_READ,
    id: 'relation.wxfriends',
    path: '/relation/wxfriends',
    cache: { kind: 'friend-list', keyFields: [] },
    summary: "WeChat: the openids of the user's game friends",
  },
  wxprofile: {
    ...WECHAT_READ,
    id: 'relation.wxprofile',
    path: '/relation/wxprofile',
    cache: { kind: 'profile', keyFields: ['openids'] },
    // The parameter table has appid, accessToken and openids but no openid of the user.
    fields: { openid: null, accessToken: 'accessToken', appid: { appid: 'string' } },
    summary: 'WeChat: basic profiles of game friends by openid (premium games, no remarks)',
  },
  wxfriendsProfile: {
    ...WECHAT_READ,
    id: 'relation.wxfriends_profile',
    path: '/relation/wxfriends_profile',
    cache: { kind: 'friend-list', keyFields: ['closefriends_flag'] },
    summary: "WeChat: the user's game friends with profiles and remarks (optionally close friends)",
  },
  wxuserinfo: {
    ...WECHAT_READ,
    id: 'relation.wxuserinfo',
    path: '/relation/wxuserinfo',
    cache: { kind: 'profile', keyFields: [] },
    summary: "WeChat: the user's own profile (non-premium games)",
  },
} as const satisfies Record<string, CatalogEntry>;
