import { describe, expect, it } from '@jest/globals';
import { cacheBehaviourSuite } from './cache-behaviour.js';
import { GatewayHarness } from '../support/gateway-harness.js';
import { SandboxHarness } from '../support/sandbox-harness.js';
import { withSandboxAndGateway } from '../support/sandbox-and-gateway.js';

// No REDIS_URL (the harness does not pass the process's environment on): the in-memory LRU.
cacheBehaviourSuite('memory', () => ({}));

describe('the memory store', () => {
  let gateway!: GatewayHarness;
  withSandboxAndGateway({ env: {} }, (_s: SandboxHarness, g) => (gateway = g));

  it('is what readiness reports when no Redis is configured', async () => {
    const ready = (await (await fetch(`${gateway.url}/health/ready`)).json()) as {
      details: Record<string, { status: string; store?: string }>;
    };
    expect(ready.details.cache).toEqual({ status: 'up', store: 'memory' });
  });
});

describe('switching the cache off', () => {
  const PROFILE = { openid: 'B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0', accessToken: 'TOKEN-123' };

  describe('for one interface', () => {
    let sandbox!: SandboxHarness;
    let gateway!: GatewayHarness;
    withSandboxAndGateway(
      { configPatch: { cache: { interfaces: { 'relation.qqprofile': { enabled: false } } } } },
      (s, g) => ((sandbox = s), (gateway = g)),
    );

    it('answers that interface BYPASS every time while others still cache', async () => {
      for (let i = 0; i < 2; i++)
        expect((await gateway.call('/v1/relation/qqprofile', PROFILE)).headers.get('x-cache')).toBe('BYPASS');
      expect((await sandbox.calls('/relation/qqprofile')).length).toBe(2);
      await gateway.call('/v1/relation/get_vip_rich_info', PROFILE);
      expect((await gateway.call('/v1/relation/get_vip_rich_info', PROFILE)).headers.get('x-cache')).toBe('HIT');
    });
  });

  describe('entirely (CACHE_ENABLED=0)', () => {
    let sandbox!: SandboxHarness;
    let gateway!: GatewayHarness;
    withSandboxAndGateway({ env: { CACHE_ENABLED: '0' } }, (s, g) => ((sandbox = s), (gateway = g)));

    it('answers every cacheable interface BYPASS and always asks MSDK', async () => {
      for (const route of ['/v1/relation/qqprofile', '/v1/relation/get_vip_rich_info']) {
        for (let i = 0; i < 2; i++) expect((await gateway.call(route, PROFILE)).headers.get('x-cache')).toBe('BYPASS');
      }
      expect((await sandbox.calls()).length).toBe(4);
    });
  });
});
