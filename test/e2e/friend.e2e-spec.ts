import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ALL_ENTRIES, CATALOG, buildV5Call, type CatalogEntry } from '#msdk';
import { GatewayHarness, newClientKey } from '../support/gateway-harness.js';
import { post } from '../support/http-client.js';
import { SandboxHarness } from '../support/sandbox-harness.js';
import { TEST_GAME } from '../support/test-game.js';
import { withSandboxAndGateway } from '../support/sandbox-and-gateway.js';
import { FRIEND_MORE_SAMPLES, FRIEND_SAMPLES } from './samples/friend.samples.js';
import type { SampleCall } from './samples/sample-call.js';

/** Caller fields that never reach the V5 body: the token is renamed, channelid and os go to the query. */
const NOT_IN_BODY = new Set(['accessToken', 'channelid', 'os']);
const V5_QUERY_KEYS = ['channelid', 'gameid', 'os', 'seq', 'source', 'ts', 'version', 'sig'];

const entryOf = (sample: SampleCall): CatalogEntry => ALL_ENTRIES.find((e) => e.id === sample.id)!;
const sampleById = (id: string) => FRIEND_SAMPLES.find((s) => s.id === id)!;

/** A user no earlier test has used, so no cached answer can stand in for the upstream call. */
let serial = 0;
const fresh = (body: Record<string, unknown>, prefix = ''): Record<string, unknown> => ({ ...body, openid: `${prefix}${String(body.openid).slice(0, -6)}${String(++serial).padStart(6, '0')}` });

describe('friend (V5) routes end to end', () => {
  let sandbox!: SandboxHarness;
  let gateway!: GatewayHarness;
  withSandboxAndGateway({}, (s, g) => ((sandbox = s), (gateway = g)));

  it('has one sample per friend row; shares are never repeated, the rest are reads', () => {
    const rows = Object.values(CATALOG.friend) as CatalogEntry[];
    assert.deepEqual(FRIEND_SAMPLES.map((s) => s.id).sort(), rows.map((r) => r.id).sort());
    for (const row of rows) assert.equal(row.retry, row.id.endsWith('share') ? 'never' : 'safe', row.id);
    assert.deepEqual(CATALOG.friend.friendList.cache, { kind: 'friend-list', keyFields: ['channelid', 'sub_channelid'] });
  });

  for (const sample of [...FRIEND_SAMPLES, ...FRIEND_MORE_SAMPLES]) {
    const channelid = Number(sample.body.channelid ?? 2);
    it(`${sample.route} (channelid ${channelid}) is V5-signed, maps its fields and echoes seq`, async () => {
      const entry = entryOf(sample);
      const body = fresh(sample.body);
      const startedAt = Math.floor(Date.now() / 1000);
      const res = await gateway.call(sample.route, body);
      assert.equal(res.status, 200, res.text);
      assert.equal(res.json.ret, 0);
      const requestId = res.headers.get('x-request-id');
      assert.ok(requestId);
      assert.equal(res.json.seq, requestId, 'MSDK echoed our request id as seq');
      if (entry.hasIsLost) assert.equal(res.headers.get('x-msdk-is-lost'), '0');
      else assert.equal(res.headers.get('x-msdk-is-lost'), null);
      if (entry.hasIsLost && channelid === 2) assert.equal(res.json.is_lost, 0);

      const calls = await sandbox.calls(entry.path);
      assert.equal(calls.length, 1);
      const [call] = calls;
      assert.equal(call.protocol, 'v5');
      assert.equal(call.method, 'POST');
      assert.equal(call.verdict, 'ok', 'the sandbox verified the sig over path, raw query and raw body');
      assert.deepEqual(Object.keys(call.query), V5_QUERY_KEYS, 'sorted query, sig last');
      assert.equal(call.query.gameid, sample.appid);
      assert.equal(call.query.channelid, String(channelid));
      assert.equal(call.query.os, String(sample.body.os ?? 1), "the caller's os, else the game's");
      assert.equal(call.query.seq, requestId);
      assert.equal(call.query.source, '0');
      assert.equal(call.query.version, '');
      assert.ok(Math.abs(Number(call.query.ts) - startedAt) <= 5);
      assert.match(call.query.sig, /^[0-9a-f]{32}$/);
      assert.equal(call.headers['x-request-id'], requestId);

      const sent = call.body as Record<string, unknown>;
      assert.equal(sent.token, body.accessToken, 'token sent as token');
      assert.equal(sent.openid, body.openid);
      for (const name of NOT_IN_BODY) assert.equal(sent[name], undefined, `${name} kept out of the body`);
      assert.equal(sent.appid, undefined);
      for (const [name, value] of Object.entries(body)) {
        if (!NOT_IN_BODY.has(name)) assert.deepEqual(sent[name], value, `${name} forwarded unchanged`);
      }
      if (entry === CATALOG.friend.share) assert.equal(sent.type, 20000);

      // MSDK's bytes come back unchanged: with a pinned request id (so seq) two calls are identical
      // (a new user, so the first of them reaches MSDK even on the cached friend_list).
      const pinned = { 'x-request-id': `friend-e2e-${serial}` };
      const again = fresh(sample.body);
      const first = await gateway.call(sample.route, again, { headers: pinned });
      const second = await gateway.call(sample.route, again, { headers: pinned });
      assert.equal(first.status, 200, first.text);
      assert.equal(first.json.seq, pinned['x-request-id']);
      assert.deepEqual(second.json, first.json);
    });
  }

  describe('answers in the documented shapes', () => {
    const route = '/v1/friend/friend_list';
    const qq = sampleById('friend.friend_list').body;
    const wx = { ...sampleById('friend.get_sopenid').body };

    it('friend_list: QQ items have gender 0 and is_lost; WeChat items nick_name and no gender', async () => {
      const q = await gateway.call(route, qq);
      assert.ok(q.json.lists.length > 0);
      for (const f of q.json.lists) {
        assert.deepEqual(Object.keys(f).sort(), ['gender', 'openid', 'picture_url', 'user_name']);
        assert.equal(f.gender, 0);
        assert.match(f.openid, /^\d{1,20}$/);
      }
      const w = await gateway.call(route, wx);
      assert.equal(w.json.is_lost, undefined, 'is_lost is QQ only');
      for (const f of w.json.lists) {
        assert.equal(f.gender, undefined);
        assert.equal(typeof f.nick_name, 'string');
        assert.ok(['user_name', 'picture_url', 'provice', 'openid', 'nick_name'].every((k) => k in f));
      }
    });

    it('friend_list is deterministic per openid and channel, and sub_channelid changes it', async () => {
      const lists = async (body: Record<string, unknown>) => (await gateway.call(route, body)).json.lists;
      assert.deepEqual(await lists(qq), await lists(qq));
      assert.notDeepEqual(await lists(qq), await lists({ ...qq, openid: '4724195171999796437' }));
      assert.notDeepEqual(await lists(qq), await lists({ ...qq, sub_channelid: 1 }));
    });

    it('friend_list is cached per user and channel (channelid is a key field), never per token', async () => {
      const user = fresh(qq);
      const first = await gateway.call(route, user);
      const otherToken = await gateway.call(route, { ...user, accessToken: 'another-token' });
      assert.equal(otherToken.headers.get('x-cache'), 'HIT');
      assert.deepEqual(otherToken.json, first.json);
      const wechat = await gateway.call(route, { ...user, channelid: 1 });
      assert.notEqual(wechat.headers.get('x-cache'), 'HIT');
      assert.ok(wechat.json.lists.every((f: Record<string, unknown>) => typeof f.nick_name === 'string'));
      assert.equal((await sandbox.calls('/v2/friend/friend_list')).length, 2);
    });

    it('a user with no friends gets 200 and no lists', async () => {
      const q = await gateway.call(route, fresh(qq, 'nofriends'));
      assert.equal(q.status, 200, q.text);
      assert.deepEqual(Object.keys(q.json).sort(), ['is_lost', 'msg', 'ret', 'seq']);
      const w = await gateway.call(route, fresh(wx, 'nofriends'));
      assert.equal(w.status, 200, w.text);
      assert.equal(w.json.lists, undefined);
    });

    it('recall_friends_list: WeChat result has model_id and send_list; QQ honours count', async () => {
      const w = await gateway.call('/v1/friend/recall_friends_list', sampleById('friend.recall_friends_list').body);
      assert.deepEqual(Object.keys(w.json.result).sort(), ['friend_list', 'model_id', 'send_list']);
      for (const f of w.json.result.friend_list) assert.deepEqual(Object.keys(f).sort(), ['head_img_url', 'nick_name', 'sopenid']);
      const q = await gateway.call('/v1/friend/recall_friends_list', { ...qq, count: 1 });
      assert.deepEqual(Object.keys(q.json.result), ['friend_list']);
      assert.equal(q.json.result.friend_list.length, 1);
    });

    it('get_sopenid: a stable sopenid per user, WeChat-shaped on WeChat', async () => {
      const a = await gateway.call('/v1/friend/get_sopenid', wx);
      const b = await gateway.call('/v1/friend/get_sopenid', wx);
      assert.match(a.json.sopenid, /^s[A-Za-z0-9_-]{27}$/);
      assert.equal(a.json.sopenid, b.json.sopenid);
      assert.equal(a.json.msg, 'success');
    });
  });

  describe('upstream failures', () => {
    for (const id of ['friend.share', 'friend.ark_share']) {
      it(`${id}: a 502 is not repeated -> 502 after exactly one call`, async () => {
        const sample = sampleById(id);
        await sandbox.fault({ interface: entryOf(sample).path, httpStatus: 502 });
        const res = await gateway.call(sample.route, fresh(sample.body));
        assert.equal(res.status, 502, res.text);
        assert.equal(res.json.error.code, 'UPSTREAM_UNAVAILABLE');
        assert.equal((await sandbox.calls(entryOf(sample).path)).length, 1);
      });
    }

    for (const id of ['friend.friend_list', 'friend.get_sopenid']) {
      it(`${id}: a 502 once is retried (a read) -> 200 after exactly two calls`, async () => {
        const sample = sampleById(id);
        await sandbox.fault({ interface: entryOf(sample).path, httpStatus: 502 });
        const res = await gateway.call(sample.route, fresh(sample.body));
        assert.equal(res.status, 200, res.text);
        const calls = await sandbox.calls(entryOf(sample).path);
        assert.equal(calls.length, 2);
        assert.ok(calls.every((c) => c.verdict === 'ok'));
        assert.equal(calls[0].query.seq, calls[1].query.seq, 'the retry carries the same seq');
      });
    }

    it('friend_list degraded by QQ: is_lost 1 (an int) and X-Msdk-Is-Lost: 1', async () => {
      await sandbox.fault({ interface: '/v2/friend/friend_list', isLost: true });
      const res = await gateway.call('/v1/friend/friend_list', fresh(sampleById('friend.friend_list').body));
      assert.equal(res.status, 200, res.text);
      assert.equal(res.json.is_lost, 1);
      assert.equal(res.headers.get('x-msdk-is-lost'), '1');
    });

    it("an expired token is MSDK_USER_TOKEN_INVALID with the channel's platform", async () => {
      const wx = await gateway.call('/v1/friend/get_sopenid', { ...fresh(sampleById('friend.get_sopenid').body), accessToken: 'expired-token' });
      assert.equal(wx.status, 422, wx.text);
      assert.equal(wx.json.error.msdk.source, 'wechat');
      assert.equal(wx.json.error.msdk.platformCode, 42001);
      const qq = await gateway.call('/v1/friend/friend_list', { ...fresh(sampleById('friend.friend_list').body), accessToken: 'revoked-token' });
      assert.equal(qq.status, 422, qq.text);
      assert.equal(qq.json.error.msdk.source, 'qq');
    });
  });


});

describe('V5 signing, seen from the sandbox', () => {
  let sandbox: SandboxHarness;
  before(async () => {
    sandbox = await SandboxHarness.start();
  });
  after(() => sandbox.close());

  const creds = () => ({ gameId: TEST_GAME.v5GameId, sigKey: sandbox.keys.sigKey, os: 1, version: '' });
  const send = (pathAndQuery: string, body: string) => post(`${sandbox.v5Url}${pathAndQuery}`, body, { 'content-type': 'application/json' });
  const payload = { openid: '4724195171999796436', accessToken: 'T0K', channelid: 2 };

  it('accepts the exact bytes signed, and refuses a changed body, a stale ts or an unknown gameid', async () => {
    const call = buildV5Call(CATALOG.friend.getSopenid, creds(), payload, { seq: 'sig-test' });
    const ok = await send(call.pathAndQuery, call.body!);
    assert.equal(ok.json.ret, 0, ok.text);
    assert.equal(ok.json.seq, 'sig-test');
    const tampered = await send(call.pathAndQuery, call.body!.replace('"T0K"', '"T0K" '));
    assert.deepEqual(tampered.json, { ret: -502, msg: 'sig error', seq: 'sig-test' });
    const stale = buildV5Call(CATALOG.friend.getSopenid, creds(), payload, { nowSeconds: Math.floor(Date.now() / 1000) - 3600 });
    assert.equal((await send(stale.pathAndQuery, stale.body!)).json.ret, -502);
    const unknown = buildV5Call(CATALOG.friend.getSopenid, { ...creds(), gameId: '999' }, payload);
    assert.equal((await send(unknown.pathAndQuery, unknown.body!)).json.ret, -502);
  });
});

describe('V5 misconfiguration', () => {
  it("a wrong sigkey comes back as the sandbox's -502 sig error in the envelope", async () => {
    const sandbox = await SandboxHarness.start();
    const gateway = await GatewayHarness.start({ sandbox, env: { MSDK_GAME_DEMO_V5_SIGKEY: 'wrong-sigkey-0000000000000000000' } });
    try {
      const res = await gateway.call('/v1/friend/friend_list', sampleById('friend.friend_list').body);
      assert.equal(res.status, 502, res.text);
      assert.equal(res.json.error.code, 'MSDK_ERROR');
      assert.deepEqual(res.json.error.msdk, { ret: -502, msg: 'sig error', source: 'msdk' });
      assert.equal(res.json.error.requestId, res.headers.get('x-request-id'));
      const [call] = await sandbox.calls('/v2/friend/friend_list');
      assert.equal(call.verdict, 'sig error');
    } finally {
      await gateway.close();
      await sandbox.close();
    }
  });

  it('a game without V5 credentials gets MSDK_CREDENTIAL_MISSING and nothing is sent', async () => {
    const sandbox = await SandboxHarness.start();
    const client = { name: 'v3-only', key: newClientKey(), games: ['v3only'], scopes: ['friend' as const] };
    const gateway = await GatewayHarness.start({
      sandbox,
      clients: [client],
      extraGames: [{ id: 'v3only', qqAppId: '100000001', wechatAppId: 'wx0000000000000001', msdkKey: 'another-msdk-key-0001' }],
    });
    try {
      const res = await gateway.call('/v1/friend/get_sopenid', sampleById('friend.get_sopenid').body);
      assert.equal(res.status, 501, res.text);
      assert.equal(res.json.error.code, 'MSDK_CREDENTIAL_MISSING');
      assert.equal((await sandbox.calls()).length, 0);
    } finally {
      await gateway.close();
      await sandbox.close();
    }
  });
});
