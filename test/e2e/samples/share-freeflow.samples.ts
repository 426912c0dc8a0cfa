import { TEST_GAME } from '../../support/test-game.js';
import type { InvalidCall, SampleCall } from './sample-call.js';

const OPENID = 'A3284A812ECA15269F85AE1C2D94EB37';
const TOKEN = '933FE8C9AB9C585D7EABD04373B7155F';
const FRIEND = '69FF99F3B17436F2F6621FA158B30549';
const TARGET_URL =
  'http://gamecenter.qq.com/gcjump?appid=100703379&pf=invite&from=iphoneqq&plat=qq&originuin=111&ADTAG=gameobj.msg_invite';
/** encodeURIComponent of a small ark template (the doc's example, shortened). */
const ARK_EXTRA = encodeURIComponent(
  JSON.stringify({
    app: 'com.tencent.gamecenter.qqsy',
    view: 'picView2',
    desc: '游戏分享',
    ver: '1.0.0.1',
    config: { forward: 0, type: 'normal' },
  }),
);

const QQ_SHARE = {
  openid: OPENID,
  accessToken: TOKEN,
  image_url: 'http://mat1.gtimg.com/www/images/qq2012/erweimaVideoPic.png',
  summary: 'Summary',
  target_url: TARGET_URL,
  title: 'test by hunter',
  fopenids: [{ openid: FRIEND, type: 0 }],
  game_tag: 'MSG_INVITE',
  userip: '192.168.5.114',
};
const QQ_ARK = {
  openid: 'E2FB89ECD8845569447823EB2AD2F805',
  accessToken: '08C59126F6D67E356A119BDA43768A',
  fopenid: FRIEND,
  extra: ARK_EXTRA,
};
const GETINFO = { openid: '23F7F96A4920872EA3CA2DB6CB8EFE04' };
const CCINFO = { openid: '23F7F96A4920872EA3CA2DB6CB8EFE04', ip: '59.37.125.72' };

export const SHARE_FREEFLOW_SAMPLES: SampleCall[] = [
  { id: 'share.qq', route: '/v1/share/qq', body: QQ_SHARE, appid: TEST_GAME.qqAppId },
  { id: 'share.qqark', route: '/v1/share/qqark', body: QQ_ARK, appid: TEST_GAME.qqAppId },
  { id: 'freeflow.getinfo', route: '/v1/freeflow/getinfo', body: GETINFO, appid: TEST_GAME.qqAppId },
  { id: 'freeflow.get_ccinfo', route: '/v1/freeflow/get_ccinfo', body: CCINFO, appid: TEST_GAME.qqAppId },
];

const qq = (name: string, patch: Record<string, unknown>, field: string, drop?: string): InvalidCall => {
  const body: Record<string, unknown> = { ...QQ_SHARE, ...patch };
  if (drop) delete body[drop];
  return { name: `share/qq: ${name}`, route: '/v1/share/qq', body, field };
};
const ark = (name: string, patch: Record<string, unknown>, field: string, drop?: string): InvalidCall => {
  const body: Record<string, unknown> = { ...QQ_ARK, ...patch };
  if (drop) delete body[drop];
  return { name: `share/qqark: ${name}`, route: '/v1/share/qqark', body, field };
};
const getinfo = (name: string, patch: Record<string, unknown>, field: string): InvalidCall => ({
  name: `freeflow/getinfo: ${name}`,
  route: '/v1/freeflow/getinfo',
  body: { ...GETINFO, ...patch },
  field,
});
const ccinfo = (name: string, patch: Record<string, unknown>, field: string): InvalidCall => ({
  name: `freeflow/get_ccinfo: ${name}`,
  route: '/v1/freeflow/get_ccinfo',
  body: { ...CCINFO, ...patch },
  field,
});

const AT_256 = (url: string) => url + '&x='.padEnd(256 - Buffer.byteLength(url), 'x');

export const SHARE_FREEFLOW_INVALID: InvalidCall[] = [
  // summary/title: 45 bytes of UTF-8 — 16 Chinese characters are 48 bytes.
  qq('summary over 45 bytes (16 CJK chars = 48 bytes)', { summary: '分'.repeat(16) }, 'summary'),
  qq('summary 46 ASCII bytes', { summary: 's'.repeat(46) }, 'summary'),
  qq('summary not a string', { summary: 45 }, 'summary'),
  qq('title over 45 bytes', { title: 't'.repeat(46) }, 'title'),
  qq('title over 45 bytes in CJK', { title: '标题'.repeat(8) }, 'title'),
  qq('title missing', {}, 'title', 'title'),
  // target_url: 256 bytes, an http(s) URL, one of four ADTAGs, case as written.
  qq('target_url over 256 bytes', { target_url: `${AT_256(TARGET_URL)}x` }, 'target_url'),
  qq(
    'target_url without ADTAG',
    { target_url: 'http://gamecenter.qq.com/gcjump?appid=100703379&pf=invite' },
    'target_url',
  ),
  qq(
    'target_url with an unknown ADTAG',
    { target_url: 'http://gamecenter.qq.com/gcjump?ADTAG=gameobj.msg_gift' },
    'target_url',
  ),
  qq(
    'target_url with a case-changed ADTAG',
    { target_url: 'http://gamecenter.qq.com/gcjump?ADTAG=GAMEOBJ.MSG_INVITE' },
    'target_url',
  ),
  qq('target_url not a URL', { target_url: 'gamecenter ADTAG=gameobj.msg_invite' }, 'target_url'),
  // fopenids: exactly one {"openid", "type": 0}.
  qq(
    'fopenids with two friends',
    {
      fopenids: [
        { openid: FRIEND, type: 0 },
        { openid: OPENID, type: 0 },
      ],
    },
    'fopenids',
  ),
  qq('fopenids empty', { fopenids: [] }, 'fopenids'),
  qq('fopenids as bare openid strings', { fopenids: [FRIEND] }, 'fopenids.0'),
  qq('fopenids not an array', { fopenids: { openid: FRIEND, type: 0 } }, 'fopenids'),
  qq('fopenids type other than 0', { fopenids: [{ openid: FRIEND, type: 1 }] }, 'fopenids.0.type'),
  qq('fopenids friend openid malformed', { fopenids: [{ openid: 'not an openid!', type: 0 }] }, 'fopenids.0.openid'),
  qq('fopenids entry with an unknown field', { fopenids: [{ openid: FRIEND, type: 0, nick: 'x' }] }, 'fopenids.0.nick'),
  qq('fopenids missing', {}, 'fopenids', 'fopenids'),
  // Fixed ints: act 1, dst 1001, flag 1, src >= 0; ints, not strings.
  qq('act other than 1', { act: 2 }, 'act'),
  qq('act as a string', { act: '1' }, 'act'),
  qq('dst other than 1001', { dst: 1000 }, 'dst'),
  qq('flag 0 (roaming) is not accepted', { flag: 0 }, 'flag'),
  qq('src negative', { src: -1 }, 'src'),
  qq('src as a string', { src: '0' }, 'src'),
  qq('image_url not a URL', { image_url: 'erweimaVideoPic.png' }, 'image_url'),
  qq('image_url missing', {}, 'image_url', 'image_url'),
  qq('game_tag missing', {}, 'game_tag', 'game_tag'),
  qq('game_tag empty', { game_tag: '' }, 'game_tag'),
  qq('userip not an IP', { userip: '999.1.1.1' }, 'userip'),
  qq('accessToken missing', {}, 'accessToken', 'accessToken'),
  qq('caller sends appid', { appid: 100703379 }, 'appid'),
  qq('caller sends oauth_consumer_key', { oauth_consumer_key: 100703379 }, 'oauth_consumer_key'),
  qq('caller sends the token as access_token', { access_token: TOKEN }, 'access_token'),
  ark('fopenid missing', {}, 'fopenid', 'fopenid'),
  ark('fopenid malformed', { fopenid: 'a b' }, 'fopenid'),
  ark('extra not url-encoded (raw JSON)', { extra: '{"app":"com.tencent.gamecenter.qqsy"}' }, 'extra'),
  ark('extra url-encoded but not JSON', { extra: encodeURIComponent('app=com.tencent.gamecenter.qqsy') }, 'extra'),
  ark('extra a url-encoded JSON array', { extra: encodeURIComponent('[1,2]') }, 'extra'),
  ark('extra missing', {}, 'extra', 'extra'),
  ark('accessToken missing', {}, 'accessToken', 'accessToken'),
  ark('caller sends appid', { appid: '100703379' }, 'appid'),
  getinfo('platform outside qq/wechat', { platform: 'guest' }, 'platform'),
  getinfo('openid malformed', { openid: 'bad openid' }, 'openid'),
  getinfo('an accessToken is not part of the interface', { accessToken: TOKEN }, 'accessToken'),
  ccinfo('ip not an IP', { ip: '59.37.125' }, 'ip'),
  ccinfo('ip not a string', { ip: 59 }, 'ip'),
  ccinfo('platform outside qq/wechat', { platform: 'apple' }, 'platform'),
];
