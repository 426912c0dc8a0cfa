import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newClientKey, sha256 } from '../support/gateway-harness.js';
import { GatewayProcess } from '../support/gateway-process.js';
import { get, post, type HttpResult } from '../support/http-client.js';
import { sampleValue } from '../support/prometheus-text.js';
import { RedisServer } from '../support/redis-server.js';
import { SandboxHarness } from '../support/sandbox-harness.js';
import { TEST_GAME } from '../support/test-game.js';

/**
 * Three gateway processes sharing one Redis make one MSDK call per cold key between them
 * (issue 24.3): 200 concurrent identical requests spread over the three reach MSDK once and all
 * get its answer; a holder killed mid-call is taken over once its lease lapses; a degraded answer
 * reaches every waiter and is not cached; without Redis each process still makes one call.
 */
const INSTANCES = 3;
const REQUESTS = 200;
const ROUNDS = 3;
const PROFILE = '/v1/relation/qqprofile';
const MSDK_PROFILE = '/relation/qqprofile';
/** The lease lapses this long after its holder dies (the lease is one MSDK attempt's time). */
const ATTEMPT_TIMEOUT_MS = 3000;
/** What a waiter may wait: room for a lapsed lease and the takeover's call. */
const DEADLINE_MS = 10_000;
/** Long enough that every request is in before MSDK answers, and well within one attempt. */
const HOLD_MS = 1000;
const METRIC = 'msdk_gateway_fleet_single_flight_total';
/**
 * A request's Redis budget. A request whose budget is spent loads on its own (`local`), by design;
 * three gateways taking 200 requests at once on a loaded 2-core CI machine can spend the 50 ms
 * default on scheduling alone, which would test the machine, not the lease.
 */
const REDIS_BUDGET_MS = 1000;
const clientKey = newClientKey();

const freshOpenid = () => randomBytes(16).toString('hex').toUpperCase();
const call = (url: string, openid: string) =>
  post(`${url}${PROFILE}`, { openid, accessToken: 'TOKEN-123' }, { authorization: `Bearer ${clientKey}` });

/** When redis-server is missing the suite skips, saying why (CI installs it). */
const withRedis = RedisServer.available() ? describe : describe.skip;
if (!RedisServer.available()) console.warn('fleet-single-flight: skipped, no redis-server on PATH');

withRedis('fleet single-flight: one MSDK call per key across gateway instances', () => {
  let redis!: RedisServer;
  let sandbox!: SandboxHarness;
  const gateways: Array<{ proc: GatewayProcess; url: string }> = [];

  beforeAll(async () => {
    redis = await RedisServer.start();
    sandbox = await SandboxHarness.start();
    const config = JSON.stringify({
      upstream: { v3BaseUrl: sandbox.url },
      resilience: { attemptTimeoutMs: ATTEMPT_TIMEOUT_MS, deadlineMs: DEADLINE_MS, maxRetries: 0 },
      rateLimits: { perClient: { limit: 1_000_000 } },
      cache: { redisCommandTimeoutMs: REDIS_BUDGET_MS },
      games: [{ id: 'demo', qqAppId: TEST_GAME.qqAppId, wechatAppId: TEST_GAME.wechatAppId }],
      clients: [{ name: 'fleet', keySha256: [sha256(clientKey)], games: ['demo'], scopes: ['relation'] }],
    });
    for (let i = 0; i < INSTANCES; i++) {
      const proc = GatewayProcess.spawn({
        GATEWAY_CONFIG_JSON: config,
        REDIS_URL: redis.url,
        MSDK_GAME_DEMO_MSDKKEY: sandbox.keys.msdkKey,
      });
      gateways.push({ proc, url: await proc.listening() });
    }
    // Warm each process up (first requests compile code paths) on a key of its own.
    for (const { url } of gateways) await herd([url], freshOpenid(), 20);
    await sandbox.reset();
  });

  afterAll(async () => {
    for (const { proc } of gateways) {
      if (proc.child.exitCode === null && proc.child.signalCode === null) proc.child.kill('SIGTERM');
      await proc.exitCode();
    }
    await sandbox?.close();
    await redis?.stop();
  });

  const alive = () => gateways.filter(({ proc }) => proc.child.exitCode === null && proc.child.signalCode === null);
  const upstreamCalls = async (openid: string) =>
    (await sandbox.calls(MSDK_PROFILE)).filter(
      (c) => c.query.openid === openid || JSON.stringify(c.body).includes(openid),
    ).length;
  /** `count` concurrent identical requests for `openid`, spread over `urls` in turn. */
  const herd = (urls: readonly string[], openid: string, count = REQUESTS) =>
    Promise.all(Array.from({ length: count }, (_, i) => call(urls[i % urls.length], openid)));
  const roles = async (url: string) => {
    const text = (await get(`${url}/metrics`)).text;
    const of = (role: string) => sampleValue(text, METRIC, { role }) ?? 0;
    return { leader: of('leader'), waiter: of('waiter'), takeover: of('takeover'), local: of('local') };
  };
  const sameAnswers = (answers: readonly HttpResult[]) => {
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
  };

  it(`${REQUESTS} concurrent requests for one cold key over ${INSTANCES} instances make one MSDK call, ${ROUNDS} rounds`, async () => {
    const urls = gateways.map((g) => g.url);
    const before = await Promise.all(urls.map(roles));
    for (let round = 0; round < ROUNDS; round++) {
      const openid = freshOpenid();
      await sandbox.fault({ interface: MSDK_PROFILE, delayMs: HOLD_MS });
      const answers = await herd(urls, openid);
      sameAnswers(answers);
      expect(await upstreamCalls(openid)).toBe(1);
      // Cached now: the next request, on any instance, is a hit.
      const next = await call(urls[round % urls.length], openid);
      expect([next.headers.get('x-cache'), next.text]).toEqual(['HIT', answers[0].text]);
    }
    const byInstance = await Promise.all(urls.map(roles));
    const total = (role: keyof (typeof byInstance)[number]) =>
      byInstance.reduce((sum, r, i) => sum + r[role] - before[i][role], 0);
    expect([total('leader'), total('waiter'), total('takeover'), total('local')]).toEqual([
      ROUNDS,
      ROUNDS * (INSTANCES - 1),
      0,
      0,
    ]);
  }, 60_000);

  it('passes a degraded (is_lost=1) answer to every waiter and never caches it: the next request is a miss', async () => {
    const urls = gateways.map((g) => g.url);
    const openid = freshOpenid();
    await sandbox.fault({ interface: MSDK_PROFILE, delayMs: HOLD_MS, isLost: true });
    const answers = await herd(urls, openid);
    sameAnswers(answers);
    expect(new Set(answers.map((a) => a.headers.get('x-msdk-is-lost')))).toEqual(new Set(['1']));
    expect(await upstreamCalls(openid)).toBe(1);

    const next = await call(urls[1], openid);
    expect([next.status, next.headers.get('x-cache'), next.headers.get('x-msdk-is-lost')]).toEqual([200, 'MISS', '0']);
    expect(await upstreamCalls(openid)).toBe(2);
  }, 60_000);

  it('a waiter takes over once the lease of a killed holder lapses, and the survivors’ callers get answers', async () => {
    const urls = gateways.map((g) => g.url);
    const openid = freshOpenid();
    const before = await Promise.all(urls.map(roles));
    // The holder's call hangs (past its own attempt timeout: it is killed long before that).
    await sandbox.fault({ interface: MSDK_PROFILE, delayMs: ATTEMPT_TIMEOUT_MS + 500 });
    const pending = urls.map((url) => herd([url], openid, 20).catch(() => 'killed' as const));
    // The holder is the instance whose leader count moved once its call reached MSDK.
    let holder = -1;
    while (holder < 0) {
      if ((await upstreamCalls(openid)) === 1) {
        const now = await Promise.all(urls.map(roles));
        holder = now.findIndex((r, i) => r.leader > before[i].leader);
      }
      if (holder < 0) await new Promise((r) => setTimeout(r, 20));
    }
    gateways[holder].proc.child.kill('SIGKILL');
    await gateways[holder].proc.exitCode();

    const survivors = urls.filter((_, i) => i !== holder);
    const answers = (await Promise.all(pending.filter((_, i) => i !== holder))).flatMap((a) =>
      a === 'killed' ? [] : a,
    );
    expect(answers).toHaveLength(20 * survivors.length);
    sameAnswers(answers);
    expect(await upstreamCalls(openid)).toBe(2);
    const after = await Promise.all(survivors.map(roles));
    const survivorsBefore = before.filter((_, i) => i !== holder);
    expect(after.reduce((sum, r, i) => sum + r.takeover - survivorsBefore[i].takeover, 0)).toBe(1);
    const survivorLogs = gateways.filter((_, i) => i !== holder).map((g) => g.proc.stdout);
    expect(survivorLogs.filter((log) => log.includes('took over a cache key whose lease lapsed'))).toHaveLength(1);
  }, 60_000);

  it('without Redis each instance falls back to its own single-flight: every request answered, one call each', async () => {
    await redis.stop();
    const urls = alive().map((g) => g.url);
    const before = await Promise.all(urls.map(roles));
    const openid = freshOpenid();
    // Each process's call is held, so all its requests join it (nothing remembers an answer once
    // its flight ends: there is no cache without Redis).
    await sandbox.fault({ interface: MSDK_PROFILE, delayMs: HOLD_MS, times: urls.length });
    const answers = await herd(urls, openid);
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    expect(new Set(answers.map((a) => a.headers.get('x-cache')))).toEqual(new Set(['BYPASS']));
    expect(await upstreamCalls(openid)).toBe(urls.length);
    const after = await Promise.all(urls.map(roles));
    expect(after.map((r, i) => r.local - before[i].local)).toEqual(urls.map(() => 1));
  }, 60_000);
});
