import { TEST_GAME } from '../../support/test-game.js';
import type { InvalidCall, SampleCall } from './sample-call.js';

/** V5 calls carry no appid: the game's V5 gameid (query `gameid`) is what they are made as. */
const GAMEID = TEST_GAME.v5GameId;
const QQ_USER = { openid: '4724195171999796436', accessToken: '27A50B44430AAD6BFFBE09BA875E48BB' };
const WX_USER = {
  openid: '13601369187816917176',
  accessToken:
    '61_nTO2IrYUm4KTM58tuZYZR8wZMbjyDJWndI_AMzuIKjAOGDobd94FtNLaiH8KmB774Q40xDo14hjnmHi_mZocsuACKV3GVps7gPXr-glx4Ts',
};
const ARK_EXTRA =
  '%7B%22app%22%3A%22com.tencent.gamecenter.qqsy%22%2C%22view%22%3A%22picView2%22%2C%22desc%22%3A%22%E6%B8%B8%E6%88%8F%E5%88%86%E4%BA%AB%22%2C%22ver%22%3A%221.0.0.1%22%2C%22config%22%3A%7B%22forward%22%3A0%2C%22type%22%3A%22normal%22%7D%2C%22meta%22%3A%7B%22shareData%22%3A%7B%22appid%22%3A%221109719108%22%2C%22openId%22%3A%22%22%2C%22scene%22%3A%22446%22%2C%22url%22%3A%22%22%7D%7D%7D';

const friendList = { ...QQ_USER, channelid: 2 };
const recallWx = { ...WX_USER, channelid: 1, task_id: 0 };
const recallQq = { ...QQ_USER, channelid: 2, count: 20 };
const share = {
  ...QQ_USER,
  channelid: 2,
  fopenid: '4124157778415485412',
  title: 'test_share',
  desc: 'nothing to share',
  link: '',
  image_url: 'http://mat1.gtimg.com/www/images/qq2012/erweimaNewsPic.png',
  game_tag: 'MSG_INVITE',
  type: 20000,
  channel_info: {
    target_url: 'http://mat1.gtimg.com/www/images/qq2012/erweimaNewsPic.png',
    dst: 1001,
    src: 0,
    flag: 1,
  },
};
const arkShare = {
  openid: '6703731585054734300',
  accessToken: '17DD31B2CC12B2A078B8CE4A7333B7FA',
  channelid: 2,
  fopenid: '14719294144616908484',
  extra: ARK_EXTRA,
};

/** One valid call per V5 friend interface, bodies taken from msdk-v5-friend-api.txt's examples. */
export const FRIEND_SAMPLES: SampleCall[] = [
  { id: 'friend.friend_list', route: '/v1/friend/friend_list', body: friendList, appid: GAMEID },
  { id: 'friend.recall_friends_list', route: '/v1/friend/recall_friends_list', body: recallWx, appid: GAMEID },
  { id: 'friend.get_sopenid', route: '/v1/friend/get_sopenid', body: { ...WX_USER, channelid: 1 }, appid: GAMEID },
  { id: 'friend.share', route: '/v1/friend/share', body: share, appid: GAMEID },
  { id: 'friend.ark_share', route: '/v1/friend/ark_share', body: arkShare, appid: GAMEID },
];

/** More valid calls: the other channel, the defaults the gateway fills, optional fields. */
export const FRIEND_MORE_SAMPLES: SampleCall[] = [
  {
    id: 'friend.friend_list',
    route: '/v1/friend/friend_list',
    body: { ...WX_USER, channelid: 1, sub_channelid: 2, os: 2 },
    appid: GAMEID,
  },
  { id: 'friend.recall_friends_list', route: '/v1/friend/recall_friends_list', body: recallQq, appid: GAMEID },
  { id: 'friend.get_sopenid', route: '/v1/friend/get_sopenid', body: { ...QQ_USER, channelid: 2 }, appid: GAMEID },
  {
    id: 'friend.share',
    route: '/v1/friend/share',
    body: { ...WX_USER, channelid: 1, sopenid: 'sHlap1bakvTsj1fyeeWxPoIW5OiY', game_tag: '' },
    appid: GAMEID,
  },
  {
    id: 'friend.ark_share',
    route: '/v1/friend/ark_share',
    body: { ...QQ_USER, sopenid: 'ChBBXeAbRjqUbDa8zZ8K_A1oNBKBAWK9mxgNDNwJIxBYd6IWho2aWtjfbWqkjpi7', extra: ARK_EXTRA },
    appid: GAMEID,
  },
];

const invalid = (name: string, route: string, body: Record<string, unknown>, field: string): InvalidCall => ({
  name,
  route,
  body,
  field,
});
const without = (body: Record<string, unknown>, field: string) =>
  Object.fromEntries(Object.entries(body).filter(([k]) => k !== field));

/** Every documented requirement, enumeration and limit of the V5 friend API, broken once. */
export const FRIEND_INVALID: InvalidCall[] = [
  // Shared by every V5 route: identity, channel, os, and fields the gateway owns.
  invalid('channelid missing', '/v1/friend/friend_list', without(friendList, 'channelid'), 'channelid'),
  invalid('channelid 3 (not WeChat/QQ)', '/v1/friend/friend_list', { ...friendList, channelid: 3 }, 'channelid'),
  invalid('channelid as a string', '/v1/friend/get_sopenid', { ...friendList, channelid: '2' }, 'channelid'),
  invalid('os 6 (not 1-5)', '/v1/friend/friend_list', { ...friendList, os: 6 }, 'os'),
  invalid('os as a string', '/v1/friend/get_sopenid', { ...friendList, os: '1' }, 'os'),
  invalid('accessToken missing', '/v1/friend/get_sopenid', without(friendList, 'accessToken'), 'accessToken'),
  invalid('openid malformed', '/v1/friend/friend_list', { ...friendList, openid: 'has space' }, 'openid'),
  invalid('token sent under its MSDK name', '/v1/friend/friend_list', { ...friendList, token: 'T' }, 'token'),
  invalid('seq is the gateway’s', '/v1/friend/friend_list', { ...friendList, seq: '1' }, 'seq'),
  invalid('msdkExtInfo is V3 only', '/v1/friend/friend_list', { ...friendList, msdkExtInfo: 'abc' }, 'msdkExtInfo'),
  // friend_list
  invalid(
    'sub_channelid as a string',
    '/v1/friend/friend_list',
    { ...friendList, sub_channelid: '1' },
    'sub_channelid',
  ),
  invalid(
    'sub_channelid not an integer',
    '/v1/friend/friend_list',
    { ...friendList, sub_channelid: 1.5 },
    'sub_channelid',
  ),
  // recall_friends_list
  invalid('WeChat recall without task_id', '/v1/friend/recall_friends_list', without(recallWx, 'task_id'), 'task_id'),
  invalid('task_id as a string', '/v1/friend/recall_friends_list', { ...recallWx, task_id: '0' }, 'task_id'),
  invalid('QQ recall without count', '/v1/friend/recall_friends_list', without(recallQq, 'count'), 'count'),
  invalid('count over 20', '/v1/friend/recall_friends_list', { ...recallQq, count: 21 }, 'count'),
  invalid('count 0', '/v1/friend/recall_friends_list', { ...recallQq, count: 0 }, 'count'),
  // share
  invalid('share type not 20000', '/v1/friend/share', { ...share, type: 20005 }, 'type'),
  invalid('share without fopenid or sopenid', '/v1/friend/share', without(share, 'fopenid'), 'fopenid'),
  invalid(
    'share to both fopenid and sopenid',
    '/v1/friend/share',
    { ...share, sopenid: 'sHlap1bakvTsj1fyeeWxPoIW5OiY' },
    'sopenid',
  ),
  invalid('share fopenid malformed', '/v1/friend/share', { ...share, fopenid: 'a b' }, 'fopenid'),
  invalid('share without game_tag', '/v1/friend/share', without(share, 'game_tag'), 'game_tag'),
  invalid(
    'share channel_info.dst not 1001',
    '/v1/friend/share',
    { ...share, channel_info: { ...share.channel_info, dst: 1000 } },
    'channel_info.dst',
  ),
  invalid(
    'share channel_info.flag not 1',
    '/v1/friend/share',
    { ...share, channel_info: { ...share.channel_info, flag: 2 } },
    'channel_info.flag',
  ),
  invalid(
    'share channel_info.act not 1',
    '/v1/friend/share',
    { ...share, channel_info: { ...share.channel_info, act: 2 } },
    'channel_info.act',
  ),
  invalid(
    'share channel_info.src not an integer',
    '/v1/friend/share',
    { ...share, channel_info: { ...share.channel_info, src: '0' } },
    'channel_info.src',
  ),
  invalid(
    'share channel_info unknown key',
    '/v1/friend/share',
    { ...share, channel_info: { ...share.channel_info, url: 'x' } },
    'channel_info.url',
  ),
  // ark_share
  invalid('ark_share without extra', '/v1/friend/ark_share', without(arkShare, 'extra'), 'extra'),
  invalid(
    'ark_share extra not url-encoded',
    '/v1/friend/ark_share',
    { ...arkShare, extra: '{"app":"com.tencent.gamecenter.qqsy"}' },
    'extra',
  ),
  invalid(
    'ark_share extra url-encoded but not JSON',
    '/v1/friend/ark_share',
    { ...arkShare, extra: 'picView2' },
    'extra',
  ),
  invalid('ark_share without fopenid or sopenid', '/v1/friend/ark_share', without(arkShare, 'fopenid'), 'fopenid'),
  invalid('ark_share on WeChat', '/v1/friend/ark_share', { ...arkShare, channelid: 1 }, 'channelid'),
];
