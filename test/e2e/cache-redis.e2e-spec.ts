import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cacheBehaviourSuite } from './cache-behaviour.js';
import { GatewayHarness } from '../support/gateway-harness.js';
import { RedisServer } from '../support/redis-server.js';
import { SandboxHarness } from '../support/sandbox-harness.js';

// A redis-server this suite owns (so it can stop it); REDIS_URL only when no binary is installed.
const ownRedis = RedisServer.available();
let redis: RedisServer | undefined;
const redisUrl = () => redis?.url ?? process.env.REDIS_URL ?? '';

beforeAll(async () => {
  if (ownRedis) redis = await RedisServer.start();
});
afterAll(async () => {
  await redis?.stop();
});

if (ownRedis || process.env.REDIS_URL) {
  cacheBehaviourSuite('redis', () => ({ REDIS_URL: redisUrl() }));
}

// Skipped where there is no redis-server binary to stop and restart a server.
(ownRedis ? describe : describe.skip)('Redis outage', () => {
  let sandbox: SandboxHarness;
  let gateway: GatewayHarness;
  const body = (openid: string) => ({ openid, accessToken: 'TOKEN-1234' });

  beforeAll(async () => {
    sandbox = await SandboxHarness.start();
    gateway = await GatewayHarness.start({ sandbox, env: { REDIS_URL: redisUrl() } });
  });
  afterAll(async () => {
    await gateway.close();
    await sandbox.close();
  });

  it('keeps answering (BYPASS) within the budget while Redis is down, and resumes caching after', async () => {
    const openid = 'D0D0D0D0D0D0D0D0D0D0D0D0D0D0D0D0';
    expect((await gateway.call('/v1/relation/qqprofile', body(openid))).headers.get('x-cache')).toBe('MISS');
    expect((await gateway.call('/v1/relation/qqprofile', body(openid))).headers.get('x-cache')).toBe('HIT');

    await redis!.stop();
    const durations: number[] = [];
    for (let i = 0; i < 10; i++) {
      const started = Date.now();
      const res = await gateway.call('/v1/relation/qqprofile', body(openid));
      durations.push(Date.now() - started);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-cache')).toBe('BYPASS');
    }
    // Budget: 50 ms per Redis command (get + set) plus the sandbox's own time; generous for CI.
    expect(Math.max(...durations) < 500).toBeTruthy();
    const ready = await fetch(`${gateway.url}/health/ready`);
    expect(ready.status).toBe(503);
    const readyBody = (await ready.json()) as { error: Record<string, { status: string; reason?: string }> };
    expect(readyBody.error.cache.status).toBe('down');
    expect(readyBody.error.cache.reason).toBeTruthy();
    expect((await fetch(`${gateway.url}/health/live`)).status).toBe(200);

    await redis!.restart();
    let resumed = false;
    for (let i = 0; i < 50 && !resumed; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const a = await gateway.call('/v1/relation/qqprofile', body(openid));
      resumed = a.headers.get('x-cache') === 'MISS' || a.headers.get('x-cache') === 'HIT';
    }
    expect(resumed).toBeTruthy();
    expect((await gateway.call('/v1/relation/qqprofile', body(openid))).headers.get('x-cache')).toBe('HIT');
    expect((await fetch(`${gateway.url}/health/ready`)).status).toBe(200);
  });
});
