import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { GatewayHarness } from '../support/gateway-harness.js';
import { SandboxHarness } from '../support/sandbox-harness.js';
import { withSandboxAndGateway } from '../support/sandbox-and-gateway.js';

/**
 * The cache rules, as one suite run against each store (Redis and memory). Every test uses its
 * own openid so entries never leak between tests.
 */
export const SHORT_TTL_MS = 300;
const TOKEN = '933FE8C9AB9C585D7EABD04373B7155F';
let n = 0;
const freshOpenid = () => `C0FFEE${Date.now().toString(16).toUpperCase()}${(n++).toString(16).toUpperCase()}`.padEnd(32, '0');

const QQPROFILE = { route: '/v1/relation/qqprofile', path: '/relation/qqprofile', extra: {} };
const QQFRIENDS = { route: '/v1/relation/qqfriends_detail', path: '/relation/qqfriends_detail', extra: { flag: 1 } };
const V5_FRIENDS = { route: '/v1/friend/friend_list', path: '/v2/friend/friend_list', extra: { channelid: 2 } };

export function cacheBehaviourSuite(store: string, env: () => Record<string, string>): void {
  describe(`cache rules (${store} store)`, () => {
    let sandbox!: SandboxHarness;
    let gateway!: GatewayHarness;
    withSandboxAndGateway(() => ({
      env: env(),
      resilience: { attemptTimeoutMs: 300, deadlineMs: 700, maxRetries: 1, breakerThreshold: 1000 },
      configPatch: {
        cache: {
          ttlJitter: 0,
          interfaces: {
            'relation.qqprofile': { ttlMs: SHORT_TTL_MS },
            'relation.qqfriends_detail': { ttlMs: SHORT_TTL_MS },
            'friend.friend_list': { ttlMs: SHORT_TTL_MS },
          },
        },
      }
    }), (s, g) => ((sandbox = s), (gateway = g)));

    const call = (row: typeof QQPROFILE, openid: string, headers?: Record<string, string>, extra: Record<string, unknown> = {}) =>
      gateway.call(row.route, { openid, accessToken: TOKEN, ...row.extra, ...extra }, { headers });
    const upstreamCalls = async (row: typeof QQPROFILE) => (await sandbox.calls(row.path)).length;

    it('a second identical call is a HIT with no upstream call', async () => {
      const openid = freshOpenid();
      const first = await call(QQPROFILE, openid);
      assert.equal(first.status, 200, first.text);
      assert.equal(first.headers.get('x-cache'), 'MISS');
      assert.equal(first.headers.get('x-msdk-is-lost'), '0');
      const second = await call(QQPROFILE, openid);
      assert.equal(second.headers.get('x-cache'), 'HIT');
      assert.equal(second.text, first.text, 'the stored bytes come back unchanged');
      assert.equal(await upstreamCalls(QQPROFILE), 1);
    });

    it('a different flag is a different key', async () => {
      const openid = freshOpenid();
      await call(QQFRIENDS, openid, {}, { flag: 1 });
      const other = await call(QQFRIENDS, openid, {}, { flag: 2 });
      assert.equal(other.headers.get('x-cache'), 'MISS');
      assert.equal(await upstreamCalls(QQFRIENDS), 2);
      assert.equal((await call(QQFRIENDS, openid, {}, { flag: 2 })).headers.get('x-cache'), 'HIT');
    });

    it('the token is not part of the key (a different token reads the same entry)', async () => {
      const openid = freshOpenid();
      await call(QQPROFILE, openid);
      const res = await gateway.call(QQPROFILE.route, { openid, accessToken: 'ANOTHER-TOKEN-42' });
      assert.equal(res.headers.get('x-cache'), 'HIT');
    });

    it("cached bodies never carry another request's id; a caller's msdkExtInfo keys its own entry", async () => {
      const openid = freshOpenid();
      const first = await call(QQPROFILE, openid);
      assert.equal(first.json.msdkExtInfo, undefined, 'no request id baked into a shared entry');
      const mine = await call(QQPROFILE, openid, {}, { msdkExtInfo: 'mine_1' });
      assert.equal(mine.json.msdkExtInfo, 'mine_1');
      assert.equal((await call(QQPROFILE, openid, {}, { msdkExtInfo: 'mine_1' })).headers.get('x-cache'), 'HIT');
      assert.equal((await call(QQPROFILE, openid, {}, { msdkExtInfo: 'other_2' })).json.msdkExtInfo, 'other_2');
    });

    it('Cache-Control: no-cache reads past a fresh copy and stores the new answer', async () => {
      const openid = freshOpenid();
      await call(QQPROFILE, openid);
      const res = await call(QQPROFILE, openid, { 'cache-control': 'no-cache' });
      assert.equal(res.headers.get('x-cache'), 'MISS');
      assert.equal(await upstreamCalls(QQPROFILE), 2);
    });

    for (const row of [QQPROFILE, QQFRIENDS, V5_FRIENDS]) {
      describe(`is_lost on ${row.path}`, () => {
        it('no copy + is_lost 1: the degraded answer passes through and nothing is stored', async () => {
          const openid = freshOpenid();
          await sandbox.fault({ interface: row.path, isLost: true });
          const res = await call(row, openid);
          assert.equal(res.status, 200, res.text);
          assert.equal(res.headers.get('x-msdk-is-lost'), '1');
          assert.equal(res.headers.get('x-cache'), 'MISS');
          assert.ok(res.json.is_lost === '1' || res.json.is_lost === 1);
          const next = await call(row, openid);
          assert.equal(next.headers.get('x-cache'), 'MISS', 'the degraded answer was not stored');
          assert.equal(await upstreamCalls(row), 2);
        });

        it('expired copy + is_lost 1: the copy answers, STALE', async () => {
          const openid = freshOpenid();
          const good = await call(row, openid);
          await sleep(SHORT_TTL_MS + 50);
          await sandbox.fault({ interface: row.path, isLost: true });
          const res = await call(row, openid);
          assert.equal(res.headers.get('x-cache'), 'STALE');
          assert.equal(res.headers.get('x-msdk-is-lost'), '1');
          assert.equal(res.text, good.text);
        });

        it('is_lost 0: stored', async () => {
          const openid = freshOpenid();
          await call(row, openid);
          assert.equal((await call(row, openid)).headers.get('x-cache'), 'HIT');
        });
      });
    }

    it('is_lost as the int 1 on a V3 answer is treated like "1"', async () => {
      const openid = freshOpenid();
      await sandbox.fault({ interface: QQPROFILE.path, body: '{"ret":0,"msg":"","nickName":"x","is_lost":1}' });
      const res = await call(QQPROFILE, openid);
      assert.equal(res.headers.get('x-msdk-is-lost'), '1');
      assert.equal((await call(QQPROFILE, openid)).headers.get('x-cache'), 'MISS');
    });

    it('upstream 502 or timeout with an expired copy -> STALE; without a copy -> the envelope', async () => {
      const openid = freshOpenid();
      const good = await call(QQPROFILE, openid);
      await sleep(SHORT_TTL_MS + 50);
      await sandbox.fault({ interface: QQPROFILE.path, httpStatus: 502, times: 2 });
      const stale = await call(QQPROFILE, openid);
      assert.equal(stale.headers.get('x-cache'), 'STALE');
      assert.equal(stale.text, good.text);
      await sandbox.fault({ interface: QQPROFILE.path, delayMs: 1000, times: 2 });
      const slow = await call(QQPROFILE, openid);
      assert.equal(slow.headers.get('x-cache'), 'STALE');

      await sandbox.fault({ interface: QQPROFILE.path, httpStatus: 502, times: 2 });
      const none = await call(QQPROFILE, freshOpenid());
      assert.equal(none.status, 502);
      assert.equal(none.json.error.code, 'UPSTREAM_UNAVAILABLE');
      await sandbox.fault({ interface: QQPROFILE.path, delayMs: 1000, times: 2 });
      const timeout = await call(QQPROFILE, freshOpenid());
      assert.equal(timeout.status, 504);
    });

    it("an MSDK error about the user's token is never covered by a stale copy", async () => {
      const openid = freshOpenid();
      await call(QQPROFILE, openid);
      await sleep(SHORT_TTL_MS + 50);
      const res = await gateway.call(QQPROFILE.route, { openid, accessToken: 'expired-token' });
      assert.equal(res.status, 422);
      assert.equal(res.json.error.code, 'MSDK_USER_TOKEN_INVALID');
    });

    it('50 concurrent identical misses make exactly 1 upstream call and get 50 identical answers', async () => {
      const openid = freshOpenid();
      await sandbox.fault({ interface: QQFRIENDS.path, delayMs: 150 });
      const answers = await Promise.all(Array.from({ length: 50 }, () => call(QQFRIENDS, openid)));
      assert.equal(await upstreamCalls(QQFRIENDS), 1);
      assert.ok(answers.every((a) => a.status === 200 && a.text === answers[0].text));
    });

    it('an interface that is not cached answers BYPASS', async () => {
      const res = await gateway.call('/v1/auth/verify_login', { openid: freshOpenid(), accessToken: TOKEN });
      assert.equal(res.headers.get('x-cache'), 'BYPASS');
    });
  });
}
