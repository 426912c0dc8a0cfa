import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ALL_ENTRIES, CATALOG, buildV5Call, type CatalogEntry } from '#msdk';
import { errorOf, type MsdkAnswer } from '../support/gateway-answer.js';
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

/** A friend_list item: QQ's carry gender 0, WeChat's nick_name and provice instead. */
interface FriendListItem {
  readonly openid: string;
  readonly user_name: string;
  readonly picture_url: string;
  readonly gender?: number;
  readonly nick_name?: string;
  readonly provice?: string;
}
interface FriendListAnswer extends MsdkAnswer {
  readonly lists: FriendListItem[];
}
interface RecallFriendsAnswer extends MsdkAnswer {
  readonly result: { readonly friend_list: Array<Record<string, unknown>> };
}
interface SopenidAnswer extends MsdkAnswer {
  readonly sopenid: string;
}

/** A user no earlier test has used, so no cached answer can stand in for the upstream call. */
let serial = 0;
const fresh = (body: Record<string, unknown>, prefix = ''): Record<string, unknown> => ({
  ...body,
  openid: `${prefix}${String(body.openid).slice(0, -6)}${String(++serial).padStart(6, '0')}`,
});

describe('friend (V5) routes end to end', () => {
  let sandbox!: SandboxHarness;
  let gateway!: GatewayHarness;
  withSandboxAndGateway({}, (s, g) => ((sandbox = s), (gateway = g)));

  it('has one sample per friend row; shares are never repeated, the rest are reads', () => {
    const rows = Object.values(CATALOG.friend) as CatalogEntry[];
    expect(FRIEND_SAMPLES.map((s) => s.id).sort()).toEqual(rows.map((r) => r.id).sort());
    for (const row of rows) expect(row.retry).toBe(row.id.endsWith('share') ? 'never' : 'safe');
    expect(CATALOG.friend.friendList.cache).toEqual({ kind: 'friend-list', keyFields: ['channelid', 'sub_channelid'] });
  });

  for (const sample of [...FRIEND_SAMPLES, ...FRIEND_MORE_SAMPLES]) {
    const channelid = Number(sample.body.channelid ?? 2);
    const os = Number(sample.body.os ?? 1);
    it(`${sample.route} (channelid ${channelid}) is V5-signed, maps its fields and echoes seq`, async () => {
      const entry = entryOf(sample);
      const body = fresh(sample.body);
      const startedAt = Math.floor(Date.now() / 1000);
      const res = await gateway.call(sample.route, body);
      expect(res.status).toBe(200);
      expect(res.json.ret).toBe(0);
      const requestId = res.headers.get('x-request-id');
      expect(requestId).toBeTruthy();
      expect(res.json.seq).toBe(requestId);
      if (entry.hasIsLost) expect(res.headers.get('x-msdk-is-lost')).toBe('0');
      else expect(res.headers.get('x-msdk-is-lost')).toBe(null);
      if (entry.hasIsLost && channelid === 2) expect(res.json.is_lost).toBe(0);

      const calls = await sandbox.calls(entry.path);
      expect(calls.length).toBe(1);
      const [call] = calls;
      expect(call.protocol).toBe('v5');
      expect(call.method).toBe('POST');
      expect(call.verdict).toBe('ok');
      expect(Object.keys(call.query)).toEqual(V5_QUERY_KEYS);
      expect(call.query.gameid).toBe(sample.appid);
      expect(call.query.channelid).toBe(String(channelid));
      expect(call.query.os).toBe(String(os));
      expect(call.query.seq).toBe(requestId);
      expect(call.query.source).toBe('0');
      expect(call.query.version).toBe('');
      expect(Math.abs(Number(call.query.ts) - startedAt) <= 5).toBeTruthy();
      expect(call.query.sig).toMatch(/^[0-9a-f]{32}$/);
      expect(call.headers['x-request-id']).toBe(requestId);

      const sent = call.body as Record<string, unknown>;
      expect(sent.token).toBe(body.accessToken);
      expect(sent.openid).toBe(body.openid);
      for (const name of NOT_IN_BODY) expect(sent[name]).toBe(undefined);
      expect(sent.appid).toBe(undefined);
      for (const [name, value] of Object.entries(body)) {
        if (!NOT_IN_BODY.has(name)) expect(sent[name]).toEqual(value);
      }
      if (entry === CATALOG.friend.share) expect(sent.type).toBe(20000);

      // MSDK's bytes come back unchanged: with a pinned request id (so seq) two calls are identical
      // (a new user, so the first of them reaches MSDK even on the cached friend_list).
      const pinned = { 'x-request-id': `friend-e2e-${serial}` };
      const again = fresh(sample.body);
      const first = await gateway.call(sample.route, again, { headers: pinned });
      const second = await gateway.call(sample.route, again, { headers: pinned });
      expect(first.status).toBe(200);
      expect(first.json.seq).toBe(pinned['x-request-id']);
      expect(second.json).toEqual(first.json);
    });
  }

  describe('answers in the documented shapes', () => {
    const route = '/v1/friend/friend_list';
    const qq = sampleById('friend.friend_list').body;
    const wx = { ...sampleById('friend.get_sopenid').body };

    it('friend_list: QQ items have gender 0 and is_lost; WeChat items nick_name and no gender', async () => {
      const q = await gateway.call<FriendListAnswer>(route, qq);
      expect(q.json.lists.length > 0).toBeTruthy();
      for (const f of q.json.lists) {
        expect(Object.keys(f).sort()).toEqual(['gender', 'openid', 'picture_url', 'user_name']);
        expect(f.gender).toBe(0);
        expect(f.openid).toMatch(/^\d{1,20}$/);
      }
      const w = await gateway.call<FriendListAnswer>(route, wx);
      expect(w.json.is_lost).toBe(undefined);
      for (const f of w.json.lists) {
        expect(f.gender).toBe(undefined);
        expect(typeof f.nick_name).toBe('string');
        expect(['user_name', 'picture_url', 'provice', 'openid', 'nick_name'].every((k) => k in f)).toBeTruthy();
      }
    });

    it('friend_list is deterministic per openid and channel, and sub_channelid changes it', async () => {
      const lists = async (body: Record<string, unknown>) =>
        (await gateway.call<FriendListAnswer>(route, body)).json.lists;
      expect(await lists(qq)).toEqual(await lists(qq));
      expect(await lists(qq)).not.toEqual(await lists({ ...qq, openid: '4724195171999796437' }));
      expect(await lists(qq)).not.toEqual(await lists({ ...qq, sub_channelid: 1 }));
    });

    it('friend_list is cached per user and channel (channelid is a key field), never per token', async () => {
      const user = fresh(qq);
      const first = await gateway.call(route, user);
      const otherToken = await gateway.call(route, { ...user, accessToken: 'another-token' });
      expect(otherToken.headers.get('x-cache')).toBe('HIT');
      expect(otherToken.json).toEqual(first.json);
      const wechat = await gateway.call<FriendListAnswer>(route, { ...user, channelid: 1 });
      expect(wechat.headers.get('x-cache')).not.toBe('HIT');
      expect(wechat.json.lists.every((f) => typeof f.nick_name === 'string')).toBeTruthy();
      expect((await sandbox.calls('/v2/friend/friend_list')).length).toBe(2);
    });

    it('a user with no friends gets 200 and no lists', async () => {
      const q = await gateway.call(route, fresh(qq, 'nofriends'));
      expect(q.status).toBe(200);
      expect(Object.keys(q.json).sort()).toEqual(['is_lost', 'msg', 'ret', 'seq']);
      const w = await gateway.call<FriendListAnswer>(route, fresh(wx, 'nofriends'));
      expect(w.status).toBe(200);
      expect(w.json.lists).toBe(undefined);
    });

    it('recall_friends_list: WeChat result has model_id and send_list; QQ honours count', async () => {
      const w = await gateway.call<RecallFriendsAnswer>(
        '/v1/friend/recall_friends_list',
        sampleById('friend.recall_friends_list').body,
      );
      expect(Object.keys(w.json.result).sort()).toEqual(['friend_list', 'model_id', 'send_list']);
      for (const f of w.json.result.friend_list)
        expect(Object.keys(f).sort()).toEqual(['head_img_url', 'nick_name', 'sopenid']);
      const q = await gateway.call<RecallFriendsAnswer>('/v1/friend/recall_friends_list', { ...qq, count: 1 });
      expect(Object.keys(q.json.result)).toEqual(['friend_list']);
      expect(q.json.result.friend_list.length).toBe(1);
    });

    it('get_sopenid: a stable sopenid per user, WeChat-shaped on WeChat', async () => {
      const a = await gateway.call<SopenidAnswer>('/v1/friend/get_sopenid', wx);
      const b = await gateway.call<SopenidAnswer>('/v1/friend/get_sopenid', wx);
      expect(a.json.sopenid).toMatch(/^s[A-Za-z0-9_-]{27}$/);
      expect(a.json.sopenid).toBe(b.json.sopenid);
      expect(a.json.msg).toBe('success');
    });
  });

  describe('upstream failures', () => {
    for (const id of ['friend.share', 'friend.ark_share']) {
      it(`${id}: a 502 is not repeated -> 502 after exactly one call`, async () => {
        const sample = sampleById(id);
        await sandbox.fault({ interface: entryOf(sample).path, httpStatus: 502 });
        const res = await gateway.call(sample.route, fresh(sample.body));
        expect(res.status).toBe(502);
        expect(errorOf(res).code).toBe('UPSTREAM_UNAVAILABLE');
        expect((await sandbox.calls(entryOf(sample).path)).length).toBe(1);
      });
    }

    for (const id of ['friend.friend_list', 'friend.get_sopenid']) {
      it(`${id}: a 502 once is retried (a read) -> 200 after exactly two calls`, async () => {
        const sample = sampleById(id);
        await sandbox.fault({ interface: entryOf(sample).path, httpStatus: 502 });
        const res = await gateway.call(sample.route, fresh(sample.body));
        expect(res.status).toBe(200);
        const calls = await sandbox.calls(entryOf(sample).path);
        expect(calls.length).toBe(2);
        expect(calls.every((c) => c.verdict === 'ok')).toBeTruthy();
        expect(calls[0].query.seq).toBe(calls[1].query.seq);
      });
    }

    it('friend_list degraded by QQ: is_lost 1 (an int) and X-Msdk-Is-Lost: 1', async () => {
      await sandbox.fault({ interface: '/v2/friend/friend_list', isLost: true });
      const res = await gateway.call('/v1/friend/friend_list', fresh(sampleById('friend.friend_list').body));
      expect(res.status).toBe(200);
      expect(res.json.is_lost).toBe(1);
      expect(res.headers.get('x-msdk-is-lost')).toBe('1');
    });

    it("an expired token is MSDK_USER_TOKEN_INVALID with the channel's platform", async () => {
      const wx = await gateway.call('/v1/friend/get_sopenid', {
        ...fresh(sampleById('friend.get_sopenid').body),
        accessToken: 'expired-token',
      });
      expect(wx.status).toBe(422);
      expect(errorOf(wx).msdk?.source).toBe('wechat');
      expect(errorOf(wx).msdk?.platformCode).toBe(42001);
      const qq = await gateway.call('/v1/friend/friend_list', {
        ...fresh(sampleById('friend.friend_list').body),
        accessToken: 'revoked-token',
      });
      expect(qq.status).toBe(422);
      expect(errorOf(qq).msdk?.source).toBe('qq');
    });
  });
});

describe('V5 signing, seen from the sandbox', () => {
  let sandbox: SandboxHarness;
  beforeAll(async () => {
    sandbox = await SandboxHarness.start();
  });
  afterAll(() => sandbox.close());

  const creds = () => ({ gameId: TEST_GAME.v5GameId, sigKey: sandbox.keys.sigKey, os: 1, version: '' });
  const send = (pathAndQuery: string, body: string) =>
    post<MsdkAnswer>(`${sandbox.v5Url}${pathAndQuery}`, body, { 'content-type': 'application/json' });
  const payload = { openid: '4724195171999796436', accessToken: 'T0K', channelid: 2 };

  it('accepts the exact bytes signed, and refuses a changed body, a stale ts or an unknown gameid', async () => {
    const call = buildV5Call(CATALOG.friend.getSopenid, creds(), payload, { seq: 'sig-test' });
    const ok = await send(call.pathAndQuery, call.body!);
    expect(ok.json.ret).toBe(0);
    expect(ok.json.seq).toBe('sig-test');
    const tampered = await send(call.pathAndQuery, call.body!.replace('"T0K"', '"T0K" '));
    expect(tampered.json).toEqual({ ret: -502, msg: 'sig error', seq: 'sig-test' });
    const stale = buildV5Call(CATALOG.friend.getSopenid, creds(), payload, {
      nowSeconds: Math.floor(Date.now() / 1000) - 3600,
    });
    expect((await send(stale.pathAndQuery, stale.body!)).json.ret).toBe(-502);
    const unknown = buildV5Call(CATALOG.friend.getSopenid, { ...creds(), gameId: '999' }, payload);
    expect((await send(unknown.pathAndQuery, unknown.body!)).json.ret).toBe(-502);
  });
});

describe('V5 misconfiguration', () => {
  it("a wrong sigkey comes back as the sandbox's -502 sig error in the envelope", async () => {
    const sandbox = await SandboxHarness.start();
    const gateway = await GatewayHarness.start({
      sandbox,
      env: { MSDK_GAME_DEMO_V5_SIGKEY: 'wrong-sigkey-0000000000000000000' },
    });
    try {
      const res = await gateway.call('/v1/friend/friend_list', sampleById('friend.friend_list').body);
      expect(res.status).toBe(502);
      const error = errorOf(res);
      expect(error.code).toBe('MSDK_ERROR');
      expect(error.msdk).toEqual({ ret: -502, msg: 'sig error', source: 'msdk' });
      expect(error.requestId).toBe(res.headers.get('x-request-id'));
      const [call] = await sandbox.calls('/v2/friend/friend_list');
      expect(call.verdict).toBe('sig error');
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
      extraGames: [
        { id: 'v3only', qqAppId: '100000001', wechatAppId: 'wx0000000000000001', msdkKey: 'another-msdk-key-0001' },
      ],
    });
    try {
      const res = await gateway.call('/v1/friend/get_sopenid', sampleById('friend.get_sopenid').body);
      expect(res.status).toBe(501);
      expect(errorOf(res).code).toBe('MSDK_CREDENTIAL_MISSING');
      expect((await sandbox.calls()).length).toBe(0);
    } finally {
      await gateway.close();
      await sandbox.close();
    }
  });
});
