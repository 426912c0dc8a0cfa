import { TEST_GAME } from '../../support/test-game.js';
import type { InvalidCall, SampleCall } from './sample-call.js';

/** The QQ and WeChat users of the doc's group examples. */
const QQ_USER = { openid: 'F4382318AFBBD94F856E866043C3472E', accessToken: 'B8C0CB75299FFEA623D766073BE5BC99' };
const WX_USER = {
  openid: 'oGRTijuUl6Peo6lybWyGQfNC9_WE',
  accessToken:
    'OezXcEiiBSKSxW0eoylIeLl3C6OgXeyrDnhDI73sCBJhKgRRgn5ztwrcCr1jwFWMow9ZDDD69U1GlL6tPS4GLX4nk6rIKoCEMz5ScKJ6bFmn0uT_eu0yhklQxkkhxjQS8v-ul7-ZEVHQleIchtSTyg',
};

/** A president acting for guild 123 of zone 123 on Android. */
const GUILD_ROLE = { guild_id: '123', zone_id: '123', platid: '1', roleid: '1' };

const qq = (name: string, fields: Record<string, unknown>): SampleCall => ({
  id: `group.${name}`,
  route: `/v1/group/${name}`,
  body: { ...QQ_USER, ...fields },
  appid: TEST_GAME.qqAppId,
});
const wx = (name: string, fields: Record<string, unknown>): SampleCall => ({
  id: `group.${name}`,
  route: `/v1/group/${name}`,
  body: { ...WX_USER, ...fields },
  appid: TEST_GAME.wechatAppId,
});

const SEND_GROUPMSG = {
  pf: 'qqqun',
  group_openid: 'C672A42F0595BC8309D079D68F45B8CF',
  title: '公会战今晚开始', // 21 bytes: 7 characters of 3 bytes
  desc: 'Join us at 20:00',
  redirect_url: 'http://www.qq.com/',
  image_url: 'http://p.qlogo.cn/gh/31asdasd0/312248990/100',
  param: '11',
};
const WX_REQ_BODY = {
  msg_type: 1,
  sub_type: 2,
  groupid: 'mt2group',
  open: { title: 'test1', desc: 'test2', ext_info: 'test3', message_ext: 'test4', media_tag_name: 'test5' },
};

export const GROUP_SAMPLES: SampleCall[] = [
  qq('createbind_groupv2', {
    ...GUILD_ROLE,
    guild_name: "Test the group's functions",
    partition: '1',
    user_label: '【2024】Dragon',
    nick_name: 'Dragon',
    type: '0',
  }),
  qq('get_groupinfov2', { gc: '426177396' }),
  qq('join_groupv2', {
    ...GUILD_ROLE,
    gc: '511720053',
    partition: '1',
    user_zone_id: '',
    ip: '10.0.0.8',
    port: '8080',
  }),
  qq('unlink_groupv2', { ...GUILD_ROLE, guild_name: 'Test Chinese 1' }),
  qq('get_group_listv2', {}),
  qq('bind_existing_groupv2', {
    ...GUILD_ROLE,
    gc: '511720053',
    group_name: 'Test Chinese 1',
    partition: '1',
    ip: '',
    port: '',
  }),
  qq('remind_leader_bindv2', {
    ...GUILD_ROLE,
    rolename: 'Dragon',
    leaderOpenid: 'A3284A812ECA15269F85AE1C2D94EB37',
    leaderRoleid: '7',
    leaderZoneid: '',
  }),
  qq('query_bind_unionv2', { gc: '511720053', type: '0' }),
  qq('get_groupcode', { guild_id: '123', zone_id: '123', type: '0' }),
  qq('send_groupmsg', SEND_GROUPMSG),
  wx('wxget_groupinfo', {
    groupid: '110',
    openidlist: 'oGRTijuUl6Peo6lybWyGQfNC9_WE,oGRTijiaT-XrbyXKozckdNHFgPyc,oyQmcwlfqLdebciSJTiGy8Bm5N40',
  }),
  wx('wxunlink_group', { groupid: '2147521896' }),
  wx('wxget_groupstatus', { groupid: '2147521896', op_type: 0 }),
  wx('wxsend_groupmsg', { reqBody: WX_REQ_BODY }),
];

const sample = (name: string) => GROUP_SAMPLES.find((s) => s.id === `group.${name}`)!;

/** The sample body of `name` with `patch` applied (undefined removes a field). */
function invalid(testName: string, name: string, field: string, patch: Record<string, unknown>): InvalidCall {
  const body: Record<string, unknown> = { ...sample(name).body, ...patch };
  for (const [k, v] of Object.entries(patch)) if (v === undefined) delete body[k];
  return { name: testName, route: sample(name).route, body, field };
}

const wxReqBody = (patch: Record<string, unknown>) => ({ reqBody: { ...WX_REQ_BODY, ...patch } });
const wxOpen = (patch: Record<string, unknown>) => wxReqBody({ open: { ...WX_REQ_BODY.open, ...patch } });

export const GROUP_INVALID: InvalidCall[] = [
  // send_groupmsg: title <= 45 bytes, desc <= 60 bytes (UTF-8 bytes, not characters).
  invalid('send_groupmsg title of 46 ASCII bytes', 'send_groupmsg', 'title', { title: 'x'.repeat(46) }),
  invalid('send_groupmsg title of 16 CJK characters (48 bytes)', 'send_groupmsg', 'title', { title: '公'.repeat(16) }),
  invalid('send_groupmsg desc of 61 ASCII bytes', 'send_groupmsg', 'desc', { desc: 'd'.repeat(61) }),
  invalid('send_groupmsg desc of 21 CJK characters (63 bytes)', 'send_groupmsg', 'desc', { desc: '会'.repeat(21) }),
  invalid('send_groupmsg empty title', 'send_groupmsg', 'title', { title: '' }),
  invalid('send_groupmsg redirect_url that is not a URL', 'send_groupmsg', 'redirect_url', {
    redirect_url: 'www.qq.com',
  }),
  invalid('send_groupmsg image_url missing', 'send_groupmsg', 'image_url', { image_url: undefined }),
  invalid('send_groupmsg malformed group_openid', 'send_groupmsg', 'group_openid', { group_openid: 'C672 A42F' }),
  // platid: "1" Android, "2" iOS, a string.
  invalid('createbind_groupv2 platid outside 1/2', 'createbind_groupv2', 'platid', { platid: '3' }),
  invalid('join_groupv2 platid as a number', 'join_groupv2', 'platid', { platid: 1 }),
  invalid('unlink_groupv2 platid missing ("can\'t be null")', 'unlink_groupv2', 'platid', { platid: undefined }),
  invalid('unlink_groupv2 roleid blank ("can\'t be null")', 'unlink_groupv2', 'roleid', { roleid: '' }),
  invalid('bind_existing_groupv2 platid outside 1/2', 'bind_existing_groupv2', 'platid', { platid: '0' }),
  invalid('remind_leader_bindv2 platid outside 1/2', 'remind_leader_bindv2', 'platid', { platid: 'ios' }),
  // Types and shapes the doc fixes.
  invalid('createbind_groupv2 guild_id as a number (doc: string)', 'createbind_groupv2', 'guild_id', {
    guild_id: 1234,
  }),
  invalid('createbind_groupv2 type not numeric', 'createbind_groupv2', 'type', { type: 'union' }),
  invalid('get_groupinfov2 gc not a group number', 'get_groupinfov2', 'gc', { gc: 'group-1' }),
  invalid('query_bind_unionv2 gc missing', 'query_bind_unionv2', 'gc', { gc: undefined }),
  invalid('get_groupcode zone_id missing', 'get_groupcode', 'zone_id', { zone_id: undefined }),
  invalid('join_groupv2 ip that is not an IP', 'join_groupv2', 'ip', { ip: 'idip.example' }),
  invalid('join_groupv2 port that is not a number', 'join_groupv2', 'port', { port: 'http' }),
  invalid('remind_leader_bindv2 leaderOpenid missing', 'remind_leader_bindv2', 'leaderOpenid', {
    leaderOpenid: undefined,
  }),
  invalid('get_group_listv2 caller sends appid (the gateway fills it)', 'get_group_listv2', 'appid', {
    appid: '100703379',
  }),
  invalid('get_group_listv2 without the token', 'get_group_listv2', 'accessToken', { accessToken: undefined }),
  // WeChat.
  invalid('wxget_groupstatus op_type outside 0/1', 'wxget_groupstatus', 'op_type', { op_type: 2 }),
  invalid('wxget_groupstatus op_type as a string (doc: int)', 'wxget_groupstatus', 'op_type', { op_type: '0' }),
  invalid('wxunlink_group groupid blank', 'wxunlink_group', 'groupid', { groupid: '' }),
  invalid('wxget_groupinfo openidlist with spaces', 'wxget_groupinfo', 'openidlist', {
    openidlist: 'oGRTijuUl6Peo6lybWyGQfNC9_WE, oGRT',
  }),
  invalid('wxsend_groupmsg msg_type outside 1/2', 'wxsend_groupmsg', 'reqBody.msg_type', wxReqBody({ msg_type: 3 })),
  invalid('wxsend_groupmsg sub_type outside 1-4', 'wxsend_groupmsg', 'reqBody.sub_type', wxReqBody({ sub_type: 5 })),
  invalid(
    'wxsend_groupmsg link sharing without share_url',
    'wxsend_groupmsg',
    'reqBody.open',
    wxReqBody({ msg_type: 2 }),
  ),
  invalid(
    'wxsend_groupmsg ext_info over 2k (2049 bytes)',
    'wxsend_groupmsg',
    'reqBody.open.ext_info',
    wxOpen({ ext_info: 'e'.repeat(2049) }),
  ),
  invalid(
    'wxsend_groupmsg share_url that is not a URL',
    'wxsend_groupmsg',
    'reqBody.open.share_url',
    wxOpen({ share_url: 'game.weixin.qq.com' }),
  ),
  invalid(
    'wxsend_groupmsg reqBody.appid from the caller (the gateway fills appids)',
    'wxsend_groupmsg',
    'reqBody.appid',
    wxReqBody({ appid: 'wxa28d26b2e31a21c4' }),
  ),
  invalid('wxsend_groupmsg reqBody missing', 'wxsend_groupmsg', 'reqBody', { reqBody: undefined }),
];
