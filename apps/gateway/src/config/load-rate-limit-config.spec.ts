import { describe, expect, it } from '@jest/globals';
import { ProblemList } from './config-error.js';
import { loadRateLimitConfig } from './load-rate-limit-config.js';

const load = (o: Record<string, unknown>, env: Record<string, string> = {}) => {
  const problems = new ProblemList();
  const config = loadRateLimitConfig(o, env, ['lobby'], problems);
  return { config, problems: problems.problems };
};

describe('loadRateLimitConfig', () => {
  it('has documented defaults: on, 1000 calls/s per client, per-user check off (1/s when on), full share, 1% leases', () => {
    const { config, problems } = load({});
    expect(problems).toEqual([]);
    expect(config).toEqual({
      enabled: true,
      perClient: { limit: 1000, windowMs: 1000 },
      clients: {},
      interfaces: {},
      perUser: { enabled: false, limit: 1, windowMs: 1000 },
      fallbackShare: 1,
      leaseShare: 0.01,
    });
  });

  it('reads overrides per client and per interface', () => {
    const { config, problems } = load({
      perClient: { limit: 50 },
      clients: { lobby: { limit: 10, windowMs: 60000, interfaces: { 'profile.get_gift': { limit: 1 } } } },
      interfaces: { 'share.qq': { limit: 5, windowMs: 2000 } },
      perUser: { enabled: true },
      fallbackShare: 0.25,
    });
    expect(problems).toEqual([]);
    expect(config.perClient).toEqual({ limit: 50, windowMs: 1000 });
    expect(config.clients.lobby).toEqual({
      limit: { limit: 10, windowMs: 60000 },
      interfaces: { 'profile.get_gift': { limit: 1, windowMs: 1000 } },
    });
    expect(config.interfaces).toEqual({ 'share.qq': { limit: 5, windowMs: 2000 } });
    expect([config.perUser.enabled, config.fallbackShare]).toEqual([true, 0.25]);
  });

  it('names every bad setting', () => {
    const { problems } = load({
      perClient: { limit: 0 },
      clients: { nobody: { limit: 1 } },
      interfaces: { 'profile.nope': { limit: 1 }, 'share.qq': { windowMs: 1000 } },
      fallbackShare: 2,
      leaseShare: 0.6,
    });
    expect([...problems].sort()).toEqual([
      'rateLimits.clients.nobody: not a configured client',
      'rateLimits.fallbackShare must be a number from 0.001 to 1',
      'rateLimits.interfaces.profile.nope: not a catalog interface id (e.g. profile.get_gift)',
      'rateLimits.interfaces.share.qq.limit must be an integer from 1 to 10000000',
      'rateLimits.leaseShare must be a number from 0 to 0.5',
      'rateLimits.perClient.limit must be an integer from 1 to 10000000',
    ]);
  });

  it('RATE_LIMITS_ENABLED=0 switches the client limits off for a deployment', () => {
    expect(load({}, { RATE_LIMITS_ENABLED: '0' }).config.enabled).toBe(false);
    expect(load({ enabled: false }).config.enabled).toBe(false);
  });
});
