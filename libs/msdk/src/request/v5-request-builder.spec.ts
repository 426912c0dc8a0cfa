import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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
    const call = buildV5Call(friend.friendList, creds, { ...QQ_USER, channelid: 2 }, { nowSeconds: 1700000000, seq: 'req-0001' });
    assert.equal(call.method, 'POST');
    assert.equal(call.appid, '11');
    assert.equal(call.body, '{"openid":"4724195171999796436","token":"27A50B44430AAD6BFFBE09BA875E48BB"}');
    // sig pinned with python hashlib over the path, this query and this body (see v5-signer.spec.ts).
    assert.equal(
      call.pathAndQuery,
      '/v2/friend/friend_list?channelid=2&gameid=11&os=1&seq=req-0001&source=0&ts=1700000000&version=&sig=208a86bc3e3e8a3770751b36d5b7423e',
    );
  });

  it('maps WeChat to channelid 1, takes the caller os into the query and keeps both out of the body', () => {
    const call = buildV5Call(friend.recallFriendsList, { ...creds, version: '2.0' }, { openid: 'o1', accessToken: 'T', channelid: 1, os: 2, task_id: 0 }, { nowSeconds: 5 });
    const q = new URLSearchParams(queryOf(call.pathAndQuery));
    assert.deepEqual([...q.keys()], ['channelid', 'gameid', 'os', 'seq', 'source', 'ts', 'version', 'sig']);
    assert.equal(q.get('channelid'), '1');
    assert.equal(q.get('os'), '2');
    assert.equal(q.get('seq'), '');
    assert.equal(q.get('version'), '2.0');
    assert.equal(call.body, '{"openid":"o1","token":"T","task_id":0}');
  });

  it('forwards nested interface fields unchanged', () => {
    const channel_info = { target_url: 'https://x/y?appid=1&gamedata=z', dst: 1001, src: 0, flag: 1 };
    const call = buildV5Call(friend.share, creds, { ...QQ_USER, channelid: 2, type: 20000, fopenid: 'F', game_tag: 'MSG_INVITE', channel_info }, {});
    assert.deepEqual(JSON.parse(call.body!), { openid: QQ_USER.openid, token: QQ_USER.accessToken, type: 20000, fopenid: 'F', game_tag: 'MSG_INVITE', channel_info });
  });

  it('refuses a channel the row does not serve', () => {
    assert.throws(() => buildV5Call(friend.friendList, creds, { ...QQ_USER, channelid: 3 }), UnsupportedPlatformError);
    assert.throws(() => buildV5Call(friend.arkShare, creds, { ...QQ_USER, channelid: 1, extra: 'x' }), UnsupportedPlatformError);
  });

  it('redaction hides the sig', () => {
    const call = buildV5Call(friend.getSopenid, creds, { ...QQ_USER, channelid: 2 });
    const sig = new URLSearchParams(queryOf(call.pathAndQuery)).get('sig')!;
    assert.ok(!redactPathAndQuery(call.pathAndQuery).includes(sig));
  });

  it('maps channelid back to the platform for the verifying side', () => {
    assert.equal(v5PlatformOfChannel('1'), 'wechat');
    assert.equal(v5PlatformOfChannel('2'), 'qq');
    assert.equal(v5PlatformOfChannel('3'), undefined);
  });
});

describe('buildUpstreamCall for V5 rows', () => {
  it('uses the request id as seq', () => {
    const call = buildUpstreamCall(friend.friendList, { v3, v5: creds }, { ...QQ_USER, channelid: 2 }, { requestId: 'abc-123.x' });
    assert.equal(new URLSearchParams(queryOf(call.pathAndQuery)).get('seq'), 'abc-123.x');
  });

  it('throws MissingCredentialError(v5) when the game has no V5 credentials', () => {
    assert.throws(
      () => buildUpstreamCall(friend.friendList, { v3 }, { ...QQ_USER, channelid: 2 }),
      (e: unknown) => e instanceof MissingCredentialError && e.credential === 'v5',
    );
  });
});
