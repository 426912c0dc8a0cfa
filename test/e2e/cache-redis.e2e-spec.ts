import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { cacheBehaviourSuite } from './cache-behaviour.js';
import { GatewayHarness } from '../support/gateway-harness.js';
import { RedisServer } from '../support/redis-server.js';
import { SandboxHarness } from '../support/sandbox-harness.js';

// A redis-server this suite owns (so it can stop it); REDIS_URL only when no binary is installed.
const ownRedis = RedisServer.available();
let redis: RedisServer | undefined;
const redisUrl = () => redis?.url ?? process.env.REDIS_URL ?? '';

before(async () => {
  if (ownRedis) redis = await RedisServer.start();
});
after(async () => {
  await redis?.stop();
});

if (ownRedis || process.env.REDIS_URL) {
  cacheBehaviourSuite('redis', () => ({ REDIS_URL: redisUrl() }));
}

describe('Redis outage', { skip: ownRedis ? false : 'needs the redis-server binary to stop and restart a server' }, () => {
  let sandbox: SandboxHarness;
  let gateway: GatewayHarness;
  const body = (openid: string) => ({ openid, accessToken: 'TOKEN-1234' });

  before(async () => {
    sandbox = await SandboxHarness.start();
    gateway = await GatewayHarness.start({ sandbox, env: { REDIS_URL: redisUrl() } });
  });
  after(async () => {
    await gateway.close();
    await sandbox.close();
  });

  it('keeps answering (BYPASS) within the budget while Redis is down, and resumes caching after', async () => {
    const openid = 'D0D0D0D0D0D0D0D0D0D0D0D0D0D0D0D0';
    assert.equal((await gateway.call('/v1/relation/qqprofile', body(openid))).headers.get('x-cache'), 'MISS');
    assert.equal((await gateway.call('/v1/relation/qqprofile', body(openid))).headers.get('x-cache'), 'HIT');

    await redis!.stop();
    const durations: number[] = [];
    for (let i = 0; i < 10; i++) {
      const started = Date.now();
      const res = await gateway.call('/v1/relation/qqprofile', body(openid));
      durations.push(Date.now() - started);
      assert.equal(res.status, 200, res.text);
      assert.equal(res.headers.get('x-cache'), 'BYPASS');
    }
    // Budget: 50 ms per Redis command (get + set) plus the sandbox's own time; generous for CI.
    assert.ok(Math.max(...durations) < 500, `slowest ${Math.max(...durations)} ms`);
    const ready = await fetch(`${gateway.url}/health/ready`);
    assert.equal(ready.status, 503);
    const readyBody = (await ready.json()) as { error: Record<string, { status: string; reason?: string }> };
    assert.equal(readyBody.error.cache.status, 'down');
    assert.ok(readyBody.error.cache.reason);
    assert.equal((await fetch(`${gateway.url}/health/live`)).status, 200);

    await redis!.restart();
    let resumed = false;
    for (let i = 0; i < 50 && !resumed; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const a = await gateway.call('/v1/relation/qqprofile', body(openid));
      resumed = a.headers.get('x-cache') === 'MISS' || a.headers.get('x-cache') === 'HIT';
    }
    assert.ok(resumed, 'caching resumed without restarting the gateway');
    assert.equal((await gateway.call('/v1/relation/qqprofile', body(openid))).headers.get('x-cache'), 'HIT');
    assert.equal((await fetch(`${gateway.url}/health/ready`)).status, 200);
  });
});
