import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { waitFor } from '../support/eventually.js';
import { GatewayHarness } from '../support/gateway-harness.js';
import { ReadinessWatch } from '../support/readiness-watch.js';
import { RedisSentinelGroup, SENTINEL_MASTER_NAME } from '../support/redis-sentinel.js';
import { SandboxHarness } from '../support/sandbox-harness.js';
import { SteadyLoad, summary } from '../support/steady-load.js';
import {
  CACHED,
  REDIS_BUDGET_MS,
  TOKEN,
  UNCACHED,
  expectOneBudget,
  expectSharedCache,
  sharedRateLimits,
  sharedRedisClients,
} from './shared-redis-checks.js';

/**
 * The gateway on Redis behind sentinels (a master, a replica, three sentinels): the cache and the
 * shared rate-limit counters work through the master the sentinels name, and when that master is
 * SIGKILLed under steady load the sentinels promote the replica and the gateway follows it without
 * a restart: no request fails or waits past the bound below, caching resumes by itself, and
 * readiness names the old and the new master.
 */
const OPENIDS = Array.from({ length: 30 }, (_, i) => `5E47${String(i).padStart(4, '0')}`.padEnd(32, '0'));
/** The Redis budget plus what the sandbox's answer takes on a loaded 2-core CI machine (a generous second). */
const ANSWER_BOUND_MS = REDIS_BUDGET_MS + 1000;

(RedisSentinelGroup.available() ? describe : describe.skip)(
  'on Redis with sentinels (master, replica, 3 sentinels)',
  () => {
    let group: RedisSentinelGroup;
    let sandbox: SandboxHarness;
    let a: GatewayHarness;
    let b: GatewayHarness;
    const { load, metered } = sharedRedisClients();

    beforeAll(async () => {
      group = await RedisSentinelGroup.start();
      sandbox = await SandboxHarness.start();
      const options = {
        sandbox,
        clients: [load, metered],
        configPatch: {
          cache: {
            redisSentinel: { name: SENTINEL_MASTER_NAME, sentinels: group.sentinels },
            redisCommandTimeoutMs: REDIS_BUDGET_MS,
          },
          rateLimits: sharedRateLimits(),
        },
      };
      a = await GatewayHarness.start(options);
      b = await GatewayHarness.start(options);
    }, 60_000);
    afterAll(async () => {
      await a?.close();
      await b?.close();
      await sandbox?.close();
      await group?.stop();
    });

    it('caches through the master: a MISS on one gateway is a HIT on the other', async () => {
      await expectSharedCache(a, b, OPENIDS);
    });

    it('shares one rate-limit budget across gateways, exactly', async () => {
      await expectOneBudget(a, b, metered, OPENIDS);
    });

    it('the master killed under load: the sentinels fail over, the gateway follows, nothing fails', async () => {
      const readiness = new ReadinessWatch(a.url);
      const steady = new SteadyLoad(a, CACHED, OPENIDS);
      await sleep(300);
      await group.kill(group.masterPort);
      const killedAt = steady.now();
      await group.waitForFailover();
      const failedOverAt = steady.now();
      // Caching resumes by itself, on the promoted replica (which has the entries: they replicated).
      const resumed = await waitFor(() => steady.answers.some((x) => x.at > failedOverAt && x.cache === 'HIT'));
      await sleep(300);
      const answers = await steady.stop();
      const seen = await readiness.stop();

      const before = answers.filter((x) => x.at < killedAt);
      const during = answers.filter((x) => x.at >= killedAt && x.at < failedOverAt);
      const after = answers.filter((x) => x.at >= failedOverAt);
      console.log(
        `redis sentinel failover: ${JSON.stringify({ failoverMs: Math.round(failedOverAt - killedAt), before: summary(before), during: summary(during), after: summary(after) })}`,
      );
      expect(resumed).toBe(true);
      expect(summary(answers).failed).toBe(0);
      expect(summary(answers).maxMs).toBeLessThanOrEqual(ANSWER_BOUND_MS);
      expect(during.some((x) => x.cache === 'BYPASS')).toBe(true);

      expect(seen.some((r) => r.status === 'down')).toBe(true);
      const now = await readiness.once();
      expect(now.status).toBe('up');
      expect(now.mode).toBe('sentinel');
      expect(now.masters).toEqual([`127.0.0.1:${group.replicaPort}`]);
      expect(now.lastMasterChange?.from).toEqual([`127.0.0.1:${group.masterPort}`]);
      expect(now.lastMasterChange?.to).toEqual([`127.0.0.1:${group.replicaPort}`]);
      // And the shared counters followed too: b still counts against the one budget in Redis.
      const res = await b.call(UNCACHED, { openid: OPENIDS[0], accessToken: TOKEN }, { client: metered });
      expect(res.status).toBe(429);
    });
  },
);
