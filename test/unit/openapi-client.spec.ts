import { readFile } from 'node:fs/promises';
import { describe, expect, it } from '@jest/globals';
import type { AnswerOf, ErrorOf, ErrorStatusOf, RequestOf } from '../../libs/client/src/index.js';
import { CLIENT_TYPES, OPENAPI_JSON, renderClientTypes } from '../../scripts/contract-files.js';

describe('libs/client', () => {
  it('is generated from the committed docs/openapi.json (else: npm run client:generate)', async () => {
    const regenerated = await renderClientTypes(await readFile(OPENAPI_JSON, 'utf8'));
    expect(regenerated === (await readFile(CLIENT_TYPES, 'utf8'))).toBe(true);
  });

  it('types requests, answers and errors from the document (checked when the tests compile)', () => {
    const request: RequestOf<'/v1/relation/qqprofile'> = {
      openid: 'A3284A812ECA15269F85AE1C2D94EB37',
      accessToken: 't',
    };
    // @ts-expect-error accessToken is required
    const incomplete: RequestOf<'/v1/relation/qqprofile'> = { openid: 'A3284A812ECA15269F85AE1C2D94EB37' };
    const nickName: AnswerOf<'/v1/relation/qqprofile'>['nickName'] = 'Xiaoming';
    // @ts-expect-error nickName is a string
    const notANumber: AnswerOf<'/v1/relation/qqprofile'>['nickName'] = 1;
    const isLost: AnswerOf<'/v1/relation/qqprofile'>['is_lost'] = '1';
    // @ts-expect-error V3's is_lost is the string "0" or "1"
    const v3IsLostNumber: AnswerOf<'/v1/relation/qqprofile'>['is_lost'] = 1;
    const v5IsLost: AnswerOf<'/v1/friend/friend_list'>['is_lost'] = 1;
    const friends: AnswerOf<'/v1/friend/friend_list'>['lists'] = [
      { openid: '14882639338379730531', user_name: 'Xiao Zhang', picture_url: 'https://q.qlogo.cn/qqapp/1/2/' },
    ];
    // @ts-expect-error a friend needs its openid
    const friendWithoutOpenid: AnswerOf<'/v1/friend/friend_list'>['lists'] = [{ user_name: 'x', picture_url: 'u' }];
    const tokenCode: ErrorOf<'/v1/relation/qqprofile', 422>['error']['code'] = 'MSDK_USER_TOKEN_INVALID';
    // @ts-expect-error a 422 carries only MSDK_USER_TOKEN_INVALID
    const wrongCode: ErrorOf<'/v1/relation/qqprofile', 422>['error']['code'] = 'UPSTREAM_TIMEOUT';
    // @ts-expect-error freeflow/getinfo sends no user token, so it never answers 422
    const noTokenStatus: ErrorStatusOf<'/v1/freeflow/getinfo'> = 422;
    const checked = [request, incomplete, nickName, notANumber, isLost, v3IsLostNumber, v5IsLost, friends];
    expect([...checked, friendWithoutOpenid, tokenCode, wrongCode, noTokenStatus].length).toBe(12);
  });
});
