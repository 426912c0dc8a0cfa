import { int, list, object, str, v3Answer, type AnswerTable } from './answer-doc.js';

/*
 * WeChat's /relation/* profiles and friend lists (msdk-v3-server-api.txt, Relation chain). Where
 * the doc's table and its example disagree, the example (what MSDK sends) wins: wxprofile's
 * country and language sit beside `lists`.
 */

const WX_OPENID = 'oGRTijrV0l67hDGN7dstOl8CphN0';
const WX_FRIEND = 'oGRTijlTxQPrvr-H5-pgoZMhZgog';

const WX_INFO_ITEM = object(
  {
    nickName: str('Nickname'),
    sex: int('Gender: 1 male, 2 female, 0 unknown'),
    picture: str('Avatar URL; append /0, /46, /64, /96 or /132 for a size'),
    provice: str('Province (spelled so by MSDK)'),
    city: str('City'),
    openid: str("The friend's openid"),
    country: str('Country'),
    language: str('Language'),
  },
  'A WeChat game friend',
  ['country', 'language'],
);

/** wxfriends_profile's WXInfo. */
const WX_FRIEND_ITEM = object(
  {
    nickName: str('The remark when there is one, else the nickname'),
    picture: str('Avatar URL; append /0, /46, /64, /96 or /132 for a size'),
    provice: str('Province (spelled so by MSDK; always empty)'),
    openid: str("The friend's openid"),
    friendRemark: str('The remark the user gave this friend (only when MSDK has it enabled for the app)'),
  },
  'A WeChat game friend',
  ['friendRemark'],
);

const PRIVILEGE = list(str('A privilege, such as chinaunicom'), "The user's privileges (WoCard)");

export const WECHAT_RELATION_ANSWER_DOCS = {
  'relation.wxfriends': {
    schema: v3Answer({ fields: { openids: list(str('openid'), "The openids of the user's WeChat game friends") } }),
    example: { ret: 0, msg: 'success', openids: ['oy6-ljtb1PKnNtRKlouJAj952hlg', 'oy6-ljrzoW6jjxS2jI2LHZvGdsqA'] },
  },

  'relation.wxprofile': {
    schema: v3Answer({
      fields: {
        country: str('Country'),
        language: str('Language'),
        lists: list(WX_INFO_ITEM, 'One profile per openid asked for'),
        privilege: PRIVILEGE,
      },
    }),
    example: {
      country: 'CN',
      language: 'zh_CN',
      lists: [
        {
          city: 'Shenzhen',
          nickName: 'Hante',
          openid: WX_OPENID,
          picture: 'http://wx.qlogo.cn/mmhead/RpIhxf6qwjeF1QA6YxVvE8El3ySJHWCJia63TePjLSIc',
          provice: '',
          sex: 1,
        },
        { city: 'Zhongshan', nickName: 'WeGame Test', openid: WX_FRIEND, picture: '', provice: '', sex: 2 },
      ],
      msg: 'success',
      privilege: [],
      ret: 0,
    },
  },

  'relation.wxfriends_profile': {
    schema: v3Answer({
      fields: {
        country: str('Country (always empty)'),
        language: str('Language'),
        lists: list(WX_FRIEND_ITEM, "The user's WeChat game friends"),
        privilege: PRIVILEGE,
        extinfo: object(
          {
            closefriend_lists: list(
              object({ openid: str("A close friend's openid") }),
              'The close friends (closefriends_flag 1)',
            ),
          },
          'Present with closefriends_flag 1',
        ),
      },
      optional: ['extinfo'],
    }),
    example: {
      country: '',
      language: '',
      ret: 0,
      msg: 'success',
      lists: [
        {
          nickName: 'Tutu',
          picture: 'http://wx.qlogo.cn/mmhead/LwcbhAmMnZBAqZyUkv1z3qJibczZRdrZRkTgcNnqKqovicmDxLmyffdQ',
          provice: '',
          openid: 'oy6-ljl-aYH1tl3L2clpVhhVXHtY',
          friendRemark: 'Tutu',
        },
      ],
      privilege: [],
      extinfo: { closefriend_lists: [{ openid: 'oy6-ljl-aYH1tl3L2clpVhhVXHtY' }] },
    },
  },

  'relation.wxuserinfo': {
    schema: v3Answer({
      fields: {
        nickname: str('Nickname'),
        picture: str('Avatar URL; append /0, /46, /64, /96 or /132 for a size'),
        province: str('Province (always empty)'),
        city: str('City (always empty)'),
        country: str('Country (always empty)'),
        sex: str('Gender as a string (always "0", unknown)'),
        unionid: str("The user's id across the apps of one WeChat open platform account"),
        privilege: PRIVILEGE,
        language: str('Language (may be absent)'),
        gpsCity: str('City from GPS'),
        openid: str("The user's openid"),
      },
      optional: ['language', 'gpsCity', 'openid'],
    }),
    example: {
      city: '',
      country: '',
      msg: 'success',
      nickname: 'xxx',
      picture: 'http://wx.qlogo.cn/mmopen/uQDECzzFUic3xMCxSqQwsgXZqgCB2MtscmicF20OGZiaKia6fMlqOLuGjlibiaU/0',
      privilege: [],
      province: '',
      ret: 0,
      sex: '0',
      unionid: 'o1A_BjhwQHB2BUyasZ_Lb2rkkOpE',
    },
  },
} satisfies Partial<AnswerTable<'relation'>>;
