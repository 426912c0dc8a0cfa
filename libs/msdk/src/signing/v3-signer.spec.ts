import { describe, expect, it } from '@jest/globals';
import { signV3, v3AppId, v3SigningKey } from './v3-signer.js';
import { MissingCredentialError } from '../errors/msdk-errors.js';

// Vectors computed by hand with an independent md5 (python hashlib) over key + timestamp.
describe('V3 signer', () => {
  it('is lowercase hex md5(key + timestamp in seconds)', () => {
    expect(signV3('msdkkey-demo-0123', 1478745715)).toBe('545bb404a39933023269754b2d52cbb7');
    expect(signV3('f92212f75cd0000000000', 1491527653)).toBe('f299bb32944a255cdff1b7d2869f048e');
    expect(signV3('', 0)).toBe('cfcd208495d565ef66e7dff9f98764da');
  });

  it('answers the same sig again within the second and a new one the next second', () => {
    for (let i = 0; i < 3; i++)
      expect(signV3('msdkkey-demo-0123', 1478745715)).toBe('545bb404a39933023269754b2d52cbb7');
    expect(signV3('msdkkey-demo-0123', 1478745716)).not.toBe('545bb404a39933023269754b2d52cbb7');
    expect(signV3('msdkkey-demo-0123', 1478745715)).toBe('545bb404a39933023269754b2d52cbb7');
    for (let i = 0; i < 300; i++) signV3(`key-${i}`, 1);
    expect(signV3('', 0)).toBe('cfcd208495d565ef66e7dff9f98764da');
  });

  const creds = {
    qqAppId: '100703379',
    wechatAppId: 'wxcde873f99466f74a',
    encode: 2 as const,
    msdkKey: 'M',
    qqAppKey: 'Q',
    wechatAppKey: 'W',
  };

  it('names guests G_<qq appid> and Apple A_<qq appid>', () => {
    expect(v3AppId(creds, 'qq')).toBe('100703379');
    expect(v3AppId(creds, 'wechat')).toBe('wxcde873f99466f74a');
    expect(v3AppId(creds, 'guest')).toBe('G_100703379');
    expect(v3AppId(creds, 'apple')).toBe('A_100703379');
  });

  it('signs with the msdkkey for encode=2 and the platform appkey for encode=1', () => {
    expect(v3SigningKey(creds, 'wechat')).toBe('M');
    const enc1 = { ...creds, encode: 1 as const };
    expect(v3SigningKey(enc1, 'qq')).toBe('Q');
    expect(v3SigningKey(enc1, 'guest')).toBe('Q');
    expect(v3SigningKey(enc1, 'wechat')).toBe('W');
  });

  it('refuses a platform the game has no appid for', () => {
    expect(() => v3AppId({ encode: 2, msdkKey: 'M', qqAppId: '1' }, 'wechat')).toThrow(MissingCredentialError);
  });
});
