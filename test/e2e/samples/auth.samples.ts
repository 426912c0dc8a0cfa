import { TEST_GAME } from '../../support/test-game.js';
import type { SampleCall } from './sample-call.js';

const TOKEN = '933FE8C9AB9C585D7EABD04373B7155F';

export const AUTH_SAMPLES: SampleCall[] = [
  {
    id: 'auth.verify_login',
    route: '/v1/auth/verify_login',
    appid: TEST_GAME.qqAppId,
    body: { openid: 'A3284A812ECA15269F85AE1C2D94EB37', accessToken: TOKEN, userip: '192.168.5.114' },
  },
  {
    id: 'auth.check_token',
    route: '/v1/auth/check_token',
    appid: TEST_GAME.wechatAppId,
    body: { openid: 'oGRTijiaT-XrbyXKozckdNHFgPyc', accessToken: TOKEN },
  },
  {
    id: 'auth.guest_check_token',
    route: '/v1/auth/guest_check_token',
    appid: `G_${TEST_GAME.qqAppId}`,
    body: { openid: 'G_oGRTijiaT-XrbyXKozckdNHFgPyc', accessToken: TOKEN },
  },
  {
    id: 'auth.apple_verify',
    route: '/v1/auth/apple_verify',
    appid: `A_${TEST_GAME.qqAppId}`,
    body: {
      openid: '001397.7ff24f921687e60de.0342',
      accessToken: 'a8056b8b672b6bb8de46.0.mrtzx.ArFaahPSGpcw',
      os: 'iap',
      channel: '1001',
    },
  },
  {
    id: 'auth.get_pfval',
    route: '/v1/auth/get_pfval',
    appid: TEST_GAME.wechatAppId,
    body: {
      openid: 'oyQmcwlfqLdebciSJTiGy8Bm5N40',
      accessToken: TOKEN,
      platform: 'desktop_m_wx',
      regChannel: '2002',
      os: 'android',
      installchannel: '73213123',
      offerid: '1104674695',
    },
  },
];
