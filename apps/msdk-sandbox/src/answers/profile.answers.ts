import type { Answer, AnswerContext, AnswerFn } from './answer-context.js';
import { friendOpenid, Seeded } from './deterministic.js';
import { fieldText } from './field-text.js';

/** A stream seeded by interface and user: the same user always gets the same profile data. */
const seeded = (ctx: AnswerContext) => new Seeded(`${ctx.entry.path}:${ctx.openid}`);

const OK = { ret: 0, msg: 'success' } as const;

/** qqget_first_reg / wxget_first_reg: the flags are strings, "1" meaning yes. */
const firstReg: AnswerFn = (ctx) => {
  const s = seeded(ctx);
  return { ...OK, need_pop: String(s.int(2)), realname_flag: String(s.int(2)), mobile_flag: String(s.int(2)) };
};

/**
 * What each query_vip flag fills, as the doc describes it: QQ level only `level` (isvip 1, as in
 * the doc's example), super member and animation only `isvip`, Xinyue `isvip` and `level`; the rest all four.
 */
const VIP_KINDS: ReadonlyArray<{ flag: number; maxLevel: number; only?: 'isvip' | 'level' | 'isvip+level' }> = [
  { flag: 0x01, maxLevel: 7 },
  { flag: 0x02, maxLevel: 64, only: 'level' },
  { flag: 0x04, maxLevel: 7 },
  { flag: 0x08, maxLevel: 7 },
  { flag: 0x10, maxLevel: 0, only: 'isvip' },
  { flag: 0x40, maxLevel: 7, only: 'isvip+level' },
  { flag: 0x80, maxLevel: 8 },
  { flag: 0x100, maxLevel: 0, only: 'isvip' },
  { flag: 0x200, maxLevel: 7, only: 'isvip+level' },
];

const queryVip: AnswerFn = (ctx) => {
  const s = seeded(ctx);
  const vip = Number(ctx.fields.vip);
  const lists = VIP_KINDS.filter((k) => (vip & k.flag) !== 0).map((k) => {
    const isvip = k.only === 'level' ? 1 : s.int(2);
    const level = isvip && k.maxLevel ? 1 + s.int(k.maxLevel) : 0;
    const full = k.only === undefined && isvip === 1;
    return {
      flag: k.flag,
      // year: 0 means an annual-fee member, as the doc has it.
      year: full ? s.int(2) : 0,
      level,
      luxury: full ? s.int(2) : 0,
      isvip,
    };
  });
  return { ret: 0, msg: '', lists };
};

const getGift: AnswerFn = (ctx) => {
  const s = seeded(ctx);
  const count = s.int(3);
  const GiftPackList = Array.from({ length: count }, (_, i) => ({
    giftCount: String(1 + s.int(5)),
    giftId: String(1001 + i),
  }));
  return { GiftPackList, msg: 'success', ret: 0 };
};

const getXinyueSuper: AnswerFn = (ctx) => ({
  ret: 0,
  openid: ctx.openid,
  ilevel: seeded(ctx).pick([0, 10, 11]),
  trace_id: fieldText(ctx.fields.trace_id),
  msg: 'success',
});

/** seven_flag=1 or xinyue_upgrade=1 answer on a 7-level scale, otherwise on the 3-level one. */
const getWxXinyueVip: AnswerFn = (ctx) => {
  const sevenLevels = String(ctx.fields.seven_flag) === '1' || String(ctx.fields.xinyue_upgrade) === '1';
  return {
    ret: 0,
    ilevel: seeded(ctx).int(sevenLevels ? 8 : 4),
    serial: fieldText(ctx.fields.serial),
    msg: 'success.',
  };
};

/** The requester comes first, then their game friends. */
const wxGetVip: AnswerFn = (ctx) => {
  const s = seeded(ctx);
  const friends = Array.from({ length: s.int(4) }, (_, n) => friendOpenid(ctx.openid, n, 'wechat'));
  const vipinfo = [ctx.openid, ...friends].map((openid) => {
    const level = new Seeded(`wxvip:${openid}`).int(4);
    return {
      openid,
      level,
      score: level * 310,
      nick: `VIP${level}`,
      logo_url: `http://wx.qlogo.cn/vip/${level}.png`,
      logo_faceurl: `http://wx.qlogo.cn/vip/${level}_face.png`,
    };
  });
  return { ...OK, data: { vipinfo } };
};

const SUBSCRIBABLE = [
  { id: 19, title: 'Daily reward ready' },
  { id: 43, title: 'Stamina full' },
  { id: 77, title: 'New season' },
];

const subscribeGetlist: AnswerFn = (ctx) => {
  const s = seeded(ctx);
  return { ...OK, subscribeList: SUBSCRIBABLE.map((m) => ({ ...m, status: s.int(2) === 1 })), more: false };
};

const wxGetEliteinfo: AnswerFn = (ctx) => {
  const s = seeded(ctx);
  return { ...OK, data: { wx_elite: s.int(2), game_elite: s.int(2) } };
};

const success = (): Answer => ({ ...OK });

/** /profile/* answers, in the shapes of msdk-v3-server-api.txt (none of them has is_lost). */
export const PROFILE_ANSWERS: Record<string, AnswerFn> = {
  '/profile/qqget_first_reg': firstReg,
  '/profile/query_vip': queryVip,
  '/profile/get_gift': getGift,
  '/profile/get_wifi': (ctx) => ({ msg: 'success', ret: 0, wifiVip: seeded(ctx).int(2) }),
  '/profile/qqscore_batch': () => ({ msg: 'success', ret: 0, type: 0 }),
  '/profile/get_xinyue_super': getXinyueSuper,
  '/profile/get_wx_xinyue_vip': getWxXinyueVip,
  '/profile/wxget_vip': wxGetVip,
  '/profile/wxget_first_reg': firstReg,
  '/profile/wxbattle_report': success,
  '/profile/subscribe_getlist': subscribeGetlist,
  '/profile/subscribe_setlist': success,
  '/profile/subscribe_push': success,
  '/profile/subscribe_clear': success,
  '/profile/wxget_eliteinfo': wxGetEliteinfo,
};
