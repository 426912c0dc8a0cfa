import { md5Hex } from '#msdk';
import type { AnswerFn } from './answer-context.js';

const PF_PLATFORM: Record<string, string> = { desktop_m_qq: 'qq', desktop_m_wx: 'wx', desktop_m_guest: 'guest' };

/** /auth/* answers, as in msdk-v3-server-api.txt. */
export const AUTH_ANSWERS: Record<string, AnswerFn> = {
  '/auth/verify_login': () => ({ ret: 0, msg: 'user is logged in' }),
  '/auth/check_token': () => ({ ret: 0, msg: 'ok' }),
  '/auth/guest_check_token': () => ({ ret: 0, msg: 'ok' }),
  '/auth/apple_verify': () => ({ ret: 0, msg: 'success' }),
  '/auth/get_pfval': ({ fields, appid, openid }) => {
    const f = fields as Record<string, string>;
    return {
      pf: [f.platform, f.regChannel, f.os, f.installchannel, PF_PLATFORM[f.platform] ?? 'qq', appid, openid].join('-'),
      pfKey: md5Hex(`pfkey:${appid}:${openid}`),
      msg: 'ok',
      ret: 0,
    };
  },
};
