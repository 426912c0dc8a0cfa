import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GatewayHarness, newClientKey } from '../support/gateway-harness.js';
import { get } from '../support/http-client.js';
import { sampleValue } from '../support/prometheus-text.js';
import { SandboxHarness } from '../support/sandbox-harness.js';

const PROFILE = '/relation/qqprofile';
const body = (openid: string) => ({ openid, accessToken: 'TOKEN-ABC' });

describe('metrics after a scripted sequence', () => {
  let sandbox: SandboxHarness;
  let gateway: GatewayHarness;
  let text: string;

  beforeAll(async () => {
    sandbox = await SandboxHarness.start();
    gateway = await GatewayHarness.start({
      sandbox,
      resilience: { attemptTimeoutMs: 200, deadlineMs: 500, maxRetries: 1 },
    });
    // a miss, then a hit
    await gateway.call('/v1/relation/qqprofile', body('AAAA0001'));
    await gateway.call('/v1/relation/qqprofile', body('AAAA0001'));
    // an is_lost answer (no copy: passed through)
    await sandbox.fault({ interface: PROFILE, isLost: true });
    await gateway.call('/v1/relation/qqprofile', body('AAAA0002'));
    // a retry: 502 once, then ok
    await sandbox.fault({ interface: '/auth/verify_login', httpStatus: 502 });
    await gateway.call('/v1/auth/verify_login', body('AAAA0003'));
    // a timeout: both attempts time out
    await sandbox.fault({ interface: '/auth/check_token', delayMs: 400, times: 2 });
    await gateway.call('/v1/auth/check_token', body('AAAA0004'));
    text = (await get(`${gateway.url}/metrics`)).text;
  });
  afterAll(async () => {
    await gateway.close();
    await sandbox.close();
  });

  const value = (name: string, labels: Record<string, string>) => sampleValue(text, name, labels) ?? 0;

  it('counts cache results per interface: one miss (stored), one hit, one miss (is_lost, not stored)', () => {
    expect(value('msdk_gateway_cache_lookups_total', { interface: 'relation.qqprofile', result: 'miss' })).toBe(2);
    expect(value('msdk_gateway_cache_lookups_total', { interface: 'relation.qqprofile', result: 'hit' })).toBe(1);
    expect(value('msdk_gateway_is_lost_answers_total', { interface: 'relation.qqprofile' })).toBe(1);
  });

  it('counts upstream attempts by outcome and the retry', () => {
    expect(value('msdk_gateway_upstream_attempts_total', { interface: 'relation.qqprofile', outcome: 'ok' })).toBe(2);
    expect(
      value('msdk_gateway_upstream_attempts_total', { interface: 'auth.verify_login', outcome: 'unavailable' }),
    ).toBe(1);
    expect(value('msdk_gateway_upstream_attempts_total', { interface: 'auth.verify_login', outcome: 'ok' })).toBe(1);
    expect(value('msdk_gateway_upstream_retries_total', { interface: 'auth.verify_login' })).toBe(1);
    expect(value('msdk_gateway_upstream_attempts_total', { interface: 'auth.check_token', outcome: 'timeout' })).toBe(
      2,
    );
    expect(value('msdk_gateway_upstream_retries_total', { interface: 'auth.check_token' })).toBe(1);
    expect(
      value('msdk_gateway_upstream_attempt_duration_seconds_count', {
        interface: 'auth.check_token',
        outcome: 'timeout',
      }),
    ).toBe(2);
  });

  it("counts MSDK's business answers by ret class", () => {
    expect(value('msdk_gateway_msdk_answers_total', { interface: 'relation.qqprofile', ret_class: 'ok' })).toBe(2);
    expect(value('msdk_gateway_msdk_answers_total', { interface: 'auth.verify_login', ret_class: 'ok' })).toBe(1);
  });

  it('observes inbound durations by route template and status class, with buckets past 3.1 s', () => {
    expect(
      value('msdk_gateway_http_request_duration_seconds_count', {
        route: '/v1/relation/qqprofile',
        method: 'POST',
        status_class: '2xx',
      }),
    ).toBe(3);
    expect(
      value('msdk_gateway_http_request_duration_seconds_count', {
        route: '/v1/auth/check_token',
        method: 'POST',
        status_class: '5xx',
      }),
    ).toBe(1);
    expect(text.includes('le="3.1"') && text.includes('le="7"')).toBeTruthy();
  });

  it('shows the breaker state and default process metrics', () => {
    expect(text).toMatch(/msdk_gateway_circuit_breaker_state\{upstream="127\.0\.0\.1:\d+"\} 0/);
    expect(text.includes('msdk_gateway_process_resident_memory_bytes')).toBeTruthy();
  });

  it('has no openid, token or raw URL in any label', () => {
    for (const secret of ['AAAA0001', 'TOKEN-ABC', 'sig=', 'timestamp=']) expect(!text.includes(secret)).toBeTruthy();
  });
});

describe('metrics access', () => {
  it('can require an admin key (metricsRequireAdminKey)', async () => {
    const sandbox = await SandboxHarness.start();
    const admin = { name: 'ops', key: newClientKey(), games: ['demo'], scopes: ['admin' as const] };
    const app = { name: 'lobby', key: newClientKey(), games: ['demo'], scopes: ['auth' as const] };
    const gateway = await GatewayHarness.start({ sandbox, clients: [app, admin], env: { METRICS_REQUIRE_ADMIN: '1' } });
    try {
      expect((await get(`${gateway.url}/metrics`)).status).toBe(401);
      expect((await get(`${gateway.url}/metrics`, { authorization: `Bearer ${app.key}` })).status).toBe(403);
      expect((await get(`${gateway.url}/metrics`, { authorization: `Bearer ${admin.key}` })).status).toBe(200);
    } finally {
      await gateway.close();
      await sandbox.close();
    }
  });
});
