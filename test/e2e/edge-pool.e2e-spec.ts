import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from '@jest/globals';
import { errorOf } from '../support/gateway-answer.js';
import type { GatewayHarness } from '../support/gateway-harness.js';
import { get } from '../support/http-client.js';
import type { SandboxHarness } from '../support/sandbox-harness.js';
import { withSandboxAndGateway } from '../support/sandbox-and-gateway.js';

const CONNECTIONS = 2;
/** The transport's default: as many calls may wait for a connection as there are connections. */
const MAX_QUEUED = CONNECTIONS;
const HANG_MS = 2000;
const DEADLINE_MS = 1500;
const VERIFY = '/v1/auth/verify_login';
const PROFILE = { openid: 'C0C0C0C0C0C0C0C0C0C0C0C0C0C0C0C0', accessToken: 'TOKEN-123' };

const timed = async <T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> => {
  const started = performance.now();
  const result = await run();
  return { result, ms: performance.now() - started };
};

describe('a slow MSDK holding every upstream connection', () => {
  let sandbox!: SandboxHarness;
  let gateway!: GatewayHarness;
  withSandboxAndGateway(
    {
      configPatch: { upstream: { transport: 'undici', connections: CONNECTIONS } },
      resilience: { attemptTimeoutMs: DEADLINE_MS, deadlineMs: DEADLINE_MS, maxRetries: 0 },
    },
    (s, g) => ((sandbox = s), (gateway = g)),
  );

  it('slows neither cache hits nor health, and an extra miss fails at once with UPSTREAM_POOL_EXHAUSTED', async () => {
    expect((await gateway.call('/v1/relation/qqprofile', PROFILE)).status).toBe(200);
    await sandbox.fault({ interface: '/auth/verify_login', delayMs: HANG_MS, times: 20 });

    // Every connection hangs on MSDK, and as many calls again wait for one (one user each:
    // MSDK's per-user frequency limit would refuse repeats).
    const hanging = Array.from({ length: CONNECTIONS + MAX_QUEUED }, (_, i) =>
      gateway.call(VERIFY, { openid: `HANGING${i}`, accessToken: 'TOKEN' }),
    );
    while ((await sandbox.calls('/auth/verify_login')).length < CONNECTIONS) await sleep(20);
    await sleep(100);

    // Each answers long before the hung calls end (DEADLINE_MS).
    const hit = await timed(() => gateway.call('/v1/relation/qqprofile', PROFILE));
    expect(hit.result.status).toBe(200);
    expect(hit.result.headers.get('x-cache')).toBe('HIT');
    expect(hit.ms).toBeLessThan(DEADLINE_MS / 3);

    const live = await timed(() => get(`${gateway.url}/health/live`));
    expect(live.result.status).toBe(200);
    expect(live.ms).toBeLessThan(DEADLINE_MS / 3);

    const extra = await timed(() => gateway.call(VERIFY, { openid: 'ONE-TOO-MANY', accessToken: 'TOKEN' }));
    expect(extra.result.status).toBe(503);
    expect(errorOf(extra.result).code).toBe('UPSTREAM_POOL_EXHAUSTED');
    expect(errorOf(extra.result).message).toBe(
      `All ${CONNECTIONS} connections to MSDK are busy and ${MAX_QUEUED} calls already wait for one; retry shortly`,
    );
    expect(extra.ms).toBeLessThan(DEADLINE_MS / 3);
    // It never reached MSDK.
    expect((await sandbox.calls('/auth/verify_login')).some((c) => c.rawBody.includes('ONE-TOO-MANY'))).toBe(false);

    // The hung calls end at their deadline, as before.
    const ended = await Promise.all(hanging);
    expect(ended.map((r) => r.status)).toEqual(ended.map(() => 504));
    // ...and the sandbox's delayed answers (timers) before the suite does.
    await sleep(HANG_MS - DEADLINE_MS);

    // Once MSDK answers again, so does the pool.
    await sandbox.reset();
    expect((await gateway.call(VERIFY, { openid: 'AFTERWARDS', accessToken: 'TOKEN' })).status).toBe(200);
  });
});
