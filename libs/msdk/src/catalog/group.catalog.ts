import { V3_POST, type CatalogEntry } from './catalog-entry.js';

/*
 * Guild groups: QQ groups (v2) and WeChat groups. MSDK files them under /relation, the gateway
 * under /v1/group. Every row sends appid as a string (as every example here does) and the
 * token as `accessToken`; `openid` goes in the body only where the doc's parameter table lists
 * it (wxunlink_group and wxget_groupstatus do not). Nothing here is cached: group membership
 * and bindings change under the caller's feet, and the writes must never be repeated.
 */

/** The fields every row shares; a row spreads these and names what differs. */
const BODY_WITH_OPENID = { openid: 'openid', accessToken: 'accessToken', appid: { appid: 'string' } } as const;
const BODY_WITHOUT_OPENID = { openid: null, accessToken: 'accessToken', appid: { appid: 'string' } } as const;

const qqRow = { ...V3_POST, platform: 'qq', fields: BODY_WITH_OPENID } as const;
const wxRow = { ...V3_POST, platform: 'wechat' } as const;

export const GROUP_CATALOG = {
  createbindGroup: {
    ...qqRow,
    id: 'group.createbind_groupv2',
    path: '/relation/createbind_groupv2',
    retry: 'never',
    summary: 'QQ: the guild president creates a QQ group and binds it to the guild',
  },
  getGroupinfo: {
    ...qqRow,
    id: 'group.get_groupinfov2',
    path: '/relation/get_groupinfov2',
    retry: 'safe',
    summary: "QQ: the user's relation to the guild's bound group (leader, admin, member, non-member)",
  },
  joinGroup: {
    ...qqRow,
    id: 'group.join_groupv2',
    path: '/relation/join_groupv2',
    retry: 'never',
    summary: "QQ: a guild member joins the guild's bound QQ group",
  },
  unlinkGroup: {
    ...qqRow,
    id: 'group.unlink_groupv2',
    path: '/relation/unlink_groupv2',
    retry: 'never',
    summary: 'QQ: unbind the guild from its QQ group',
  },
  getGroupList: {
    ...qqRow,
    id: 'group.get_group_listv2',
    path: '/relation/get_group_listv2',
    retry: 'safe',
    summary: 'QQ: the QQ groups the user created (candidates for bind_existing_groupv2)',
  },
  bindExistingGroup: {
    ...qqRow,
    id: 'group.bind_existing_groupv2',
    path: '/relation/bind_existing_groupv2',
    retry: 'never',
    summary: 'QQ: the guild president binds the guild to a QQ group he already created',
  },
  remindLeaderBind: {
    ...qqRow,
    id: 'group.remind_leader_bindv2',
    path: '/relation/remind_leader_bindv2',
    retry: 'never',
    summary: 'QQ: a guild member reminds the president to bind a group (one notice a day)',
  },
  queryBindUnion: {
    ...qqRow,
    id: 'group.query_bind_unionv2',
    path: '/relation/query_bind_unionv2',
    retry: 'safe',
    summary: 'QQ: the guild (union) a QQ group is bound to',
  },
  getGroupcode: {
    ...qqRow,
    id: 'group.get_groupcode',
    path: '/relation/get_groupcode',
    retry: 'safe',
    summary: "QQ: the guild's bound group (number, name, group_key, group_openid)",
  },
  sendGroupmsg: {
    ...qqRow,
    id: 'group.send_groupmsg',
    path: '/relation/send_groupmsg',
    retry: 'never',
    hasIsLost: true,
    summary: 'QQ: push a structured message to a QQ group (title <= 45 bytes, desc <= 60 bytes)',
  },
  wxGetGroupinfo: {
    ...wxRow,
    id: 'group.wxget_groupinfo',
    path: '/relation/wxget_groupinfo',
    retry: 'safe',
    fields: BODY_WITH_OPENID,
    summary: "WeChat: which of the listed guild members are in the guild's group",
  },
  wxUnlinkGroup: {
    ...wxRow,
    id: 'group.wxunlink_group',
    path: '/relation/wxunlink_group',
    retry: 'never',
    fields: BODY_WITHOUT_OPENID,
    summary: 'WeChat: unbind the guild from its group',
  },
  wxGetGroupstatus: {
    ...wxRow,
    id: 'group.wxget_groupstatus',
    path: '/relation/wxget_groupstatus',
    retry: 'safe',
    fields: BODY_WITHOUT_OPENID,
    summary: 'WeChat: whether the guild has created (op_type 0) or joined (op_type 1) a group',
  },
  wxSendGroupmsg: {
    ...wxRow,
    id: 'group.wxsend_groupmsg',
    path: '/relation/wxsend_groupmsg',
    retry: 'never',
    // reqBody.appid is WeChat's appid, inside the request MSDK hands to WeChat.
    fields: { ...BODY_WITH_OPENID, appid: { appid: 'string', 'reqBody.appid': 'string' } },
    summary: "WeChat: send a message to the guild's group",
  },
} as const satisfies Record<string, CatalogEntry>;
