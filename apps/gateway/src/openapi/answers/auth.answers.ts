import { str, v3Answer, type AnswerTable } from './answer-doc.js';

/** /auth/*: MSDK answers ret and msg only, except get_pfval (msdk-v3-server-api.txt, Login). */
export const AUTH_ANSWER_DOCS: AnswerTable<'auth'> = {
  'auth.verify_login': { schema: v3Answer(), example: { ret: 0, msg: 'user is logged in' } },
  'auth.check_token': { schema: v3Answer(), example: { ret: 0, msg: 'ok' } },
  'auth.guest_check_token': { schema: v3Answer(), example: { ret: 0, msg: 'ok' } },
  'auth.apple_verify': { schema: v3Answer(), example: { ret: 0, msg: 'success' } },
  'auth.get_pfval': {
    schema: v3Answer({ fields: { pf: str('The pf value for payment'), pfKey: str('The pfKey value for payment') } }),
    example: {
      pf: 'desktop_m_wx-2002-android-73213123-wx-wxcde873f99466f74a-oyQmcwlfqLdebciSJTiGy8Bm5N40',
      pfKey: '60de2c9960f2b1e56a7d1f9e29a81f8c',
      msg: 'ok',
      ret: 0,
    },
  },
};
