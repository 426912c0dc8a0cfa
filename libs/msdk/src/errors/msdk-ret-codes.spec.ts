import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { msdkAnswerErrorFrom } from './msdk-ret-codes.js';

describe('MSDK answer classification', () => {
  it('unwraps mobile-QQ errors (ret -10000, msg "<code>,<text>") and spots token failures', () => {
    for (const code of [-73, 100014, 100015]) {
      const e = msdkAnswerErrorFrom({ ret: -10000, msg: `${code},token problem` });
      assert.equal(e.code, 'MSDK_USER_TOKEN_INVALID');
      assert.equal(e.detail.source, 'qq');
      assert.equal(e.detail.platformCode, code);
    }
    assert.equal(msdkAnswerErrorFrom({ ret: -10000, msg: '1002,other' }).code, 'MSDK_ERROR');
  });

  it('unwraps WeChat errors (ret -20000): 40001/42001 token, 45009 frequency', () => {
    assert.equal(msdkAnswerErrorFrom({ ret: -20000, msg: '42001,access_token expired' }).code, 'MSDK_USER_TOKEN_INVALID');
    assert.equal(msdkAnswerErrorFrom({ ret: -20000, msg: '40001,invalid credential' }).code, 'MSDK_USER_TOKEN_INVALID');
    const freq = msdkAnswerErrorFrom({ ret: -20000, msg: '45009,api freq out of limit' });
    assert.equal(freq.code, 'MSDK_FREQUENCY_LIMIT');
    assert.equal(freq.detail.source, 'wechat');
  });

  it('marks the access layer "retry once" codes and err_type 1 retryable, nothing else', () => {
    for (const ret of [-307, -308, -309, -310, -312]) assert.equal(msdkAnswerErrorFrom({ ret, msg: 'internal' }).retryable, true);
    assert.equal(msdkAnswerErrorFrom({ ret: -1, msg: 'x', err_type: 1 }).retryable, true);
    assert.equal(msdkAnswerErrorFrom({ ret: -502, msg: 'sig error' }).retryable, false);
    assert.equal(msdkAnswerErrorFrom({ ret: -503, msg: 'frequency' }).code, 'MSDK_FREQUENCY_LIMIT');
  });

  it('treats err_type 2 and 3 as a token the user must renew, and reads `message` as msg', () => {
    assert.equal(msdkAnswerErrorFrom({ ret: -1, msg: 'x', err_type: 3 }).code, 'MSDK_USER_TOKEN_INVALID');
    assert.equal(msdkAnswerErrorFrom({ ret: 2004, message: 'group error' }).detail.msg, 'group error');
  });
});
