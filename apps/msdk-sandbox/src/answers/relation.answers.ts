import { md5Hex } from '#msdk';
import type { Answer, AnswerFn } from './answer-context.js';
import { avatarUrl, friendOpenid, nickFor, Seeded } from './deterministic.js';

/** Every user has this many game friends on each platform: enough to page through, small enough to read. */
const FRIEND_COUNT = 60;
/** Every CLOSE_EVERY-th friend is a close friend (closefriends_flag=1). */
const CLOSE_EVERY = 10;
/** Every REMARK_EVERY-th WeChat friend carries a friendRemark. */
const REMARK_EVERY = 3;
const DAY = 86400;
const CITIES = ['Shenzhen', 'Guangzhou', 'Beijing', 'Shanghai', 'Chengdu', 'Zhongshan'];

const friendsOf = (openid: string, platform: 'qq' | 'wechat') =>
  Array.from({ length: FRIEND_COUNT }, (_, n) => friendOpenid(openid, n, platform));
const isClose = (n: number) => n % CLOSE_EVERY === CLOSE_EVERY - 1;

/** The same nickname wherever a user appears: their own profile, anyone's friend list. */
const nickOf = (openid: string) => nickFor(new Seeded(openid));

/** A QQ user's memberships; qqfriends_vip and get_vip_rich_info agree because both read this. */
function qqVipOf(openid: string) {
  const s = new Seeded(`${openid}:qqvip`);
  const vip = s.int(2);
  const level = vip ? 1 + s.int(8) : 0;
  const year = vip ? s.int(2) : 0;
  const svip = vip ? s.int(2) : 0;
  // Fixed epoch so answers never depend on the clock: a 30-day term somewhere in late 2015.
  const start = 1443461120 + s.int(60) * DAY;
  return { vip, level, year, svip, start };
}

/** A string list field of the body, or undefined when MSDK would call it missing. */
function idList(fields: Readonly<Record<string, unknown>>, name: string): string[] | undefined {
  const v = fields[name];
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : undefined;
}
const missing = (name: string): Answer => ({ ret: -506, msg: `missing params: ${name}` });

const qqAvatarBase = (appid: string, openid: string) => `http://q.qlogo.cn/qqapp/${appid}/${openid}`;
const wxPicture = (openid: string) => `http://wx.qlogo.cn/mmhead/${md5Hex(`wx:${openid}`)}`;

function qqFriend(appid: string, openid: string) {
  return { openid, nickName: nickOf(openid), gender: '', figureurl_qq: `${qqAvatarBase(appid, openid)}/` };
}

function qqStranger(appid: string, openid: string) {
  const base = qqAvatarBase(appid, openid);
  return {
    openid,
    gender: '',
    nickName: nickOf(openid),
    qzonepicture50: `http://thirdapp1.qlogo.cn/qzopenapp/${md5Hex(`qzone:${openid}`)}/50`,
    qqpicture40: `${base}/40`,
    qqpicture100: `${base}/100`,
    qqpicture: base,
  };
}

function wxInfo(openid: string) {
  const s = new Seeded(`${openid}:wx`);
  return {
    city: s.pick(CITIES),
    nickName: nickOf(openid),
    openid,
    picture: wxPicture(openid),
    provice: '',
    sex: 1 + s.int(2),
  };
}

function qqVipEntry(openid: string, flags: readonly string[]) {
  const v = qqVipOf(openid);
  return {
    ...(flags.includes('qq_vip') ? { is_qq_vip: v.vip, is_qq_year_vip: v.year } : {}),
    openid,
    ...(flags.includes('qq_vip') && v.vip ? { qq_vip_level: v.level } : {}),
    ...(flags.includes('qq_svip') ? { is_qq_svip: v.svip } : {}),
  };
}

/** /relation/* answers, in the shapes of msdk-v3-server-api.txt. */
export const RELATION_ANSWERS: Record<string, AnswerFn> = {
  '/relation/qqprofile': ({ openid }) => {
    const s = new Seeded(`${openid}:yellow`);
    const yellow = s.int(2);
    return {
      ret: 0,
      msg: 'success',
      nickName: nickOf(openid),
      gender: '',
      picture40: avatarUrl(openid, 40),
      picture100: avatarUrl(openid, 100),
      yellow_vip: yellow,
      yellow_vip_level: yellow ? 1 + s.int(8) : 0,
      yellow_year_vip: yellow ? s.int(2) : 0,
      is_lost: '0',
    };
  },

  '/relation/qqfriends_detail': ({ appid, openid, fields }) => {
    const friends = friendsOf(openid, 'qq');
    const ids = fields.flag === 2 ? [openid, ...friends] : friends;
    return {
      ret: 0,
      msg: 'success',
      lists: ids.map((id) => qqFriend(appid, id)),
      ...(fields.closefriends_flag === 1
        ? { extinfo: { closefriend_lists: friends.filter((_, n) => isClose(n)) } }
        : {}),
      is_lost: '0',
    };
  },

  '/relation/qq_unreg_friends': ({ appid, openid, fields }) => {
    const count = Math.min(20, Math.max(0, typeof fields.count === 'number' ? fields.count : 20));
    // Numbered after the game friends so nobody is both registered and not.
    const ids = Array.from({ length: count }, (_, n) => friendOpenid(openid, FRIEND_COUNT + n, 'qq'));
    return {
      ret: 0,
      msg: 'success',
      friends: ids.map((id) => ({
        openid: id,
        nick_name: nickOf(id),
        head_img_url: `http://thirdqq.qlogo.cn/qqapp/${appid}/${id}/100`,
      })),
    };
  },

  '/relation/qqstrange_profile': ({ appid, fields }) => {
    const ids = idList(fields, 'vcopenid');
    if (!ids) return missing('vcopenid');
    // The doc's table says `list`, its example `lists`: MSDK's real answers use `lists`.
    return { ret: 0, msg: 'success', lists: ids.map((id) => qqStranger(appid, id)), is_lost: '0' };
  },

  '/relation/qqfriends_vip': ({ fields }) => {
    const ids = idList(fields, 'fopenids');
    if (!ids) return missing('fopenids');
    const flags = typeof fields.flags === 'string' ? fields.flags.split(',') : [];
    return { is_lost: '0', lists: ids.map((id) => qqVipEntry(id, flags)), msg: 'success', ret: 0 };
  },

  '/relation/get_vip_rich_info': ({ openid }) => {
    const v = qqVipOf(openid);
    const term = (on: number, from: number, days: number) =>
      on ? { start: String(from), end: String(from + days * DAY) } : { start: '0', end: '0' };
    // A monthly membership, the yearly one that covers it, and a later super-member month.
    const [vip, year, svip] = [
      term(v.vip, v.start, 30),
      term(v.year, v.start - 335 * DAY, 365),
      term(v.svip, v.start + 7 * DAY, 30),
    ];
    return {
      is_lost: '0',
      is_qq_vip: String(v.vip),
      msg: 'success',
      qq_svip_end: svip.end,
      qq_svip_start: svip.start,
      qq_vip_end: vip.end,
      qq_vip_start: vip.start,
      qq_year_vip_end: year.end,
      qq_year_vip_start: year.start,
      ret: 0,
      is_qq_year_vip: String(v.year),
      is_svip: String(v.svip),
    };
  },

  '/relation/wxfriends': ({ openid }) => ({ ret: 0, msg: 'success', openids: friendsOf(openid, 'wechat') }),

  '/relation/wxprofile': ({ fields }) => {
    const ids = idList(fields, 'openids');
    if (!ids) return missing('openids');
    return { country: 'CN', language: 'zh_CN', lists: ids.map(wxInfo), msg: 'success', privilege: [], ret: 0 };
  },

  '/relation/wxfriends_profile': ({ openid, fields }) => {
    const friends = friendsOf(openid, 'wechat');
    const lists = friends.map((id, n) => {
      const { nickName, picture } = wxInfo(id);
      // With a remark, nickName shows the remark first, as the doc describes.
      const remark = n % REMARK_EVERY === 0 ? `Remark ${nickName}` : undefined;
      return {
        nickName: remark ?? nickName,
        picture,
        provice: '',
        openid: id,
        ...(remark ? { friendRemark: remark } : {}),
      };
    });
    return {
      country: '',
      language: '',
      ret: 0,
      msg: 'success',
      lists,
      privilege: [],
      ...(fields.closefriends_flag === 1
        ? { extinfo: { closefriend_lists: friends.filter((_, n) => isClose(n)).map((id) => ({ openid: id })) } }
        : {}),
    };
  },

  '/relation/wxuserinfo': ({ openid }) => ({
    city: '',
    country: '',
    msg: 'success',
    nickname: nickOf(openid),
    picture: `${wxPicture(openid)}/0`,
    privilege: [],
    province: '',
    ret: 0,
    sex: '0',
    unionid: `o1A_${md5Hex(`unionid:${openid}`).slice(0, 24)}`,
    language: 'zh_CN',
    gpsCity: '',
    openid,
  }),
};
