import { describe, expect, it } from '@jest/globals';
import { CATALOG } from '../catalog/catalog.js';
import { MissingCredentialError, UnsupportedPlatformError } from '../errors/msdk-errors.js';
import { buildUpstreamCall } from './build-upstream-call.js';
import { redactPathAndQuery } from './redact-query.js';
import { buildV5Call, v5PlatformOfChannel } from './v5-request-builder.js';

const { friend } = CATALOG;
const creds = { gameId: '11', sigKey: 'sigkey-demo-0123', os: 1, version: '' };
const v3 = { qqAppId: '100703379', encode: 2 as const, msdkKey: 'M' };
const QQ_USER = { openid: '4724195171999796436', accessToken: '27A50B44430AAD6BFFBE09BA875E48BB' };
const queryOf = (pathAndQuery: string) => pathAndQuery.slice(pathAndQuery.indexOf('?') + 1);

describe('V5 request builder', () => {
  it('sends the sorted fixed query, the token as `token`, and the sig over those exact bytes', () => {
    const call = buildV5Call(
      friend.friendList,
      creds,
      { ...QQ_USER, channelid: 2 },
      { nowSeconds: 1700000000, seq: 'req-0001' },
    );
    expect(call.method).toBe('POST');
    expect(call.appid).toBe('11');
    expect(call.body).toBe('{"openid":"4724195171999796436","token":"27A50B44430AAD6BFFBE09BA875E48BB"}');
    // sig pinned with python hashlib over the path, this query and this body (see v5-signer.spec.ts).
    expect(call.pathAndQuery).toBe(
      '/v2/friend/friend_list?channelid=2&gameid=11&os=1&seq=req-0001&source=0&ts=1700000000&version=&sig=208a86bc3e3e8a3770751b36d5b7423e',
    );
  });

  it('maps WeChat to channelid 1, takes the caller os into the query and keeps both out of the body', () => {
    const call = buildV5Call(
      friend.recallFriendsList,
      { ...creds, version: '2.0' },
      { openid: 'o1', accessToken: 'T', channelid: 1, os: 2, task_id: 0 },
      { nowSeconds: 5 },
    );
    const q = new URLSearchParams(queryOf(call.pathAndQuery));
    expect([...q.keys()]).toEqual(['channelid', 'gameid', 'os', 'seq', 'source', 'ts', 'version', 'sig']);
    expect(q.get('channelid')).toBe('1');
    expect(q.get('os')).toBe('2');
    expect(q.get('seq')).toBe('');
    expect(q.get('version')).toBe('2.0');
    expect(call.body).toBe('{"openid":"o1","token":"T","task_id":0}');
  });

  it('forwards nested interface fields unchanged', () => {
    const channel_info = { target_url: 'https://x/y?appid=1&gamedata=z', dst: 1001, src: 0, flag: 1 };
    const call = buildV5Call(
      friend.share,
      creds,
      { ...QQ_USER, channelid: 2, type: 20000, fopenid: 'F', game_tag: 'MSG_INVITE', channel_info },
      {},
    );
    expect(JSON.parse(call.body!)).toEqual({
      openid: QQ_USER.openid,
      token: QQ_USER.accessToken,
      type: 20000,
      fopenid: 'F',
      game_tag: 'MSG_INVITE',
      channel_info,
    });
  });

  it('refuses a channel the row does not serve', () => {
    expect(() => buildV5Call(friend.friendList, creds, { ...QQ_USER, channelid: 3 })).toThrow(UnsupportedPlatformError);
    expect(() => buildV5Call(friend.arkShare, creds, { ...QQ_USER, channelid: 1, extra: 'x' })).toThrow(
      UnsupportedPlatformError,
    );
  });

  it('redaction hides the sig', () => {
    const call = buildV5Call(friend.getSopenid, creds, { ...QQ_USER, channelid: 2 });
    const sig = new URLSearchParams(queryOf(call.pathAndQuery)).get('sig')!;
    expect(!redactPathAndQuery(call.pathAndQuery).includes(sig)).toBeTruthy();
  });

  it('maps channelid back to the platform for the verifying side', () => {
    expect(v5PlatformOfChannel('1')).toBe('wechat');
    expect(v5PlatformOfChannel('2')).toBe('qq');
    expect(v5PlatformOfChannel('3')).toBe(undefined);
  });
});

describe('buildUpstreamCall for V5 rows', () => {
  it('uses the request id as seq', () => {
    const call = buildUpstreamCall(
      friend.friendList,
      { v3, v5: creds },
      { ...QQ_USER, channelid: 2 },
      { requestId: 'abc-123.x' },
    );
    expect(new URLSearchParams(queryOf(call.pathAndQuery)).get('seq')).toBe('abc-123.x');
  });

  it('throws MissingCredentialError(v5) when the game has no V5 credentials', () => {
    const build = () => buildUpstreamCall(friend.friendList, { v3 }, { ...QQ_USER, channelid: 2 });
    expect(build).toThrow(MissingCredentialError);
    expect(build).toThrow(expect.objectContaining({ credential: 'v5' }));
  });
});
