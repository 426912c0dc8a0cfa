import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { errorOf, type MsdkAnswer } from '../support/gateway-answer.js';
import { GatewayHarness } from '../support/gateway-harness.js';
import { RedisServer } from '../support/redis-server.js';
import { SandboxHarness } from '../support/sandbox-harness.js';
import { withSandboxAndGateway } from '../support/sandbox-and-gateway.js';

/**
 * Stale if slow: MSDK slower than `staleIfSlowMs` on a cached read whose copy exists -> the copy
 * answers (STALE) while the call goes on and, when good, refreshes the entry. Against a real
 * redis-server this suite starts (the memory store where there is no redis-server binary).
 */
const TTL_MS = 300;
const STALE_IF_SLOW_MS = 400;
const TOKEN = '933FE8C9AB9C585D7EABD04373B7155F';
const QQPROFILE = { route: '/v1/relation/qqprofile', path: '/relation/qqprofile' };
let n = 0;
const freshOpenid = () => `5A1E${Date.now().toString(16).toUpperCase()}${(n++).toString(16)}`.padEnd(32, '0');
/** qqprofile's answer, as far as these tests read it. */
type Profile = MsdkAnswer & { nickName?: string };
const lateBody = (nickName: string) => JSON.stringify({ ret: 0, msg: '', nickName, is_lost: '0' });

let redis: RedisServer | undefined;
/** No REDIS_URL at all means the memory store (an empty one is a config error). */
const redisEnv = (): Record<string, string> => (redis ? { REDIS_URL: redis.url } : {});
beforeAll(async () => {
  if (RedisServer.available()) redis = await RedisServer.start();
});
/** The gateway for these tests: qqprofile cached for TTL_MS, with the given staleIfSlowMs. */
const stack = (staleIfSlowMs: number) => ({
  env: redisEnv(),
  resilience: { attemptTimeoutMs: 1500, deadlineMs: 1800, maxRetries: 0, breakerThreshold: 1000 },
  configPatch: {
    cache: { ttlJitter: 0, interfaces: { 'relation.qqprofile': { ttlMs: TTL_MS, staleIfSlowMs } } },
  },
});
afterAll(async () => {
  await redis?.stop();
});

describe('stale if slow', () => {
  let sandbox!: SandboxHarness;
  let gateway!: GatewayHarness;
  withSandboxAndGateway(
    () => stack(STALE_IF_SLOW_MS),
    (s, g) => ((sandbox = s), (gateway = g)),
  );

  const call = (openid: string) => gateway.call<Profile>(QQPROFILE.route, { openid, accessToken: TOKEN });
  /** A good answer cached, then expired (but inside the stale window). */
  const expiredCopy = async (openid: string) => {
    const good = await call(openid);
    expect(good.headers.get('x-cache')).toBe('MISS');
    await sleep(TTL_MS + 50);
    return good.text;
  };

  it('MSDK hanging with a copy: the copy answers (STALE) within staleIfSlowMs + 100 ms, one call for all', async () => {
    const openid = freshOpenid();
    const copy = await expiredCopy(openid);
    await sandbox.fault({ interface: QQPROFILE.path, hang: true });
    const started = performance.now();
    const answers = await Promise.all(Array.from({ length: 5 }, () => call(openid)));
    const elapsed = performance.now() - started;
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.headers.get('x-cache')).toBe('STALE');
      expect(answer.text).toBe(copy);
    }
    expect(elapsed).toBeLessThanOrEqual(STALE_IF_SLOW_MS + 100);
    expect((await sandbox.calls(QQPROFILE.path)).length).toBe(2); // the first MISS, then one for all five
  });

  it('MSDK late and good: the copy answers, and the late answer refreshes the entry', async () => {
    const openid = freshOpenid();
    const copy = await expiredCopy(openid);
    await sandbox.fault({ interface: QQPROFILE.path, delayMs: STALE_IF_SLOW_MS + 300, body: lateBody('late') });
    const stale = await call(openid);
    expect([stale.headers.get('x-cache'), stale.text]).toEqual(['STALE', copy]);
    await sleep(500); // the late answer arrives and is written
    const next = await call(openid);
    expect(next.headers.get('x-cache')).toBe('HIT');
    expect(next.json.nickName).toBe('late');
  });

  it('MSDK late and degraded (is_lost): the copy answers, and the entry is kept', async () => {
    const openid = freshOpenid();
    const copy = await expiredCopy(openid);
    await sandbox.fault({ interface: QQPROFILE.path, delayMs: STALE_IF_SLOW_MS + 300, isLost: true });
    const stale = await call(openid);
    expect([stale.headers.get('x-cache'), stale.text]).toEqual(['STALE', copy]);
    await sleep(500); // the late, degraded answer arrives: never written
    await sandbox.fault({ interface: QQPROFILE.path, hang: true });
    const next = await call(openid);
    expect([next.headers.get('x-cache'), next.text]).toEqual(['STALE', copy]);
  });

  it('a user-token error MSDK answers in time is never covered by the copy', async () => {
    const openid = freshOpenid();
    await expiredCopy(openid);
    const res = await gateway.call(QQPROFILE.route, { openid, accessToken: 'expired-token' });
    expect(res.status).toBe(422);
    expect(errorOf(res).code).toBe('MSDK_USER_TOKEN_INVALID');
  });

  it('without a copy: the full deadline, then 504', async () => {
    await sandbox.fault({ interface: QQPROFILE.path, hang: true });
    const started = performance.now();
    const res = await call(freshOpenid());
    expect(res.status).toBe(504);
    expect(performance.now() - started).toBeGreaterThan(1400); // the attempt's 1500 ms, not the copy's 400
  });
});

describe('stale if slow switched off for an interface (staleIfSlowMs 0)', () => {
  let sandbox!: SandboxHarness;
  let gateway!: GatewayHarness;
  withSandboxAndGateway(
    () => stack(0),
    (s, g) => ((sandbox = s), (gateway = g)),
  );

  it('waits for MSDK, however slow, and answers its fresh answer', async () => {
    const openid = freshOpenid();
    const body = { openid, accessToken: TOKEN };
    await gateway.call(QQPROFILE.route, body);
    await sleep(TTL_MS + 50);
    await sandbox.fault({ interface: QQPROFILE.path, delayMs: 1000, body: lateBody('slow') });
    const res = await gateway.call<Profile>(QQPROFILE.route, body);
    expect(res.headers.get('x-cache')).toBe('MISS');
    expect(res.json.nickName).toBe('slow');
  });
});
