import { int, list, object, str, V3_IS_LOST, v3Answer, type AnswerTable } from './answer-doc.js';

/*
 * QQ's /relation/* profiles and friend lists (msdk-v3-server-api.txt, Relation chain). Where the
 * doc's table and its example disagree, the example (what MSDK sends) wins: qqstrange_profile
 * answers `lists`, qqfriends_detail's closefriend_lists sits inside `extinfo`.
 */

const GENDER = str('Gender; QQ stopped sending it in 2022, so it may be empty or absent');
const QQ_OPENID = 'A3284A812ECA15269F85AE1C2D94EB37';
const QQ_FRIEND = '69FF99F3B17436F2F6621FA158B30549';

const QQ_FRIEND_ITEM = object(
  {
    openid: str("The friend's openid"),
    nickName: str("The friend's remark, or nickname when there is no remark"),
    gender: GENDER,
    figureurl_qq: str("The friend's QQ avatar URL; append /40 or /100 for a size"),
  },
  'A QQ game friend',
  ['gender'],
);

const QQ_STRANGER_ITEM = object(
  {
    openid: str('openid'),
    gender: GENDER,
    nickName: str('Nickname'),
    qzonepicture50: str('Qzone avatar URL, 50×50'),
    qqpicture40: str('QQ avatar URL, 40×40'),
    qqpicture100: str('QQ avatar URL, 100×100'),
    qqpicture: str('QQ avatar URL; append /40 or /100 for a size'),
  },
  'A game stranger (or friend)',
  ['gender'],
);

const QQ_VIP_ITEM = object(
  {
    openid: str('The user asked about'),
    is_qq_vip: int('QQ member flag (with flags qq_vip)'),
    qq_vip_level: int('QQ member level (only for members)'),
    is_qq_year_vip: int('Yearly QQ member: 1 yes, 0 no (with flags qq_vip)'),
    is_qq_svip: int('QQ super member: 1 yes, 0 no (with flags qq_svip)'),
  },
  "One user's memberships; only the kinds asked for in flags are present",
  ['is_qq_vip', 'qq_vip_level', 'is_qq_year_vip', 'is_qq_svip'],
);

/** wxprofile's WXInfo. */

export const QQ_RELATION_ANSWER_DOCS = {
  'relation.qqprofile': {
    schema: v3Answer({
      fields: {
        nickName: str('Nickname (the QQ nickname)'),
        gender: GENDER,
        picture40: str('QQ avatar URL, 40×40'),
        picture100: str('QQ avatar URL, 100×100 (not every user has one)'),
        yellow_vip: int('Yellow diamond member: 0 no'),
        yellow_vip_level: int('Yellow diamond level'),
        yellow_year_vip: int('Yearly yellow diamond member: 0 no'),
        is_lost: V3_IS_LOST,
      },
      optional: ['gender'],
    }),
    example: {
      ret: 0,
      msg: 'success',
      nickName: 'xxx',
      gender: '',
      picture40: `http://q.qlogo.cn/qqapp/100703379/${QQ_OPENID}/40`,
      picture100: `http://q.qlogo.cn/qqapp/100703379/${QQ_OPENID}/100`,
      yellow_vip: 0,
      yellow_vip_level: 0,
      yellow_year_vip: 0,
      is_lost: '0',
    },
  },

  'relation.qqfriends_detail': {
    schema: v3Answer({
      fields: {
        lists: list(QQ_FRIEND_ITEM, "The user's QQ game friends (with flag 2, the user too)"),
        extinfo: object(
          { closefriend_lists: list(str('openid'), "The close friends' openids") },
          'Present with closefriends_flag 1',
        ),
        is_lost: V3_IS_LOST,
      },
      optional: ['extinfo'],
    }),
    example: {
      ret: 0,
      msg: 'success',
      lists: [
        {
          openid: QQ_FRIEND,
          nickName: 'xxx',
          gender: '',
          figureurl_qq: `http://q.qlogo.cn/qqapp/100703379/${QQ_FRIEND}/`,
        },
      ],
      extinfo: { closefriend_lists: ['DB8830DFD91050D6BD9CFAC29121C98B'] },
      is_lost: '0',
    },
  },

  'relation.qq_unreg_friends': {
    schema: v3Answer({
      fields: {
        friends: list(
          object(
            {
              openid: str("The friend's openid"),
              nick_name: str('QQ nickname (never a remark)'),
              head_img_url: str('Avatar URL'),
            },
            'A QQ friend who has not registered the game',
          ),
          'Unregistered friends; empty on the real platform since 2021-11-05',
        ),
      },
      optional: ['friends'],
    }),
    example: {
      ret: 0,
      msg: 'success',
      friends: [
        {
          openid: '67063124582BE5086B203F543E4F643C',
          nick_name: 'xxx',
          head_img_url: 'http://thirdqq.qlogo.cn/qqapp/1104466820/67063124582BE5086B203F543E4F643C/100',
        },
      ],
    },
  },

  'relation.qqstrange_profile': {
    schema: v3Answer({
      fields: { lists: list(QQ_STRANGER_ITEM, 'One profile per vcopenid'), is_lost: V3_IS_LOST },
    }),
    example: {
      ret: 0,
      msg: 'success',
      lists: [
        {
          openid: 'B9EEA5EE1E99694146AC2700BFE6B88B',
          gender: '1',
          nickName: 'xu',
          qzonepicture50: 'http://thirdapp1.qlogo.cn/qzopenapp/aff242e95d20fb902bedd93bb1dcd4c0/50',
          qqpicture40: 'http://q.qlogo.cn/qqapp/100732256/B9EEA5EE1E99694146AC2700BFE6B88B/40',
          qqpicture100: 'http://q.qlogo.cn/qqapp/100732256/B9EEA5EE1E99694146AC2700BFE6B88B/100',
          qqpicture: 'http://q.qlogo.cn/qqapp/100732256/B9EEA5EE1E99694146AC2700BFE6B88B',
        },
      ],
      is_lost: '0',
    },
  },

  'relation.qqfriends_vip': {
    schema: v3Answer({ fields: { lists: list(QQ_VIP_ITEM, 'One entry per fopenid'), is_lost: V3_IS_LOST } }),
    example: {
      is_lost: '0',
      lists: [{ is_qq_vip: 1, is_qq_year_vip: 1, openid: QQ_FRIEND, qq_vip_level: 6, is_qq_svip: 1 }],
      msg: 'success',
      ret: 0,
    },
  },

  'relation.get_vip_rich_info': {
    schema: v3Answer({
      fields: {
        is_lost: { ...V3_IS_LOST, description: `${V3_IS_LOST.description}; absent means "0"` },
        is_qq_vip: str('QQ member: "1" yes, "0" no'),
        qq_vip_start: str('Last QQ member recharge, a Unix timestamp (string)'),
        qq_vip_end: str('QQ membership end, a Unix timestamp (string)'),
        qq_year_vip_start: str('Last yearly-member recharge, a Unix timestamp (string)'),
        qq_year_vip_end: str('Yearly membership end, a Unix timestamp (string)'),
        qq_svip_start: str('Last super-member recharge, a Unix timestamp (string)'),
        qq_svip_end: str('Super membership end, a Unix timestamp (string)'),
        is_qq_year_vip: str('Yearly QQ member: "1" yes, "0" no'),
        is_svip: str('QQ super member: "1" yes, "0" no'),
      },
      optional: ['is_lost'],
    }),
    example: {
      is_lost: '0',
      is_qq_vip: '0',
      msg: 'success',
      qq_svip_end: '0',
      qq_svip_start: '0',
      qq_vip_end: '1448817920',
      qq_vip_start: '1443461120',
      qq_year_vip_end: '0',
      qq_year_vip_start: '0',
      ret: 0,
      is_qq_year_vip: '1',
      is_svip: '1',
    },
  },
} satisfies Partial<AnswerTable<'relation'>>;
