import { connect } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { errorOf } from '../support/gateway-answer.js';
import { GatewayHarness, newClientKey, type TestClient } from '../support/gateway-harness.js';
import { get, type HttpResult } from '../support/http-client.js';
import { sampleValue } from '../support/prometheus-text.js';
import { RedisServer } from '../support/redis-server.js';
import { SandboxHarness } from '../support/sandbox-harness.js';
import { withSandboxAndGateway } from '../support/sandbox-and-gateway.js';

const VERIFY = '/v1/auth/verify_login';
const CHECK = '/v1/auth/check_token';
const user = (n: number) => ({ openid: `B0B0${String(n).padStart(28, '0')}`, accessToken: 'TOKEN-RATE-1' });
const client = (name: string): TestClient => ({
  name,
  key: newClientKey(),
  games: ['demo'],
  scopes: ['auth', 'relation', 'profile'],
});

const assertLimited = (res: HttpResult, code = 'RATE_LIMITED', maxRetryAfter = 60) => {
  expect(res.status).toBe(429);
  const error = errorOf(res);
  expect(error.code).toBe(code);
  expect(error.requestId).toBe(res.headers.get('x-request-id'));
  expect(error.msdk).toBe(undefined);
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= maxRetryAfter).toBeTruthy();
};

describe('per-client rate limits (one instance, memory counter)', () => {
  let sandbox: SandboxHarness;
  let gateway: GatewayHarness;
  const lobby = client('lobby');
  const batch = client('batch');
  const quiet = client('quiet');

  beforeAll(async () => {
    sandbox = await SandboxHarness.start();
    gateway = await GatewayHarness.start({
      sandbox,
      clients: [lobby, batch, quiet],
      configPatch: {
        rateLimits: {
          perClient: { limit: 3, windowMs: 60_000 },
          clients: { batch: { limit: 100, windowMs: 60_000 } },
          interfaces: { 'auth.check_token': { limit: 2, windowMs: 60_000 } },
        },
      },
    });
  });
  afterAll(async () => {
    await gateway.close();
    await sandbox.close();
  });
  beforeEach(() => sandbox.reset());

  it('the N+1st call in the window is 429 RATE_LIMITED with Retry-After, and never reaches MSDK', async () => {
    for (let i = 0; i < 3; i++) expect((await gateway.call(VERIFY, user(i), { client: lobby })).status).toBe(200);
    assertLimited(await gateway.call(VERIFY, user(9), { client: lobby }));
    assertLimited(await gateway.call('/v1/relation/qqprofile', user(9), { client: lobby }), 'RATE_LIMITED');
    expect((await sandbox.calls()).length).toBe(3);
  });

  it('budgets are per client: another client is unaffected; health and docs are never counted', async () => {
    expect((await gateway.call(VERIFY, user(1), { client: quiet })).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await get(`${gateway.url}/health/live`)).status).toBe(200);
  });

  it('a per-client override and a per client+interface budget', async () => {
    // batch may make 100 calls, but only 2 of check_token (its per-interface budget).
    for (let i = 0; i < 2; i++) expect((await gateway.call(CHECK, user(i), { client: batch })).status).toBe(200);
    assertLimited(await gateway.call(CHECK, user(3), { client: batch }));
    for (let i = 0; i < 5; i++) expect((await gateway.call(VERIFY, user(i), { client: batch })).status).toBe(200);
  });

  it('a caller whose key fails auth gets 401, not 429 (limits apply after caller auth)', async () => {
    const res = await gateway.call(VERIFY, user(1), { client: { ...lobby, key: newClientKey() } });
    expect(res.status).toBe(401);
  });

  it('counts rejections per client for metrics', async () => {
    const text = (await get(`${gateway.url}/metrics`)).text;
    expect(sampleValue(text, 'msdk_gateway_rate_limit_rejections_total', { client: 'lobby' })).toBe(2);
    expect(sampleValue(text, 'msdk_gateway_rate_limit_rejections_total', { client: 'batch' })).toBe(1);
  });
});

const ownRedis = RedisServer.available();

// Skipped where there is no redis-server binary.
(ownRedis ? describe : describe.skip)('shared budget in Redis', () => {
  let redis: RedisServer;
  let sandbox: SandboxHarness;
  let a: GatewayHarness;
  let b: GatewayHarness;
  const shared = client('shared');
  const slow = client('slow');
  const down = client('down');
  const leased = client('leased');

  beforeAll(async () => {
    redis = await RedisServer.start();
    sandbox = await SandboxHarness.start();
    const options = {
      sandbox,
      clients: [shared, slow, down, leased],
      env: { REDIS_URL: redis.url },
      configPatch: {
        rateLimits: {
          perClient: { limit: 6, windowMs: 60_000 },
          fallbackShare: 0.5,
          // 6 x 0.25 is one call: the other clients are counted call by call; `leased` takes 5 at a time.
          leaseShare: 0.25,
          clients: { leased: { limit: 20, windowMs: 60_000 } },
        },
      },
    };
    a = await GatewayHarness.start(options);
    b = await GatewayHarness.start(options);
  });
  afterAll(async () => {
    // Optional chaining: a failed start must still stop what did start (a live redis-server keeps the run waiting).
    await a?.close();
    await b?.close();
    await sandbox?.close();
    await redis?.stop();
  });

  it('two gateway instances on one Redis draw on one budget', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await (i % 2 ? b : a).call(VERIFY, user(i), { client: shared })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    assertLimited(await a.call(VERIFY, user(7), { client: shared }));
    assertLimited(await b.call(VERIFY, user(8), { client: shared }));
  });

  it('a big budget is taken from Redis in leases, and two instances together still spend no more than the limit', async () => {
    const admitted = async (gateway: GatewayHarness, calls: number) => {
      let ok = 0;
      for (let i = 0; i < calls; i++) {
        const res = await gateway.call(VERIFY, user(i), { client: leased });
        if (res.status === 200) ok++;
        else assertLimited(res);
      }
      return ok;
    };
    expect(await admitted(a, 12)).toBe(12);
    expect(await admitted(b, 10)).toBe(5);
    expect(await admitted(a, 10)).toBe(3);
  });

  it('Redis slow (stalled past the command budget): counted on the instance, without waiting on Redis', async () => {
    await pauseRedis(redis.port, 1500);
    const statuses: number[] = [];
    const durations: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = Date.now();
      statuses.push((await a.call(VERIFY, user(i), { client: slow })).status);
      durations.push(Date.now() - started);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(Math.max(...durations) < 400).toBeTruthy();
    await new Promise((r) => setTimeout(r, 1600));
  });

  it('Redis stopped: each instance still limits, alone, to its share of the budget (never unlimited)', async () => {
    await redis.stop();
    for (const gateway of [a, b]) {
      const statuses: number[] = [];
      const started = Date.now();
      for (let i = 0; i < 5; i++) statuses.push((await gateway.call(VERIFY, user(i), { client: down })).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect(Date.now() - started < 2000).toBeTruthy();
    }
    const limited = await a.call(VERIFY, user(1), { client: down });
    assertLimited(limited);
    await new Promise((r) => setTimeout(r, 50));
    // Nest's static Logger writes to the last gateway created in this process: look at both.
    expect([...a.logs, ...b.logs].some((l) => l.includes('counting on this instance'))).toBeTruthy();
  });
});

describe('per-user guard (MSDK allows about one call per second per user and interface)', () => {
  let sandbox!: SandboxHarness;
  let gateway!: GatewayHarness;
  withSandboxAndGateway(
    { configPatch: { rateLimits: { perUser: { enabled: true, limit: 1, windowMs: 1000 } } } },
    (s, g) => ((sandbox = s), (gateway = g)),
  );

  it('a second call for the same user and interface within the window is 429 MSDK_FREQUENCY_LIMIT, before MSDK', async () => {
    expect((await gateway.call(VERIFY, user(100))).status).toBe(200);
    assertLimited(await gateway.call(VERIFY, user(100)), 'MSDK_FREQUENCY_LIMIT', 1);
    expect((await gateway.call(VERIFY, user(101))).status).toBe(200);
    expect((await gateway.call(CHECK, user(100))).status).toBe(200);
    expect((await sandbox.calls('/auth/verify_login')).length).toBe(2);
    await new Promise((r) => setTimeout(r, 1050));
    expect((await gateway.call(VERIFY, user(100))).status).toBe(200);
  });

  it('cache hits and single-flight followers never spend from the user budget', async () => {
    const body = user(200);
    const first = await Promise.all(Array.from({ length: 5 }, () => gateway.call('/v1/relation/qqprofile', body)));
    expect(first.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    for (let i = 0; i < 3; i++) {
      const res = await gateway.call('/v1/relation/qqprofile', body);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-cache')).toBe('HIT');
    }
    expect((await sandbox.calls('/relation/qqprofile')).length).toBe(1);
    // Reading past the cache goes to MSDK, so it does count.
    assertLimited(
      await gateway.call('/v1/relation/qqprofile', body, { headers: { 'cache-control': 'no-cache' } }),
      'MSDK_FREQUENCY_LIMIT',
      1,
    );
  });
});

/** Makes Redis stall every client for `ms` (CLIENT PAUSE): a slow Redis, not a dead one. */
async function pauseRedis(port: number, ms: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`CLIENT PAUSE ${ms} ALL\r\n`));
    socket.once('data', (d) => {
      socket.destroy();
      const reply = d.toString();
      if (reply.startsWith('+OK')) resolve();
      else reject(new Error(`CLIENT PAUSE: ${reply}`));
    });
    socket.once('error', reject);
  });
}
