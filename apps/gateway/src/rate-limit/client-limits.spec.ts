import { describe, expect, it } from '@jest/globals';
import type { RateLimitConfig } from '../config/rate-limit-config.js';
import { budgetKeys, clientLimits } from './client-limits.js';

const config: RateLimitConfig = {
  enabled: true,
  perClient: { limit: 100, windowMs: 1000 },
  clients: {
    batch: { limit: { limit: 5, windowMs: 60_000 }, interfaces: { 'profile.get_gift': { limit: 1, windowMs: 1000 } } },
  },
  interfaces: { 'profile.get_gift': { limit: 10, windowMs: 1000 } },
  perUser: { enabled: false, limit: 1, windowMs: 1000 },
  fallbackShare: 0.5,
  leaseShare: 0.01,
};

describe('clientLimits', () => {
  it('uses the default per-client budget, and an interface budget only where configured', () => {
    expect(clientLimits(config, 'lobby', 'auth.verify_login')).toEqual({
      overall: config.perClient,
      interface: undefined,
    });
    expect(clientLimits(config, 'lobby', 'profile.get_gift').interface).toEqual({ limit: 10, windowMs: 1000 });
    expect(clientLimits(config, 'lobby', undefined)).toEqual({ overall: config.perClient });
  });

  it("lets a client's own settings win over the defaults", () => {
    expect(clientLimits(config, 'batch', 'profile.get_gift')).toEqual({
      overall: { limit: 5, windowMs: 60_000 },
      interface: { limit: 1, windowMs: 1000 },
    });
  });

  it('never gives two budgets one key', () => {
    const keys = [
      budgetKeys.client('a'),
      budgetKeys.clientInterface('profile.get_gift', 'a'),
      budgetKeys.user('demo', 'profile.get_gift', 'a'),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keeps the key format other instances share through Redis', () => {
    expect(budgetKeys.client('a')).toBe('rl:v1:client:a');
    expect(budgetKeys.client('b')).toBe('rl:v1:client:b');
  });
});
