import { TEST_GAME } from '../../support/test-game.js';
import type { InvalidCall, SampleCall } from './sample-call.js';

// Identities from the MSDK doc's own examples.
export const QQ_USER = { openid: 'A3284A812ECA15269F85AE1C2D94EB37', accessToken: '933FE8C9AB9C585D7EABD04373B7155F' };
export const WX_USER = {
  openid: 'oGRTijrV0l67hDGN7dstOl8CphN0',
  accessToken:
    'OezXcEiiBSKSxW0eoylIeLl3C6OgXeyrDnhDI73sCBJYyBcXKXYWTlxU_BAMfu7Rzsr51Nu-CarhcPT6zYlD9FrWRzuA0ccQMgrTGqpao2Ccq',
};
const QQ_FRIEND = '69FF99F3B17436F2F6621FA158B30549';
const WX_FRIEND = 'oGRTijlTxQPrvr-H5-pgoZMhZgog';

/** n distinct QQ-shaped openids (32 upper-case hex). */
export const qqOpenids = (n: number) =>
  Array.from({ length: n }, (_, i) => i.toString(16).toUpperCase().padStart(32, 'F'));

const qq = (name: string, body: Record<string, unknown> = {}): SampleCall => ({
  id: `relation.${name}`,
  route: `/v1/relation/${name}`,
  body: { ...QQ_USER, ...body },
  appid: TEST_GAME.qqAppId,
});
const wx = (name: string, body: Record<string, unknown> = {}): SampleCall => ({
  id: `relation.${name}`,
  route: `/v1/relation/${name}`,
  body: { ...WX_USER, ...body },
  appid: TEST_GAME.wechatAppId,
});

/** One valid call per relation interface. */
export const RELATION_SAMPLES: SampleCall[] = [
  qq('qqprofile'),
  qq('qqfriends_detail', { flag: 1, closefriends_flag: 1 }),
  qq('qq_unreg_friends', { count: 20 }),
  qq('qqstrange_profile', { vcopenid: ['B9EEA5EE1E99694146AC2700BFE6B88B', QQ_FRIEND] }),
  qq('qqfriends_vip', {
    fopenids: [QQ_FRIEND],
    flags: 'qq_vip,qq_svip',
    pf: 'openmobile_android',
    userip: '127.0.0.1',
  }),
  qq('get_vip_rich_info'),
  wx('wxfriends'),
  wx('wxprofile', { openids: [WX_USER.openid, WX_FRIEND] }),
  wx('wxfriends_profile', { closefriends_flag: 1 }),
  wx('wxuserinfo'),
];

const bad = (
  name: string,
  route: string,
  base: Record<string, unknown>,
  body: Record<string, unknown>,
  field: string,
): InvalidCall => ({
  name,
  route: `/v1/relation/${route}`,
  body: { ...base, ...body },
  field,
});
const badQq = (name: string, route: string, body: Record<string, unknown>, field: string) =>
  bad(name, route, QQ_USER, body, field);
const badWx = (name: string, route: string, body: Record<string, unknown>, field: string) =>
  bad(name, route, WX_USER, body, field);

const withoutField = (body: Record<string, unknown>, field: string) =>
  Object.fromEntries(Object.entries(body).filter(([k]) => k !== field));
const VIP = { fopenids: [QQ_FRIEND], flags: 'qq_vip' };

/** Every documented limit and enumeration, broken once; `field` is what the 400 must name. */
export const RELATION_INVALID: InvalidCall[] = [
  // qqfriends_detail: flag is 1 or 2, closefriends_flag 0 or 1, both ints.
  badQq('qqfriends_detail flag outside 1|2', 'qqfriends_detail', { flag: 3 }, 'flag'),
  badQq('qqfriends_detail flag as a string', 'qqfriends_detail', { flag: '1' }, 'flag'),
  badQq(
    'qqfriends_detail closefriends_flag outside 0|1',
    'qqfriends_detail',
    { closefriends_flag: 2 },
    'closefriends_flag',
  ),
  // qq_unreg_friends: count is an int, not more than 20.
  badQq('qq_unreg_friends count over 20', 'qq_unreg_friends', { count: 21 }, 'count'),
  badQq('qq_unreg_friends count zero', 'qq_unreg_friends', { count: 0 }, 'count'),
  badQq('qq_unreg_friends count not an int', 'qq_unreg_friends', { count: 2.5 }, 'count'),
  badQq('qq_unreg_friends count as a string', 'qq_unreg_friends', { count: '20' }, 'count'),
  // qqstrange_profile: vcopenid is a non-empty array of openids.
  badQq('qqstrange_profile without vcopenid', 'qqstrange_profile', {}, 'vcopenid'),
  badQq('qqstrange_profile empty vcopenid', 'qqstrange_profile', { vcopenid: [] }, 'vcopenid'),
  badQq('qqstrange_profile vcopenid not an array', 'qqstrange_profile', { vcopenid: QQ_FRIEND }, 'vcopenid'),
  badQq(
    'qqstrange_profile malformed openid in vcopenid',
    'qqstrange_profile',
    { vcopenid: ['not an openid!'] },
    'vcopenid',
  ),
  // qqfriends_vip: 1-49 fopenids, flags from qq_vip/qq_svip, userip an IP, pf a bounded token.
  badQq('qqfriends_vip 50 fopenids', 'qqfriends_vip', { ...VIP, fopenids: qqOpenids(50) }, 'fopenids'),
  badQq('qqfriends_vip empty fopenids', 'qqfriends_vip', { ...VIP, fopenids: [] }, 'fopenids'),
  badQq('qqfriends_vip fopenids holding a number', 'qqfriends_vip', { ...VIP, fopenids: [42] }, 'fopenids'),
  badQq('qqfriends_vip unknown flag', 'qqfriends_vip', { ...VIP, flags: 'qq_gold' }, 'flags'),
  badQq('qqfriends_vip flags with a stray separator', 'qqfriends_vip', { ...VIP, flags: 'qq_vip,' }, 'flags'),
  badQq('qqfriends_vip without flags', 'qqfriends_vip', withoutField(VIP, 'flags'), 'flags'),
  badQq('qqfriends_vip userip not an IP', 'qqfriends_vip', { ...VIP, userip: 'localhost' }, 'userip'),
  badQq('qqfriends_vip pf with spaces', 'qqfriends_vip', { ...VIP, pf: 'openmobile android' }, 'pf'),
  badQq('qqfriends_vip pf over 128 bytes', 'qqfriends_vip', { ...VIP, pf: `openmobile_${'a'.repeat(118)}` }, 'pf'),
  // wxprofile: openids is a non-empty array of openids.
  badWx('wxprofile without openids', 'wxprofile', {}, 'openids'),
  badWx('wxprofile empty openids', 'wxprofile', { openids: [] }, 'openids'),
  badWx('wxprofile malformed openid in openids', 'wxprofile', { openids: [WX_FRIEND, 'a/b'] }, 'openids'),
  // wxfriends_profile: closefriends_flag 0 or 1.
  badWx(
    'wxfriends_profile closefriends_flag outside 0|1',
    'wxfriends_profile',
    { closefriends_flag: 5 },
    'closefriends_flag',
  ),
  badWx(
    'wxfriends_profile closefriends_flag as a boolean',
    'wxfriends_profile',
    { closefriends_flag: true },
    'closefriends_flag',
  ),
  // Caller identity and gateway-owned fields, on the interfaces without fields of their own.
  badQq('qqprofile with a caller-sent appid', 'qqprofile', { appid: TEST_GAME.qqAppId }, 'appid'),
  badQq('get_vip_rich_info malformed openid', 'get_vip_rich_info', { openid: 'A3284A81 2ECA' }, 'openid'),
  bad('wxuserinfo without accessToken', 'wxuserinfo', withoutField(WX_USER, 'accessToken'), {}, 'accessToken'),
  badWx('wxfriends msdkExtInfo with a special character', 'wxfriends', { msdkExtInfo: 'trace-1' }, 'msdkExtInfo'),
  badWx('wxfriends with a caller-sent sig', 'wxfriends', { sig: 'ab'.repeat(16) }, 'sig'),
];
