import { describe, expect, it } from '@jest/globals';
import { signV5 } from './v5-signer.js';

// Vectors computed by hand with an independent md5 (python hashlib) over path + "?" + query + body + sigkey.
describe('V5 signer', () => {
  it('is lowercase hex md5(path ? query body sigkey)', () => {
    expect(
      signV5(
        '/v2/friend/friend_list',
        'channelid=2&gameid=11&os=1&seq=req-0001&source=0&ts=1700000000&version=',
        '{"openid":"4724195171999796436","token":"27A50B44430AAD6BFFBE09BA875E48BB"}',
        'sigkey-demo-0123',
      ),
    ).toBe('208a86bc3e3e8a3770751b36d5b7423e');
  });

  it('signs an empty body and whatever query keys were sent', () => {
    expect(
      signV5('/v2/friend/share', 'channelid=2&gameid=11&os=1&platform=2&seq=123&ts=1530792639&version=', '', 'k'),
    ).toBe('6a1e999bae20639cb3f1063949ab30fa');
  });

  it('hashes the UTF-8 bytes of non-ASCII bodies and keys', () => {
    expect(
      signV5(
        '/v2/profile/get_sopenid',
        'channelid=1&gameid=12&os=2&seq=&source=0&ts=1572523399&version=2.0',
        '{"openid":"3505996091832136773","token":"t","nick":"小红"}',
        '密钥',
      ),
    ).toBe('d8e12a64b4d72b0f5ec89d6f18b3d41e');
  });

  it('keeps the "?" even when everything is empty', () => {
    expect(signV5('', '', '', '')).toBe('d1457b72c3fb323a2671125aef3eab5d');
  });
});
