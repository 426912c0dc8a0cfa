import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from '@jest/globals';
import { errorOf } from '../support/gateway-answer.js';
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
const freshOpenid = () =>
  `C0FFEE${Date.now().toString(16).toUpperCase()}${(n++).toString(16).toUpperCase()}`.padEnd(32, '0');

const QQPROFILE = { route: '/v1/relation/qqprofile', path: '/relation/qqprofile', extra: {} };
const QQFRIENDS = { route: '/v1/relation/qqfriends_detail', path: '/relation/qqfriends_detail', extra: { flag: 1 } };
const V5_FRIENDS = { route: '/v1/friend/friend_list', path: '/v2/friend/friend_list', extra: { channelid: 2 } };

export function cacheBehaviourSuite(store: string, env: () => Record<string, string>): void {
  describe(`cache rules (${store} store)`, () => {
    let sandbox!: SandboxHarness;
    let gateway!: GatewayHarness;
    withSandboxAndGateway(
      () => ({
        env: env(),
        resilience: { attemptTimeoutMs: 300, deadlineMs: 700, maxRetries: 1, breakerThreshold: 1000 },
        configPatch: {
          cache: {
            // The rules are what is tested here, not Redis's speed: on a loaded 2-core CI machine a
            // 50 ms budget can be spent on scheduling alone, turning an expected MISS or HIT into
            // BYPASS (the budget itself has suites of its own: redis-stall, the Redis outage test).
            redisCommandTimeoutMs: 1000,
            ttlJitter: 0,
            interfaces: {
              'relation.qqprofile': { ttlMs: SHORT_TTL_MS },
              'relation.qqfriends_detail': { ttlMs: SHORT_TTL_MS },
              'friend.friend_list': { ttlMs: SHORT_TTL_MS },
            },
          },
        },
      }),
      (s, g) => ((sandbox = s), (gateway = g)),
    );

    const call = (
      row: typeof QQPROFILE,
      openid: string,
      headers?: Record<string, string>,
      extra: Record<string, unknown> = {},
    ) => gateway.call(row.route, { openid, accessToken: TOKEN, ...row.extra, ...extra }, { headers });
    const upstreamCalls = async (row: typeof QQPROFILE) => (await sandbox.calls(row.path)).length;

    it('a second identical call is a HIT with no upstream call', async () => {
      const openid = freshOpenid();
      const first = await call(QQPROFILE, openid);
      expect(first.status).toBe(200);
      expect(first.headers.get('x-cache')).toBe('MISS');
      expect(first.headers.get('x-msdk-is-lost')).toBe('0');
      const second = await call(QQPROFILE, openid);
      expect(second.headers.get('x-cache')).toBe('HIT');
      expect(second.text).toBe(first.text);
      expect(await upstreamCalls(QQPROFILE)).toBe(1);
    });

    it('a different flag is a different key', async () => {
      const openid = freshOpenid();
      await call(QQFRIENDS, openid, {}, { flag: 1 });
      const other = await call(QQFRIENDS, openid, {}, { flag: 2 });
      expect(other.headers.get('x-cache')).toBe('MISS');
      expect(await upstreamCalls(QQFRIENDS)).toBe(2);
      expect((await call(QQFRIENDS, openid, {}, { flag: 2 })).headers.get('x-cache')).toBe('HIT');
    });

    it('the token is not part of the key (a different token reads the same entry)', async () => {
      const openid = freshOpenid();
      await call(QQPROFILE, openid);
      const res = await gateway.call(QQPROFILE.route, { openid, accessToken: 'ANOTHER-TOKEN-42' });
      expect(res.headers.get('x-cache')).toBe('HIT');
    });

    it("cached bodies never carry another request's id; a caller's msdkExtInfo keys its own entry", async () => {
      const openid = freshOpenid();
      const first = await call(QQPROFILE, openid);
      expect(first.json.msdkExtInfo).toBe(undefined);
      const mine = await call(QQPROFILE, openid, {}, { msdkExtInfo: 'mine_1' });
      expect(mine.json.msdkExtInfo).toBe('mine_1');
      expect((await call(QQPROFILE, openid, {}, { msdkExtInfo: 'mine_1' })).headers.get('x-cache')).toBe('HIT');
      expect((await call(QQPROFILE, openid, {}, { msdkExtInfo: 'other_2' })).json.msdkExtInfo).toBe('other_2');
    });

    it('Cache-Control: no-cache reads past a fresh copy and stores the new answer', async () => {
      const openid = freshOpenid();
      await call(QQPROFILE, openid);
      const res = await call(QQPROFILE, openid, { 'cache-control': 'no-cache' });
      expect(res.headers.get('x-cache')).toBe('MISS');
      expect(await upstreamCalls(QQPROFILE)).toBe(2);
    });

    for (const row of [QQPROFILE, QQFRIENDS, V5_FRIENDS]) {
      describe(`is_lost on ${row.path}`, () => {
        it('no copy + is_lost 1: the degraded answer passes through and nothing is stored', async () => {
          const openid = freshOpenid();
          await sandbox.fault({ interface: row.path, isLost: true });
          const res = await call(row, openid);
          expect(res.status).toBe(200);
          expect(res.headers.get('x-msdk-is-lost')).toBe('1');
          expect(res.headers.get('x-cache')).toBe('MISS');
          expect(res.json.is_lost === '1' || res.json.is_lost === 1).toBeTruthy();
          const next = await call(row, openid);
          expect(next.headers.get('x-cache')).toBe('MISS');
          expect(await upstreamCalls(row)).toBe(2);
        });

        it('expired copy + is_lost 1: the copy answers, STALE', async () => {
          const openid = freshOpenid();
          const good = await call(row, openid);
          await sleep(SHORT_TTL_MS + 50);
          await sandbox.fault({ interface: row.path, isLost: true });
          const res = await call(row, openid);
          expect(res.headers.get('x-cache')).toBe('STALE');
          expect(res.headers.get('x-msdk-is-lost')).toBe('1');
          expect(res.text).toBe(good.text);
        });

        it('is_lost 0: stored', async () => {
          const openid = freshOpenid();
          await call(row, openid);
          expect((await call(row, openid)).headers.get('x-cache')).toBe('HIT');
        });
      });
    }

    it('is_lost as the int 1 on a V3 answer is treated like "1"', async () => {
      const openid = freshOpenid();
      await sandbox.fault({ interface: QQPROFILE.path, body: '{"ret":0,"msg":"","nickName":"x","is_lost":1}' });
      const res = await call(QQPROFILE, openid);
      expect(res.headers.get('x-msdk-is-lost')).toBe('1');
      expect((await call(QQPROFILE, openid)).headers.get('x-cache')).toBe('MISS');
    });

    it('upstream 502 or timeout with an expired copy -> STALE; without a copy -> the envelope', async () => {
      const openid = freshOpenid();
      const good = await call(QQPROFILE, openid);
      await sleep(SHORT_TTL_MS + 50);
      await sandbox.fault({ interface: QQPROFILE.path, httpStatus: 502, times: 2 });
      const stale = await call(QQPROFILE, openid);
      expect(stale.headers.get('x-cache')).toBe('STALE');
      expect(stale.text).toBe(good.text);
      await sandbox.fault({ interface: QQPROFILE.path, delayMs: 1000, times: 2 });
      const slow = await call(QQPROFILE, openid);
      expect(slow.headers.get('x-cache')).toBe('STALE');

      await sandbox.fault({ interface: QQPROFILE.path, httpStatus: 502, times: 2 });
      const none = await call(QQPROFILE, freshOpenid());
      expect(none.status).toBe(502);
      expect(errorOf(none).code).toBe('UPSTREAM_UNAVAILABLE');
      await sandbox.fault({ interface: QQPROFILE.path, delayMs: 1000, times: 2 });
      const timeout = await call(QQPROFILE, freshOpenid());
      expect(timeout.status).toBe(504);
    });

    it("an MSDK error about the user's token is never covered by a stale copy", async () => {
      const openid = freshOpenid();
      await call(QQPROFILE, openid);
      await sleep(SHORT_TTL_MS + 50);
      const res = await gateway.call(QQPROFILE.route, { openid, accessToken: 'expired-token' });
      expect(res.status).toBe(422);
      expect(errorOf(res).code).toBe('MSDK_USER_TOKEN_INVALID');
    });

    it('50 concurrent identical misses make exactly 1 upstream call and get 50 identical answers', async () => {
      const openid = freshOpenid();
      await sandbox.fault({ interface: QQFRIENDS.path, delayMs: 150 });
      const answers = await Promise.all(Array.from({ length: 50 }, () => call(QQFRIENDS, openid)));
      expect(await upstreamCalls(QQFRIENDS)).toBe(1);
      expect(answers.every((a) => a.status === 200 && a.text === answers[0].text)).toBeTruthy();
    });

    it('an interface that is not cached answers BYPASS', async () => {
      const res = await gateway.call('/v1/auth/verify_login', { openid: freshOpenid(), accessToken: TOKEN });
      expect(res.headers.get('x-cache')).toBe('BYPASS');
    });
  });
}
