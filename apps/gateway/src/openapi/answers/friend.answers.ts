import { int, list, object, str, V5_IS_LOST, v5Answer, type AnswerTable } from './answer-doc.js';

/*
 * The V5 (ITOP) friend API (msdk-v5-friend-api.txt). get_sopenid's table names a `result`
 * object, but its examples (what MSDK sends) carry `sopenid` at the top level.
 */

const FRIEND_ITEM = object(
  {
    openid: str("The friend's openid"),
    user_name: str('Nickname (WeChat may show the remark here)'),
    gender: int('Gender: 0 undefined, 1 male, 2 female (QQ always 0; not on WeChat)'),
    picture_url: str('Avatar URL; append /40 or /100 (QQ), /0, /46, /64, /96 or /132 (WeChat)'),
    country: str('Country (not on WeChat)'),
    provice: str('Province (spelled so by MSDK)'),
    city: str('City'),
    language: str('Language'),
    nick_name: str('WeChat only: the nickname, when WeChat sends it'),
    friend_remark: str("WeChat only: the user's remark for this friend, when WeChat sends it"),
  },
  'A game friend',
  ['gender', 'country', 'provice', 'city', 'language', 'nick_name', 'friend_remark'],
);

const RECALL_ITEM = object(
  {
    sopenid: str("The friend's sopenid (for /v1/friend/share and ark_share)"),
    head_img_url: str('Avatar URL'),
    nick_name: str('Nickname'),
  },
  'An unregistered friend',
);

const SHARE_EXAMPLE = { ret: 0, msg: 'success!', seq: '1594899989-0268717065-054062-0000016317' };

export const FRIEND_ANSWER_DOCS: AnswerTable<'friend'> = {
  'friend.friend_list': {
    schema: v5Answer({
      fields: {
        lists: list(FRIEND_ITEM, 'The game friends; absent when the user has none'),
        is_lost: { ...V5_IS_LOST, description: `QQ only. ${V5_IS_LOST.description}` },
      },
      optional: ['lists', 'is_lost'],
    }),
    example: {
      ret: 0,
      msg: '',
      lists: [
        {
          user_name: 'Xiao Zhang',
          gender: 0,
          picture_url: 'https://q.qlogo.cn/qqapp/1106977030/A7DB20EFF6DD4A617367B71186DB33A6/',
          openid: '14882639338379730531',
        },
      ],
      is_lost: 0,
      seq: '1664333315-0844862987-022347-0109203549',
    },
  },
  'friend.recall_friends_list': {
    schema: v5Answer({
      fields: {
        result: object(
          {
            friend_list: list(RECALL_ITEM, 'Unregistered QQ friends or WeChat confidants'),
            model_id: int('WeChat only: model id'),
            send_list: list({}, 'WeChat only: the delivery list'),
          },
          'The friends (empty on the real platform since 2021-11-05)',
          ['model_id', 'send_list'],
        ),
      },
    }),
    example: {
      msg: 'success',
      ret: 0,
      result: {
        friend_list: [
          {
            sopenid: 'ChBBXeAbRjqUbDa8zZ8K_A1oNBKBAWK9mxgNDNwJIxBYd6IWho2aWtjfbWqkjpi7',
            nick_name: 'He Miao Miao Taro',
            head_img_url: 'https://thirdqq.qlogo.cn/qqapp/1106977030/B784C3A8411A406546E40DCD9D898635/100',
          },
        ],
      },
      seq: '1572525472-0016777343-022540-0000000191',
    },
  },
  'friend.get_sopenid': {
    schema: v5Answer({ fields: { sopenid: str("The user's sopenid") } }),
    example: {
      ret: 0,
      msg: 'success',
      sopenid: 'sHlap1b2ZKIs92noWooBci31u9Y8',
      seq: '1572525723-0016777343-022546-0000000075',
    },
  },
  'friend.share': { schema: v5Answer(), example: SHARE_EXAMPLE },
  'friend.ark_share': { schema: v5Answer(), example: SHARE_EXAMPLE },
};
