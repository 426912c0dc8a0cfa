import { md5Hex, type Platform } from '#msdk';
import type { Answer, AnswerFn } from './answer-context.js';
import { Seeded, nickFor } from './deterministic.js';
import { fieldText } from './field-text.js';

/** An openid starting with this has no game friends: friend_list answers without `lists`. */
export const NO_FRIENDS_PREFIX = 'nofriends';

/** ITOP openids are decimal strings of up to 20 digits. */
function itopOpenid(seed: string): string {
  return BigInt(`0x${md5Hex(seed).slice(0, 16)}`).toString();
}

/** base64url text of a given length, derived from the seed. */
function token64(seed: string, length: number): string {
  let hex = '';
  for (let i = 0; hex.length * 4 < length * 6; i++) hex += md5Hex(`${seed}:${i}`);
  return Buffer.from(hex, 'hex').toString('base64url').slice(0, length);
}

/** WeChat sopenids look like `sHlap1b2ZKIs92noWooBci31u9Y8` (28); QQ's are 64 characters. */
function sopenidFor(openid: string, platform: Platform): string {
  return platform === 'wechat' ? `s${token64(`sopenid:${openid}`, 27)}` : token64(`sopenid:${openid}`, 64);
}

/** Avatar bases without a size: the caller appends /40, /100 (QQ) or /0…/132 (WeChat). */
function pictureUrl(openid: string, platform: Platform): string {
  const key = md5Hex(`avatar:${openid}`).toUpperCase();
  return platform === 'wechat'
    ? `https://wx.qlogo.cn/mmhead/${token64(key, 44)}`
    : `https://thirdqq.qlogo.cn/qqopen/${key}/`;
}

/** WeChat items have nick_name, and friend_remark only when the user set one; no gender or country. */
function wechatFriend(friend: string, seed: Seeded): Answer {
  const nick = nickFor(seed);
  const item: Answer = {
    user_name: nick,
    picture_url: pictureUrl(friend, 'wechat'),
    provice: '',
    openid: friend,
    nick_name: nick,
  };
  if (seed.int(2) === 0) item.friend_remark = `Remark ${nickFor(seed)}`;
  return item;
}

/** QQ items: gender is always 0. */
function qqFriend(friend: string, seed: Seeded): Answer {
  return { user_name: nickFor(seed), gender: 0, picture_url: pictureUrl(friend, 'qq'), openid: friend };
}

/** Game friends per (openid, channel, sub_channelid); QQ answers carry is_lost, WeChat's do not. */
const friendList: AnswerFn = ({ openid, platform, fields }) => {
  const head: Answer = { ret: 0, msg: '' };
  if (!openid.startsWith(NO_FRIENDS_PREFIX)) {
    const owner = `${openid}:${platform}:${fieldText(fields.sub_channelid)}`;
    const seed = new Seeded(owner);
    head.lists = Array.from({ length: 1 + seed.int(5) }, (_, n) => {
      const friend = itopOpenid(`${owner}:friend:${n}`);
      return platform === 'wechat' ? wechatFriend(friend, seed) : qqFriend(friend, seed);
    });
  }
  return platform === 'qq' ? { ...head, is_lost: 0 } : head;
};

/** Unregistered friends: WeChat confidants come with model_id and send_list; QQ honours `count`. */
const recallFriendsList: AnswerFn = ({ openid, platform, fields }) => {
  const seed = new Seeded(`recall:${openid}:${platform}`);
  const available = 1 + seed.int(20);
  const size = platform === 'qq' ? Math.min(available, Number(fields.count ?? 20)) : Math.min(available, 5);
  const friend_list = Array.from({ length: size }, (_, n) => {
    const sopenid = sopenidFor(`${openid}:recall:${n}`, platform);
    const nick_name = nickFor(seed);
    return platform === 'wechat'
      ? { sopenid, head_img_url: `http://wx.qlogo.cn/mmopen/vi_32/${token64(sopenid, 86)}/0`, nick_name }
      : { sopenid, nick_name, head_img_url: `https://thirdqq.qlogo.cn/qqapp/${md5Hex(sopenid).toUpperCase()}/100` };
  });
  return platform === 'wechat'
    ? { msg: 'success', result: { friend_list, model_id: 0, send_list: [] }, ret: 0 }
    : { msg: 'success', ret: 0, result: { friend_list } };
};

/** /v2/friend/* and /v2/profile/get_sopenid, as in msdk-v5-friend-api.txt; the emulator adds `seq`. */
export const FRIEND_ANSWERS: Record<string, AnswerFn> = {
  '/v2/friend/friend_list': friendList,
  '/v2/friend/recall_friends_list': recallFriendsList,
  '/v2/profile/get_sopenid': ({ openid, platform }) => ({
    ret: 0,
    msg: 'success',
    sopenid: sopenidFor(openid, platform),
  }),
  '/v2/friend/share': () => ({ ret: 0, msg: 'success!' }),
  '/v2/friend/ark_share': () => ({ ret: 0, msg: 'success!' }),
};
