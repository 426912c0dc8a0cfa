import { V5_POST, type CatalogEntry, type PlatformFromField } from './catalog-entry.js';

/**
 * V5 has no per-platform appid: the caller's `channelid` (1 WeChat, 2 QQ) names the channel
 * and travels in the signed query, so it is kept out of the body.
 */
const CHANNEL: PlatformFromField = { field: 'channelid', values: { '1': 'wechat', '2': 'qq' }, forward: false };
/** ARK sharing exists on QQ only. */
const QQ_CHANNEL_ONLY: PlatformFromField = { field: 'channelid', values: { '2': 'qq' }, forward: false };

/** V5's token field is `token`; the user is `openid`; no appid in the body. */
const V5_FIELDS = { openid: 'openid', accessToken: 'token' } as const;

/** The MSDK V5 (ITOP) friend API: /v2/friend/* and /v2/profile/get_sopenid. */
export const FRIEND_CATALOG = {
  friendList: {
    ...V5_POST,
    id: 'friend.friend_list',
    path: '/v2/friend/friend_list',
    platform: CHANNEL,
    retry: 'safe',
    // channelid is gateway-only but picks QQ or WeChat friends, so it belongs in the key.
    cache: { kind: 'friend-list', keyFields: ['channelid', 'sub_channelid'] },
    fields: V5_FIELDS,
    hasIsLost: true,
    summary: 'Game friends (QQ or WeChat, or another bound channel via sub_channelid); no lists = no friends',
  },
  recallFriendsList: {
    ...V5_POST,
    id: 'friend.recall_friends_list',
    path: '/v2/friend/recall_friends_list',
    platform: CHANNEL,
    retry: 'safe',
    fields: V5_FIELDS,
    summary: 'Unregistered QQ friends / WeChat confidants with their sopenid (WeChat needs task_id, QQ count)',
  },
  getSopenid: {
    ...V5_POST,
    id: 'friend.get_sopenid',
    path: '/v2/profile/get_sopenid',
    platform: CHANNEL,
    retry: 'safe',
    fields: V5_FIELDS,
    summary: "The user's sopenid (QQ and WeChat only)",
  },
  share: {
    ...V5_POST,
    id: 'friend.share',
    path: '/v2/friend/share',
    platform: CHANNEL,
    retry: 'never',
    fields: V5_FIELDS,
    summary: 'Back-end share (structured/ARK message) to an in-game friend (fopenid) or an unregistered one (sopenid)',
  },
  arkShare: {
    ...V5_POST,
    id: 'friend.ark_share',
    path: '/v2/friend/ark_share',
    platform: QQ_CHANNEL_ONLY,
    retry: 'never',
    fields: V5_FIELDS,
    summary: 'QQ ARK back-end share (QQ only) with the url-encoded extraJson template',
  },
} as const satisfies Record<string, CatalogEntry>;
