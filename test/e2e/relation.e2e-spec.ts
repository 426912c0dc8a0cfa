import { describe, expect, it } from '@jest/globals';
import { ALL_ENTRIES, CATALOG, type CatalogEntry } from '#msdk';
import { errorOf, type MsdkAnswer } from '../support/gateway-answer.js';
import { GatewayHarness } from '../support/gateway-harness.js';
import { SandboxHarness } from '../support/sandbox-harness.js';
import { withSandboxAndGateway } from '../support/sandbox-and-gateway.js';
import { oneSignedV3Call } from '../support/signed-call.js';
import { QQ_USER, RELATION_SAMPLES, WX_USER, qqOpenids } from './samples/relation.samples.js';
import type { SampleCall } from './samples/sample-call.js';
import { defined } from '../support/defined.js';

const UNIFIED = new Set(['openid', 'accessToken', 'msdkExtInfo']);

function entryOf(sample: SampleCall): CatalogEntry {
  return defined(
    ALL_ENTRIES.find((e) => e.id === sample.id),
    `the catalog row of ${sample.id}`,
  );
}

/** The answers read below, in the shapes MSDK documents. */
interface QqFriendsDetailAnswer extends MsdkAnswer {
  readonly lists: Array<{ readonly openid: string; readonly nickName: string; readonly figureurl_qq: string }>;
  readonly extinfo?: { readonly closefriend_lists: unknown[] };
}
interface QqUnregFriendsAnswer extends MsdkAnswer {
  readonly friends: Array<Record<string, unknown>>;
}
interface QqFriendsVipAnswer extends MsdkAnswer {
  readonly lists: Array<{ readonly openid: string; readonly is_qq_vip?: number; readonly is_qq_svip?: number }>;
}
interface WxFriendsAnswer extends MsdkAnswer {
  readonly openids: string[];
}
interface WxProfilesAnswer extends MsdkAnswer {
  readonly lists: Array<{ readonly openid: string; readonly sex?: number }>;
  readonly extinfo?: { readonly closefriend_lists: Array<{ readonly openid: string }> };
}
interface QqProfileAnswer extends MsdkAnswer {
  readonly nickName: string;
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
  withSandboxAndGateway({ env: { CACHE_ENABLED: '0' } }, (s, g) => ((sandbox = s), (gateway = g)));

  it('has one sample per relation row, and every row is a retry-safe read', () => {
    const rows = Object.values(CATALOG.relation) as CatalogEntry[];
    expect(RELATION_SAMPLES.map((s) => s.id).sort()).toEqual(rows.map((r) => r.id).sort());
    for (const row of rows) expect(row.retry).toBe('safe');
  });

  for (const sample of RELATION_SAMPLES) {
    it(`${sample.route} is signed as ${sample.appid}, maps its fields and answers deterministically`, async () => {
      const entry = entryOf(sample);
      const res = await gateway.call(sample.route, sample.body);
      expect(res.status).toBe(200);
      expect(res.json.ret).toBe(0);
      if (entry.hasIsLost) {
        expect(res.json.is_lost).toBe('0');
        expect(res.headers.get('x-msdk-is-lost')).toBe('0');
      } else {
        expect(res.headers.get('x-msdk-is-lost')).toBe(null);
      }

      const call = await oneSignedV3Call(sandbox, entry, sample);

      // GET interfaces carry every field in the query; POST ones in the JSON body.
      const sent = (entry.method === 'GET' ? call.query : call.body) as Record<string, unknown>;
      const tokenField = entry.fields.accessToken!;
      expect(sent[tokenField]).toBe(sample.body.accessToken);
      if (tokenField !== 'accessToken') expect(sent.accessToken).toBe(undefined);
      if (entry.fields.openid) expect(sent[entry.fields.openid]).toBe(sample.body.openid);
      else if (entry.method === 'POST') expect(sent.openid).toBe(undefined);
      const appidFields = Object.entries(entry.fields.appid ?? {});
      for (const [name, type] of appidFields) {
        expect(sent[name]).toBe(type === 'number' ? Number(sample.appid) : sample.appid);
      }
      if (appidFields.length === 0 && entry.method === 'POST') expect(sent.appid).toBe(undefined);
      for (const [name, value] of Object.entries(sample.body)) {
        if (!UNIFIED.has(name)) expect(sent[name]).toEqual(value);
      }

      // MSDK's bytes come back as they were: with a fixed msdkExtInfo two calls are identical.
      const pinned = { ...sample.body, msdkExtInfo: 'relation_e2e' };
      const first = await gateway.call(sample.route, pinned);
      const second = await gateway.call(sample.route, pinned);
      expect(first.status).toBe(200);
      expect(first.json.msdkExtInfo).toBe('relation_e2e');
      expect(second.json).toEqual(first.json);
    });
  }

  describe('answers in the documented shapes', () => {
    it('qqfriends_detail: 60 friends, flag=2 adds the user, closefriends_flag=1 adds extinfo', async () => {
      const route = '/v1/relation/qqfriends_detail';
      const plain = await gateway.call<QqFriendsDetailAnswer>(route, { ...QQ_USER, flag: 1 });
      expect(plain.json.lists.length).toBe(60);
      expect(plain.json.extinfo).toBe(undefined);
      expect(
        plain.json.lists.every((f) => /^[0-9A-F]{32}$/.test(f.openid) && f.nickName && f.figureurl_qq),
      ).toBeTruthy();
      const withSelf = await gateway.call<QqFriendsDetailAnswer>(route, { ...QQ_USER, flag: 2, closefriends_flag: 1 });
      expect(withSelf.json.lists.length).toBe(61);
      expect(withSelf.json.lists[0].openid).toBe(QQ_USER.openid);
      const closeFriends = withSelf.json.extinfo?.closefriend_lists;
      expect(closeFriends?.length).toBeGreaterThan(0);
      expect(closeFriends?.every((id) => typeof id === 'string')).toBeTruthy();
    });

    it('qq_unreg_friends fills count=20 when omitted and never returns more', async () => {
      const res = await gateway.call<QqUnregFriendsAnswer>('/v1/relation/qq_unreg_friends', QQ_USER);
      expect(res.status).toBe(200);
      expect(res.json.friends.length).toBe(20);
      const [call] = await sandbox.calls('/relation/qq_unreg_friends');
      expect(call.body).toEqual({ accessToken: QQ_USER.accessToken, count: 20 });
      const five = await gateway.call<QqUnregFriendsAnswer>('/v1/relation/qq_unreg_friends', { ...QQ_USER, count: 5 });
      expect(Object.keys(five.json.friends[0]).sort()).toEqual(['head_img_url', 'nick_name', 'openid']);
      expect(five.json.friends.length).toBe(5);
    });

    it('qqfriends_vip accepts exactly 49 fopenids and answers one entry each', async () => {
      const fopenids = qqOpenids(49);
      const res = await gateway.call<QqFriendsVipAnswer>('/v1/relation/qqfriends_vip', {
        ...QQ_USER,
        fopenids,
        flags: 'qq_svip',
      });
      expect(res.status).toBe(200);
      expect(res.json.lists.map((l) => l.openid)).toEqual(fopenids);
      expect(res.json.lists.every((l) => typeof l.is_qq_svip === 'number' && !('is_qq_vip' in l))).toBeTruthy();
    });

    it('qqstrange_profile sends appid as a number, as the doc example does', async () => {
      await gateway.call('/v1/relation/qqstrange_profile', sampleById('relation.qqstrange_profile').body);
      const [call] = await sandbox.calls('/relation/qqstrange_profile');
      expect((call.body as Record<string, unknown>).appid).toBe(100703379);
    });

    it('wxfriends and wxfriends_profile name the same 60 friends; wxprofile keeps the asked order', async () => {
      const ids = (await gateway.call<WxFriendsAnswer>('/v1/relation/wxfriends', WX_USER)).json.openids;
      expect(ids.length).toBe(60);
      const profile = await gateway.call<WxProfilesAnswer>('/v1/relation/wxfriends_profile', {
        ...WX_USER,
        closefriends_flag: 1,
      });
      expect(profile.json.lists.map((f) => f.openid)).toEqual(ids);
      expect(profile.json.extinfo?.closefriend_lists.every((c) => ids.includes(c.openid))).toBeTruthy();
      const asked = [ids[3], WX_USER.openid, ids[0]];
      const info = await gateway.call<WxProfilesAnswer>('/v1/relation/wxprofile', { ...WX_USER, openids: asked });
      expect(info.json.lists.map((f) => f.openid)).toEqual(asked);
      expect(info.json.lists.every((f) => f.sex === 1 || f.sex === 2)).toBeTruthy();
    });

    it('a friend keeps one nickname across lists and their own profile', async () => {
      const friends = (await gateway.call<QqFriendsDetailAnswer>('/v1/relation/qqfriends_detail', QQ_USER)).json.lists;
      const friend = friends[7];
      const own = await gateway.call<QqProfileAnswer>('/v1/relation/qqprofile', {
        openid: friend.openid,
        accessToken: QQ_USER.accessToken,
      });
      expect(own.json.nickName).toBe(friend.nickName);
    });

    it('a different user gets different friends', async () => {
      const wxfriends = async (user: typeof WX_USER) =>
        (await gateway.call<WxFriendsAnswer>('/v1/relation/wxfriends', user)).json.openids;
      const mine = await wxfriends(WX_USER);
      const theirs = await wxfriends({ ...WX_USER, openid: 'oGRTijiaT-XrbyXKozckdNHFgPyc' });
      expect(mine).not.toEqual(theirs);
    });
  });

  describe('upstream failures', () => {
    for (const id of ['relation.qqprofile', 'relation.wxfriends']) {
      it(`${id}: a 502 once is retried (a read) -> 200 after exactly two calls`, async () => {
        const sample = sampleById(id);
        const entry = entryOf(sample);
        await sandbox.fault({ interface: entry.path, httpStatus: 502 });
        const res = await gateway.call(sample.route, freshUser(sample));
        expect(res.status).toBe(200);
        expect(res.json.ret).toBe(0);
        const calls = await sandbox.calls(entry.path);
        expect(calls.length).toBe(2);
        expect(calls.every((c) => c.verdict === 'ok')).toBeTruthy();
      });
    }

    // No relation row is 'never', so this list is empty today; it guards rows added later.
    for (const sample of RELATION_SAMPLES.filter((s) => entryOf(s).retry === 'never')) {
      it(`${sample.id}: a 502 is not repeated -> 502 after exactly one call`, async () => {
        const entry = entryOf(sample);
        await sandbox.fault({ interface: entry.path, httpStatus: 502 });
        const res = await gateway.call(sample.route, freshUser(sample));
        expect(res.status).toBe(502);
        expect((await sandbox.calls(entry.path)).length).toBe(1);
      });
    }

    it('a read that keeps failing gives up with a 502 envelope after its retries', async () => {
      const sample = sampleById('relation.get_vip_rich_info');
      await sandbox.fault({ interface: '/relation/get_vip_rich_info', httpStatus: 502, times: 3 });
      const res = await gateway.call(sample.route, freshUser(sample));
      expect(res.status).toBe(502);
      expect(errorOf(res).code).toBeTruthy();
      expect(errorOf(res).requestId).toBe(res.headers.get('x-request-id'));
      expect((await sandbox.calls('/relation/get_vip_rich_info')).length).toBe(3);
    });

    it('an expired WeChat token is MSDK_USER_TOKEN_INVALID, not our own 401', async () => {
      const res = await gateway.call('/v1/relation/wxuserinfo', { ...WX_USER, accessToken: 'expired-token' });
      expect(res.status).toBe(422);
      expect(errorOf(res).code).toBe('MSDK_USER_TOKEN_INVALID');
      expect(errorOf(res).msdk?.platformCode).toBe(42001);
    });
  });

  describe('degraded answers (is_lost)', () => {
    for (const sample of RELATION_SAMPLES.filter((s) => entryOf(s).hasIsLost)) {
      it(`${sample.id}: is_lost "1" reaches the caller with X-Msdk-Is-Lost: 1`, async () => {
        await sandbox.fault({ interface: entryOf(sample).path, isLost: true });
        const res = await gateway.call(sample.route, freshUser(sample));
        expect(res.status).toBe(200);
        expect(res.json.is_lost).toBe('1');
        expect(res.headers.get('x-msdk-is-lost')).toBe('1');
      });
    }
  });
});
