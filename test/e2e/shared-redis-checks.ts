import { expect } from '@jest/globals';
import { errorOf } from '../support/gateway-answer.js';
import { hitSoon } from '../support/eventually.js';
import { newClientKey, type GatewayHarness, type TestClient } from '../support/gateway-harness.js';

/*
 * What the Redis Cluster and Sentinel suites check alike, before each kills a master: two gateways
 * on one Redis deployment share cache entries and one rate-limit budget, exactly.
 */

export const CACHED = '/v1/relation/qqprofile';
export const UNCACHED = '/v1/auth/verify_login';
export const TOKEN = '933FE8C9AB9C585D7EABD04373B7155F';
/** One request's time for Redis (cache.redisCommandTimeoutMs), whatever Redis does. */
export const REDIS_BUDGET_MS = 50;
/** The most `metered` may call in a minute, over both gateways. */
const METERED_LIMIT = 10;

/** `load` drives steady traffic (a budget out of reach); `metered` has a small shared budget. */
export function sharedRedisClients(): { load: TestClient; metered: TestClient } {
  const client = (name: string): TestClient => ({
    name,
    key: newClientKey(),
    games: ['demo'],
    scopes: ['auth', 'relation'],
  });
  return { load: client('load'), metered: client('metered') };
}

/** Rate limits counted in Redis call by call (`leaseShare` 0), unless a gateway asks for leases. */
export function sharedRateLimits(leaseShare = 0) {
  return {
    perClient: { limit: 1_000_000, windowMs: 60_000 },
    leaseShare,
    clients: { metered: { limit: METERED_LIMIT, windowMs: 60_000 } },
  };
}

/** Every openid missed (or bypassed) on `a` is a HIT on `b` soon after: one cache between them. */
export async function expectSharedCache(a: GatewayHarness, b: GatewayHarness, openids: readonly string[]) {
  for (const openid of openids) {
    const first = await a.call(CACHED, { openid, accessToken: TOKEN });
    expect(first.status).toBe(200);
    // BYPASS: Redis answered later than the 50 ms budget (a loaded machine); the entry is still written.
    expect(['MISS', 'BYPASS']).toContain(first.headers.get('x-cache'));
    expect(await hitSoon(b, CACHED, { openid, accessToken: TOKEN })).toBe(true);
  }
}

/** `metered`'s calls alternate between the gateways: exactly its limit passes, the rest are 429. */
export async function expectOneBudget(
  a: GatewayHarness,
  b: GatewayHarness,
  metered: TestClient,
  openids: readonly string[],
) {
  const statuses: number[] = [];
  for (let i = 0; i < METERED_LIMIT + 4; i++) {
    const res = await (i % 2 ? b : a).call(UNCACHED, { openid: openids[i], accessToken: TOKEN }, { client: metered });
    statuses.push(res.status);
    if (res.status === 429) expect(errorOf(res).code).toBe('RATE_LIMITED');
  }
  expect(statuses).toEqual([...Array<number>(METERED_LIMIT).fill(200), ...Array<number>(4).fill(429)]);
}
