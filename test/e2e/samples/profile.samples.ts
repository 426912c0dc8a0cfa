import { TEST_GAME } from '../../support/test-game.js';
import type { InvalidCall, SampleCall } from './sample-call.js';

// Identities from the doc's own examples.
const QQ_OPENID = 'F4382318AFBBD94F856E866043C3472E';
const QQ_TOKEN = 'E16A9965C446956D89303747C632C27B';
const WX_OPENID = 'oGRTijrV0l67hDGN7dstOl8CphN0';
const WX_TOKEN =
  'OezXcEiiBSKSxW0eoylIeLl3C6OgXeyrDnhDI73sCBJYyBcXKXYWTlxU_BAMfu7Rzsr51Nu-CarhcPT6zYlD9FrWRzuA0ccQMgrTGqpao2C-TqXCXdT-DZ44iKkidglb5Q9jQbXnMPrSTck_DUdGMg';

const qqUser = { openid: QQ_OPENID, accessToken: QQ_TOKEN };
const wxUser = { openid: WX_OPENID, accessToken: WX_TOKEN };
const QQ = TEST_GAME.qqAppId;
const WX = TEST_GAME.wechatAppId;

const scoreItem = { type: 3, bcover: 1, data: '999', expires: '123459751' };
const battleRecord = {
  baseinfo: { gamename: 'Universal Aircraft War', platid: 0, partitionid: '9', roleid: 'hunter', level: 2 },
  battleinfo: { score: 4288625, iswin: true },
  userdefined: { goldcoin: { name: 'gold', value: 358267 }, plane: { name: 'warplane', value: 'Seraphim' } },
};

export const PROFILE_SAMPLES: SampleCall[] = [
  { id: 'profile.qqget_first_reg', route: '/v1/profile/qqget_first_reg', body: { ...qqUser }, appid: QQ },
  {
    id: 'profile.query_vip',
    route: '/v1/profile/query_vip',
    body: { ...qqUser, vip: 0x01 | 0x04 | 0x200, xinyue_upgrade: 1 },
    appid: QQ,
  },
  { id: 'profile.get_gift', route: '/v1/profile/get_gift', body: { openid: QQ_OPENID }, appid: QQ },
  { id: 'profile.get_wifi', route: '/v1/profile/get_wifi', body: { openid: QQ_OPENID }, appid: QQ },
  {
    id: 'profile.qqscore_batch',
    route: '/v1/profile/qqscore_batch',
    body: {
      ...qqUser,
      param: [scoreItem, { type: 2, bcover: 1, data: '1999', expires: '123459751' }, { type: 1, data: '12' }],
    },
    appid: QQ,
  },
  {
    id: 'profile.get_xinyue_super',
    route: '/v1/profile/get_xinyue_super',
    body: {
      openid: 'E1FBBD6FCDC5D68B47A376FBE041D181',
      accessToken: '25600878E96CB97745BFC04C26E37891',
      access_type: 1,
      trace_id: 'msdkdemo-E1FBBD6FCDC5D68B47A376FBE041D181-20180116155309-123456',
    },
    appid: QQ,
  },
  {
    id: 'profile.get_wx_xinyue_vip',
    route: '/v1/profile/get_wx_xinyue_vip',
    body: {
      openid: 'oKdX1jiB72W-4E16xBa5jFFEl-4g',
      accessToken:
        '8_navsBc9yyjjABA_SWUTXgrRzrkDv562EG8-q15ZEz3ETKbZL52Z2rQexWaqitBD0eXespWD5PbI5hk2SNRBPtCg_2nX5_S_4j0wRBsF6jh0',
      serial: 'MSDK_20180327_181625_123456',
      seven_flag: 1,
    },
    appid: WX,
  },
  { id: 'profile.wxget_vip', route: '/v1/profile/wxget_vip', body: { ...wxUser, json: { optype: 1 } }, appid: WX },
  { id: 'profile.wxget_first_reg', route: '/v1/profile/wxget_first_reg', body: { ...wxUser }, appid: WX },
  {
    id: 'profile.wxbattle_report',
    route: '/v1/profile/wxbattle_report',
    body: { openid: WX_OPENID, json: battleRecord },
    appid: WX,
  },
  { id: 'profile.subscribe_getlist', route: '/v1/profile/subscribe_getlist', body: { ...wxUser }, appid: WX },
  {
    id: 'profile.subscribe_setlist',
    route: '/v1/profile/subscribe_setlist',
    body: { ...wxUser, msgId: [77, 19], opType: 1 },
    appid: WX,
  },
  {
    id: 'profile.subscribe_push',
    route: '/v1/profile/subscribe_push',
    body: { openid: WX_OPENID, msgId: 77 },
    appid: WX,
  },
  {
    id: 'profile.subscribe_clear',
    route: '/v1/profile/subscribe_clear',
    body: { openid: WX_OPENID, msgId: 77 },
    appid: WX,
  },
  { id: 'profile.wxget_eliteinfo', route: '/v1/profile/wxget_eliteinfo', body: { ...wxUser }, appid: WX },
];

const sample = (id: string) => {
  const found = PROFILE_SAMPLES.find((s) => s.id === id);
  if (!found) throw new Error(`no sample ${id}`);
  return found;
};

/** The sample for `id` with `patch` applied to its body (undefined removes a field). */
function invalid(name: string, id: string, field: string, patch: Record<string, unknown>): InvalidCall {
  const { route, body } = sample(id);
  const patched = Object.fromEntries(Object.entries({ ...body, ...patch }).filter(([, v]) => v !== undefined));
  return { name, route, body: patched, field };
}

const many = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));

export const PROFILE_INVALID: InvalidCall[] = [
  // Identity: each interface takes exactly the fields MSDK documents.
  invalid('qqget_first_reg without the token', 'profile.qqget_first_reg', 'accessToken', { accessToken: undefined }),
  invalid('get_gift takes no login state', 'profile.get_gift', 'accessToken', { accessToken: QQ_TOKEN }),
  invalid('appid is filled by the gateway', 'profile.get_wifi', 'appid', { appid: QQ }),
  invalid('subscribe_push takes no login state', 'profile.subscribe_push', 'accessToken', { accessToken: WX_TOKEN }),

  // query_vip: the vip bit mask and xinyue_upgrade.
  invalid('vip with an undocumented bit (0x20)', 'profile.query_vip', 'vip', { vip: 0x01 | 0x20 }),
  invalid('vip above the documented bits (0x400)', 'profile.query_vip', 'vip', { vip: 0x400 }),
  invalid('vip of 0 selects nothing', 'profile.query_vip', 'vip', { vip: 0 }),
  invalid('vip as a string', 'profile.query_vip', 'vip', { vip: '512' }),
  invalid('vip missing', 'profile.query_vip', 'vip', { vip: undefined }),
  invalid('xinyue_upgrade other than 0/1', 'profile.query_vip', 'xinyue_upgrade', { xinyue_upgrade: 2 }),

  // qqscore_batch: the param list and each entry's fields.
  invalid('param missing', 'profile.qqscore_batch', 'param', { param: undefined }),
  invalid('param empty', 'profile.qqscore_batch', 'param', { param: [] }),
  invalid('param over 100 entries', 'profile.qqscore_batch', 'param', { param: many(101, () => scoreItem) }),
  invalid('param not a list', 'profile.qqscore_batch', 'param', { param: scoreItem }),
  invalid('data as a number (doc: string)', 'profile.qqscore_batch', 'param.0.data', {
    param: [{ ...scoreItem, data: 999 }],
  }),
  invalid('data not an integer', 'profile.qqscore_batch', 'param.0.data', { param: [{ ...scoreItem, data: '9.5' }] }),
  invalid('data missing', 'profile.qqscore_batch', 'param.1.data', { param: [scoreItem, { type: 1 }] }),
  invalid('expires not a timestamp', 'profile.qqscore_batch', 'param.0.expires', {
    param: [{ ...scoreItem, expires: 'never' }],
  }),
  invalid('expires as a number (doc: string)', 'profile.qqscore_batch', 'param.0.expires', {
    param: [{ ...scoreItem, expires: 0 }],
  }),
  invalid('type as a string (doc: int)', 'profile.qqscore_batch', 'param.0.type', {
    param: [{ ...scoreItem, type: '3' }],
  }),
  invalid('type missing', 'profile.qqscore_batch', 'param.0.type', { param: [{ data: '1' }] }),
  invalid('bcover other than 0/1', 'profile.qqscore_batch', 'param.0.bcover', { param: [{ ...scoreItem, bcover: 2 }] }),
  invalid('unknown field in an entry', 'profile.qqscore_batch', 'param.0.score', {
    param: [{ ...scoreItem, score: 1 }],
  }),

  // get_xinyue_super (GET upstream).
  invalid('access_type other than 1/2', 'profile.get_xinyue_super', 'access_type', { access_type: 3 }),
  invalid('access_type as a string', 'profile.get_xinyue_super', 'access_type', { access_type: '1' }),
  invalid('trace_id missing', 'profile.get_xinyue_super', 'trace_id', { trace_id: undefined }),
  invalid('trace_id with a space', 'profile.get_xinyue_super', 'trace_id', { trace_id: 'msdk demo' }),
  invalid('trace_id over 256 characters', 'profile.get_xinyue_super', 'trace_id', { trace_id: 'x'.repeat(257) }),

  // get_wx_xinyue_vip (GET upstream).
  invalid('serial missing', 'profile.get_wx_xinyue_vip', 'serial', { serial: undefined }),
  invalid('serial over 128 characters', 'profile.get_wx_xinyue_vip', 'serial', { serial: 'S'.repeat(129) }),
  invalid('seven_flag other than 0/1', 'profile.get_wx_xinyue_vip', 'seven_flag', { seven_flag: 2 }),
  invalid('xinyue_upgrade as a string', 'profile.get_wx_xinyue_vip', 'xinyue_upgrade', { xinyue_upgrade: '1' }),

  // wxget_vip's request json.
  invalid('optype other than 1', 'profile.wxget_vip', 'json.optype', { json: { optype: 2 } }),
  invalid('json not an object', 'profile.wxget_vip', 'json', { json: '{"optype":1}' }),

  // wxbattle_report's battle json.
  invalid('json missing', 'profile.wxbattle_report', 'json', { json: undefined }),
  invalid('json not an object', 'profile.wxbattle_report', 'json', { json: 'battle' }),
  invalid('json batch empty', 'profile.wxbattle_report', 'json', { json: [] }),
  invalid('json batch over 100 records', 'profile.wxbattle_report', 'json', { json: many(101, () => battleRecord) }),
  invalid('baseinfo missing', 'profile.wxbattle_report', 'json.baseinfo', {
    json: { battleinfo: battleRecord.battleinfo },
  }),
  invalid('platid other than 0/1', 'profile.wxbattle_report', 'json.baseinfo.platid', {
    json: { ...battleRecord, baseinfo: { ...battleRecord.baseinfo, platid: 2 } },
  }),
  invalid('gamename missing', 'profile.wxbattle_report', 'json.baseinfo.gamename', {
    json: { ...battleRecord, baseinfo: { platid: 1 } },
  }),
  invalid('level not an int', 'profile.wxbattle_report', 'json.baseinfo.level', {
    json: { ...battleRecord, baseinfo: { ...battleRecord.baseinfo, level: '2' } },
  }),
  invalid('partitionid as a number (doc: string)', 'profile.wxbattle_report', 'json.baseinfo.partitionid', {
    json: { ...battleRecord, baseinfo: { ...battleRecord.baseinfo, partitionid: 9 } },
  }),
  invalid('score not an int', 'profile.wxbattle_report', 'json.battleinfo.score', {
    json: { ...battleRecord, battleinfo: { score: 42.5 } },
  }),
  invalid('iswin not a bool', 'profile.wxbattle_report', 'json.battleinfo.iswin', {
    json: { ...battleRecord, battleinfo: { iswin: 'true' } },
  }),
  invalid('userdefined value neither int nor string', 'profile.wxbattle_report', 'json.userdefined', {
    json: { ...battleRecord, userdefined: { power: { name: 'Stamina', value: true } } },
  }),
  invalid('a bad record inside a batch', 'profile.wxbattle_report', 'json.1.baseinfo.platid', {
    json: [battleRecord, { ...battleRecord, baseinfo: { ...battleRecord.baseinfo, platid: -1 } }],
  }),

  // Subscriptions: message ids and opType.
  invalid('msgId list empty', 'profile.subscribe_setlist', 'msgId', { msgId: [] }),
  invalid('msgId list over 100 ids', 'profile.subscribe_setlist', 'msgId', { msgId: many(101, (i) => i + 1) }),
  invalid('msgId list of strings', 'profile.subscribe_setlist', 'msgId', { msgId: ['77'] }),
  invalid('msgId not a list', 'profile.subscribe_setlist', 'msgId', { msgId: 77 }),
  invalid('opType other than 0/1', 'profile.subscribe_setlist', 'opType', { opType: 2 }),
  invalid('opType missing', 'profile.subscribe_setlist', 'opType', { opType: undefined }),
  invalid('msgId of 0', 'profile.subscribe_push', 'msgId', { msgId: 0 }),
  invalid('msgId as a string', 'profile.subscribe_push', 'msgId', { msgId: '77' }),
  invalid('msgId over int32', 'profile.subscribe_push', 'msgId', { msgId: 2 ** 31 }),
  invalid('msgId as a list (doc: int)', 'profile.subscribe_clear', 'msgId', { msgId: [77] }),
  invalid('msgId missing', 'profile.subscribe_clear', 'msgId', { msgId: undefined }),
];
