import { describe, expect, it } from '@jest/globals';
import { msdkAnswerErrorFrom } from './msdk-ret-codes.js';

describe('MSDK answer classification', () => {
  it('unwraps mobile-QQ errors (ret -10000, msg "<code>,<text>") and spots token failures', () => {
    for (const code of [-73, 100014, 100015]) {
      const e = msdkAnswerErrorFrom({ ret: -10000, msg: `${code},token problem` });
      expect(e.code).toBe('MSDK_USER_TOKEN_INVALID');
      expect(e.detail.source).toBe('qq');
      expect(e.detail.platformCode).toBe(code);
    }
    expect(msdkAnswerErrorFrom({ ret: -10000, msg: '1002,other' }).code).toBe('MSDK_ERROR');
  });

  it('unwraps WeChat errors (ret -20000): 40001/42001 token, 45009 frequency', () => {
    expect(msdkAnswerErrorFrom({ ret: -20000, msg: '42001,access_token expired' }).code).toBe(
      'MSDK_USER_TOKEN_INVALID',
    );
    expect(msdkAnswerErrorFrom({ ret: -20000, msg: '40001,invalid credential' }).code).toBe('MSDK_USER_TOKEN_INVALID');
    const freq = msdkAnswerErrorFrom({ ret: -20000, msg: '45009,api freq out of limit' });
    expect(freq.code).toBe('MSDK_FREQUENCY_LIMIT');
    expect(freq.detail.source).toBe('wechat');
  });

  it('marks the access layer "retry once" codes and err_type 1 retryable, nothing else', () => {
    for (const ret of [-307, -308, -309, -310, -312])
      expect(msdkAnswerErrorFrom({ ret, msg: 'internal' }).retryable).toBe(true);
    expect(msdkAnswerErrorFrom({ ret: -1, msg: 'x', err_type: 1 }).retryable).toBe(true);
    expect(msdkAnswerErrorFrom({ ret: -502, msg: 'sig error' }).retryable).toBe(false);
    expect(msdkAnswerErrorFrom({ ret: -503, msg: 'frequency' }).code).toBe('MSDK_FREQUENCY_LIMIT');
  });

  it('treats err_type 2 and 3 as a token the user must renew, and reads `message` as msg', () => {
    expect(msdkAnswerErrorFrom({ ret: -1, msg: 'x', err_type: 3 }).code).toBe('MSDK_USER_TOKEN_INVALID');
    expect(msdkAnswerErrorFrom({ ret: 2004, message: 'group error' }).detail.msg).toBe('group error');
  });
});
