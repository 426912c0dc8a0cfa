import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALL_ENTRIES, CATALOG, type CatalogEntry } from '#msdk';
import { GatewayHarness } from '../support/gateway-harness.js';
import { SandboxHarness } from '../support/sandbox-harness.js';
import { withSandboxAndGateway } from '../support/sandbox-and-gateway.js';
import { oneSignedV3Call } from '../support/signed-call.js';
import { QQ_USER, RELATION_SAMPLES, WX_USER, qqOpenids } from './samples/relation.samples.js';
import type { SampleCall } from './samples/sample-call.js';

const UNIFIED = new Set(['openid', 'accessToken', 'msdkExtInfo']);

function entryOf(sample: SampleCall): CatalogEntry {
  const entry = ALL_ENTRIES.find((e) => e.id === sample.id);
  assert.ok(entry, `catalog row ${sample.id}`);
  return entry;
}

const sampleById = (id: string) => RELATION_SAMPLES.find((s) => s.id === id)!;

/**
 * A fresh user per test for the calls whose upstream count matters, so that no answer another
 * test left behind (a cache, if the gateway keeps one) can stand in for the upstream call.
 */
let userSerial = 0;
const freshUser = (sample: SampleCall) => {
  const suffix = String(++userSerial).padStart(4, '0');
  const openid = String(sample.body.openid).slice(0, -4) + suffix;
  return { ...sample.body, openid };
};

describe('relation routes end to end', () => {
  let sandbox!: SandboxHarness;
  let gateway!: GatewayHarness;
  // This suite checks forwarding, so every call must reach the sandbox; caching has its own suite.
  withSandboxAndGateway({ env: { CACHE_ENABLED: "0" } }, (s, g) => ((sandbox = s), (gateway = g)));

  it('has one sample per relation row, and every row is a retry-safe read', () => {
    const rows = Object.values(CATALOG.relation) as CatalogEntry[];
    assert.deepEqual(RELATION_SAMPLES.map((s) => s.id).sort(), rows.map((r) => r.id).sort());
    for (const row of rows) assert.equal(row.retry, 'safe', `${row.id} is a read`);
  });

  for (const sample of RELATION_SAMPLES) {
    it(`${sample.route} is signed as ${sample.appid}, maps its fields and answers deterministically`, async () => {
      const entry = entryOf(sample);
      const res = await gateway.call(sample.route, sample.body);
      assert.equal(res.status, 200, res.text);
      assert.equal(res.json.ret, 0);
      if (entry.hasIsLost) {
        assert.equal(res.json.is_lost, '0');
        assert.equal(res.headers.get('x-msdk-is-lost'), '0');
      } else {
        assert.equal(res.headers.get('x-msdk-is-lost'), null);
      }

      const call = await oneSignedV3Call(sandbox, entry, sample);

      // GET interfaces carry every field in the query; POST ones in the JSON body.
      const sent = (entry.method === 'GET' ? call.query : call.body) as Record<string, unknown>;
      const tokenField = entry.fields.accessToken!;
      assert.equal(sent[tokenField], sample.body.accessToken, `token sent as ${tokenField}`);
      if (tokenField !== 'accessToken') assert.equal(sent.accessToken, undefined, 'no stray accessToken');
      if (entry.fields.openid) assert.equal(sent[entry.fields.openid], sample.body.openid);
      else if (entry.method === 'POST') assert.equal(sent.openid, undefined, 'the user travels in the query only');
      const appidFields = Object.entries(entry.fields.appid ?? {});
      for (const [name, type] of appidFields) {
        assert.equal(sent[name], type === 'number' ? Number(sample.appid) : sample.appid, `${name} as a ${type}`);
      }
      if (appidFields.length === 0 && entry.method === 'POST') assert.equal(sent.appid, undefined);
      for (const [name, value] of Object.entries(sample.body)) {
        if (!UNIFIED.has(name)) assert.deepEqual(sent[name], value, `${name} forwarded unchanged`);
      }

      // MSDK's bytes come back as they were: with a fixed msdkExtInfo two calls are identical.
      const pinned = { ...sample.body, msdkExtInfo: 'relation_e2e' };
      const first = await gateway.call(sample.route, pinned);
      const second = await gateway.call(sample.route, pinned);
      assert.equal(first.status, 200, first.text);
      assert.equal(first.json.msdkExtInfo, 'relation_e2e');
      assert.deepEqual(second.json, first.json);
    });
  }

  describe('answers in the documented shapes', () => {
    it('qqfriends_detail: 60 friends, flag=2 adds the user, closefriends_flag=1 adds extinfo', async () => {
      const route = '/v1/relation/qqfriends_detail';
      const plain = await gateway.call(route, { ...QQ_USER, flag: 1 });
      assert.equal(plain.json.lists.length, 60);
      assert.equal(plain.json.extinfo, undefined);
      assert.ok(plain.json.lists.every((f: Record<string, string>) => /^[0-9A-F]{32}$/.test(f.openid) && f.nickName && f.figureurl_qq));
      const withSelf = await gateway.call(route, { ...QQ_USER, flag: 2, closefriends_flag: 1 });
      assert.equal(withSelf.json.lists.length, 61);
      assert.equal(withSelf.json.lists[0].openid, QQ_USER.openid);
      assert.ok(withSelf.json.extinfo.closefriend_lists.length > 0);
      assert.ok(withSelf.json.extinfo.closefriend_lists.every((id: unknown) => typeof id === 'string'));
    });

    it('qq_unreg_friends fills count=20 when omitted and never returns more', async () => {
      const res = await gateway.call('/v1/relation/qq_unreg_friends', QQ_USER);
      assert.equal(res.status, 200, res.text);
      assert.equal(res.json.friends.length, 20);
      const [call] = await sandbox.calls('/relation/qq_unreg_friends');
      assert.deepEqual(call.body, { accessToken: QQ_USER.accessToken, count: 20 });
      const five = await gateway.call('/v1/relation/qq_unreg_friends', { ...QQ_USER, count: 5 });
      assert.deepEqual(Object.keys(five.json.friends[0]).sort(), ['head_img_url', 'nick_name', 'openid']);
      assert.equal(five.json.friends.length, 5);
    });

    it('qqfriends_vip accepts exactly 49 fopenids and answers one entry each', async () => {
      const fopenids = qqOpenids(49);
      const res = await gateway.call('/v1/relation/qqfriends_vip', { ...QQ_USER, fopenids, flags: 'qq_svip' });
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(res.json.lists.map((l: { openid: string }) => l.openid), fopenids);
      assert.ok(res.json.lists.every((l: Record<string, unknown>) => typeof l.is_qq_svip === 'number' && !('is_qq_vip' in l)));
    });

    it('qqstrange_profile sends appid as a number, as the doc example does', async () => {
      await gateway.call('/v1/relation/qqstrange_profile', sampleById('relation.qqstrange_profile').body);
      const [call] = await sandbox.calls('/relation/qqstrange_profile');
      assert.equal((call.body as Record<string, unknown>).appid, 100703379);
    });

    it('wxfriends and wxfriends_profile name the same 60 friends; wxprofile keeps the asked order', async () => {
      const ids = (await gateway.call('/v1/relation/wxfriends', WX_USER)).json.openids as string[];
      assert.equal(ids.length, 60);
      const profile = await gateway.call('/v1/relation/wxfriends_profile', { ...WX_USER, closefriends_flag: 1 });
      assert.deepEqual(profile.json.lists.map((f: { openid: string }) => f.openid), ids);
      assert.ok(profile.json.extinfo.closefriend_lists.every((c: { openid: string }) => ids.includes(c.openid)));
      const asked = [ids[3], WX_USER.openid, ids[0]];
      const info = await gateway.call('/v1/relation/wxprofile', { ...WX_USER, openids: asked });
      assert.deepEqual(info.json.lists.map((f: { openid: string }) => f.openid), asked);
      assert.ok(info.json.lists.every((f: { sex: unknown }) => f.sex === 1 || f.sex === 2));
    });

    it('a friend keeps one nickname across lists and their own profile', async () => {
      const friends = (await gateway.call('/v1/relation/qqfriends_detail', QQ_USER)).json.lists;
      const friend = friends[7];
      const own = await gateway.call('/v1/relation/qqprofile', { openid: friend.openid, accessToken: QQ_USER.accessToken });
      assert.equal(own.json.nickName, friend.nickName);
    });

    it('a different user gets different friends', async () => {
      const mine = (await gateway.call('/v1/relation/wxfriends', WX_USER)).json.openids;
      const theirs = (await gateway.call('/v1/relation/wxfriends', { ...WX_USER, openid: 'oGRTijiaT-XrbyXKozckdNHFgPyc' })).json.openids;
      assert.notDeepEqual(mine, theirs);
    });
  });

  describe('upstream failures', () => {
    for (const id of ['relation.qqprofile', 'relation.wxfriends']) {
      it(`${id}: a 502 once is retried (a read) -> 200 after exactly two calls`, async () => {
        const sample = sampleById(id);
        const entry = entryOf(sample);
        await sandbox.fault({ interface: entry.path, httpStatus: 502 });
        const res = await gateway.call(sample.route, freshUser(sample));
        assert.equal(res.status, 200, res.text);
        assert.equal(res.json.ret, 0);
        const calls = await sandbox.calls(entry.path);
        assert.equal(calls.length, 2);
        assert.ok(calls.every((c) => c.verdict === 'ok'));
      });
    }

    // No relation row is 'never', so this list is empty today; it guards rows added later.
    for (const sample of RELATION_SAMPLES.filter((s) => entryOf(s).retry === 'never')) {
      it(`${sample.id}: a 502 is not repeated -> 502 after exactly one call`, async () => {
        const entry = entryOf(sample);
        await sandbox.fault({ interface: entry.path, httpStatus: 502 });
        const res = await gateway.call(sample.route, freshUser(sample));
        assert.equal(res.status, 502, res.text);
        assert.equal((await sandbox.calls(entry.path)).length, 1);
      });
    }

    it('a read that keeps failing gives up with a 502 envelope after its retries', async () => {
      const sample = sampleById('relation.get_vip_rich_info');
      await sandbox.fault({ interface: '/relation/get_vip_rich_info', httpStatus: 502, times: 3 });
      const res = await gateway.call(sample.route, freshUser(sample));
      assert.equal(res.status, 502, res.text);
      assert.ok(res.json.error.code);
      assert.equal(res.json.error.requestId, res.headers.get('x-request-id'));
      assert.equal((await sandbox.calls('/relation/get_vip_rich_info')).length, 3);
    });

    it('an expired WeChat token is MSDK_USER_TOKEN_INVALID, not our own 401', async () => {
      const res = await gateway.call('/v1/relation/wxuserinfo', { ...WX_USER, accessToken: 'expired-token' });
      assert.equal(res.status, 422, res.text);
      assert.equal(res.json.error.code, 'MSDK_USER_TOKEN_INVALID');
      assert.equal(res.json.error.msdk.platformCode, 42001);
    });
  });

  describe('degraded answers (is_lost)', () => {
    for (const sample of RELATION_SAMPLES.filter((s) => entryOf(s).hasIsLost)) {
      it(`${sample.id}: is_lost "1" reaches the caller with X-Msdk-Is-Lost: 1`, async () => {
        await sandbox.fault({ interface: entryOf(sample).path, isLost: true });
        const res = await gateway.call(sample.route, freshUser(sample));
        assert.equal(res.status, 200, res.text);
        assert.equal(res.json.is_lost, '1');
        assert.equal(res.headers.get('x-msdk-is-lost'), '1');
      });
    }
  });


});
