import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { signV3, v3AppId, v3SigningKey } from './v3-signer.js';
import { MissingCredentialError } from '../errors/msdk-errors.js';

// Vectors computed by hand with an independent md5 (python hashlib) over key + timestamp.
describe('V3 signer', () => {
  it('is lowercase hex md5(key + timestamp in seconds)', () => {
    assert.equal(signV3('msdkkey-demo-0123', 1478745715), '545bb404a39933023269754b2d52cbb7');
    assert.equal(signV3('f92212f75cd0000000000', 1491527653), 'f299bb32944a255cdff1b7d2869f048e');
    assert.equal(signV3('', 0), 'cfcd208495d565ef66e7dff9f98764da');
  });

  it('answers the same sig again within the second and a new one the next second', () => {
    for (let i = 0; i < 3; i++) assert.equal(signV3('msdkkey-demo-0123', 1478745715), '545bb404a39933023269754b2d52cbb7');
    assert.notEqual(signV3('msdkkey-demo-0123', 1478745716), '545bb404a39933023269754b2d52cbb7');
    assert.equal(signV3('msdkkey-demo-0123', 1478745715), '545bb404a39933023269754b2d52cbb7', 'an older second is signed afresh');
    for (let i = 0; i < 300; i++) signV3(`key-${i}`, 1);
    assert.equal(signV3('', 0), 'cfcd208495d565ef66e7dff9f98764da');
  });

  const creds = { qqAppId: '100703379', wechatAppId: 'wxcde873f99466f74a', encode: 2 as const, msdkKey: 'M', qqAppKey: 'Q', wechatAppKey: 'W' };

  it('names guests G_<qq appid> and Apple A_<qq appid>', () => {
    assert.equal(v3AppId(creds, 'qq'), '100703379');
    assert.equal(v3AppId(creds, 'wechat'), 'wxcde873f99466f74a');
    assert.equal(v3AppId(creds, 'guest'), 'G_100703379');
    assert.equal(v3AppId(creds, 'apple'), 'A_100703379');
  });

  it('signs with the msdkkey for encode=2 and the platform appkey for encode=1', () => {
    assert.equal(v3SigningKey(creds, 'wechat'), 'M');
    const enc1 = { ...creds, encode: 1 as const };
    assert.equal(v3SigningKey(enc1, 'qq'), 'Q');
    assert.equal(v3SigningKey(enc1, 'guest'), 'Q');
    assert.equal(v3SigningKey(enc1, 'wechat'), 'W');
  });

  it('refuses a platform the game has no appid for', () => {
    assert.throws(() => v3AppId({ encode: 2, msdkKey: 'M', qqAppId: '1' }, 'wechat'), MissingCredentialError);
  });
});
