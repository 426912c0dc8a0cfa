import { bool, int, intEnum, list, object, str, v3Answer, type AnswerTable } from './answer-doc.js';

/* /profile/* (msdk-v3-server-api.txt, Personal information). None of these answers has is_lost. */

const FIRST_REG = v3Answer({
  fields: {
    need_pop: str('"1": show the real-name pop-up (only on a clear "1")'),
    realname_flag: str('"1": the user is registered under a real name'),
    mobile_flag: str('"1": the user registered with a mobile number'),
  },
});
const FIRST_REG_EXAMPLE = { ret: 0, msg: 'success', need_pop: '0', realname_flag: '1', mobile_flag: '1' };
const OK_EXAMPLE = { ret: 0, msg: 'success' };

const VIP_ITEM = object(
  {
    flag: int(
      'The kind: 1 member, 2 QQ level, 4 blue, 8 red, 16 super, 64 Xinyue, 128 yellow, 256 animation, 512 Xinyue level',
    ),
    isvip: int('1: the user has this kind'),
    year: int('Yearly membership (the doc reads 0 as yes)'),
    level: int('Level (the QQ level for flag 2; the Xinyue level with xinyue_upgrade 1)'),
    luxury: int('Luxury version: 1 yes'),
  },
  'One kind of VIP asked for in the vip bit mask',
);

export const PROFILE_ANSWER_DOCS: AnswerTable<'profile'> = {
  'profile.qqget_first_reg': { schema: FIRST_REG, example: FIRST_REG_EXAMPLE },
  'profile.query_vip': {
    schema: v3Answer({ fields: { lists: list(VIP_ITEM, 'One entry per kind asked for') } }),
    example: { ret: 0, msg: '', lists: [{ flag: 2, year: 0, level: 10, luxury: 0, isvip: 1 }] },
  },
  'profile.get_gift': {
    schema: v3Answer({
      fields: {
        GiftPackList: list(
          object({ giftId: str('Gift bag id'), giftCount: str('How many of this bag (a string)') }, 'A gift bag'),
          'The gift bags taken by this call (the bag is now empty)',
        ),
      },
    }),
    example: { GiftPackList: [{ giftCount: '1', giftId: '1001' }], msg: 'success', ret: 0 },
  },
  'profile.get_wifi': {
    schema: v3Answer({ fields: { wifiVip: intEnum([0, 1], '1: qualified for portable wifi') } }),
    example: { msg: 'success', ret: 0, wifiVip: 1 },
  },
  'profile.qqscore_batch': {
    schema: v3Answer({ fields: { type: int("Present in the doc's example answer (0)") }, optional: ['type'] }),
    example: { msg: 'success', ret: 0, type: 0 },
  },
  'profile.get_xinyue_super': {
    schema: v3Answer({
      fields: {
        ilevel: intEnum([0, 10, 11], 'Super R level: 10 Super R, 11 Top R, 0 neither'),
        openid: str("The request's openid, echoed"),
        trace_id: str("The request's trace_id, echoed"),
      },
    }),
    example: {
      ret: 0,
      openid: 'E1FBBD6FCDC5D68B47A376FBE041D181',
      ilevel: 0,
      trace_id: 'msdkdemo-E1FBBD6FCDC5D68B47A376FBE041D181-20180116155309-123456',
      msg: 'success',
    },
  },
  'profile.get_wx_xinyue_vip': {
    schema: v3Answer({
      fields: {
        ilevel: int('Xinyue (Joy) level, 0 for none; the scale follows seven_flag / xinyue_upgrade'),
        serial: str("The request's serial, echoed"),
      },
    }),
    example: { ret: 0, ilevel: 0, serial: 'MSDK_20180327_181625_123456', msg: 'success.' },
  },
  'profile.wxget_vip': {
    schema: v3Answer({
      fields: {
        data: object({
          vipinfo: list(
            object(
              {
                openid: str('openid'),
                level: int('Level'),
                score: int('Score'),
                nick: str('VIP name'),
                logo_url: str('VIP logo URL (unused for now)'),
                logo_faceurl: str('VIP logo URL for avatars (unused for now)'),
              },
              'A privilege entry',
            ),
            'The requester first, then their game friends',
          ),
        }),
      },
    }),
    example: {
      msg: 'success',
      ret: 0,
      data: {
        vipinfo: [{ openid: 'xxx', level: 1, score: 310, nick: 'VIP1', logo_url: 'xxxx', logo_faceurl: 'xxx' }],
      },
    },
  },
  'profile.wxget_first_reg': { schema: FIRST_REG, example: FIRST_REG_EXAMPLE },
  'profile.wxbattle_report': { schema: v3Answer(), example: OK_EXAMPLE },
  'profile.subscribe_getlist': {
    schema: v3Answer({
      fields: {
        subscribeList: list(
          object(
            { id: int('Message id'), title: str('Message title'), status: bool('true: the user subscribed') },
            'A subscribable message',
          ),
          'The subscribable messages',
        ),
        more: bool('true: there are more messages'),
      },
    }),
    example: { ret: 0, msg: 'success', subscribeList: [{ id: 19, title: '2111', status: false }], more: false },
  },
  'profile.subscribe_setlist': { schema: v3Answer(), example: OK_EXAMPLE },
  'profile.subscribe_push': { schema: v3Answer(), example: OK_EXAMPLE },
  'profile.subscribe_clear': { schema: v3Answer(), example: OK_EXAMPLE },
  'profile.wxget_eliteinfo': {
    schema: v3Answer({
      fields: {
        data: object({
          wx_elite: intEnum([0, 1], '1: a WeChat elite user'),
          game_elite: intEnum([0, 1], "1: an elite user of the game's"),
        }),
      },
    }),
    example: { ret: 0, msg: 'success', data: { wx_elite: 0, game_elite: 0 } },
  },
};
