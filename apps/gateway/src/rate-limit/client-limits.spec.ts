import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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
    assert.deepEqual(clientLimits(config, 'lobby', 'auth.verify_login'), { overall: config.perClient, interface: undefined });
    assert.deepEqual(clientLimits(config, 'lobby', 'profile.get_gift').interface, { limit: 10, windowMs: 1000 });
    assert.deepEqual(clientLimits(config, 'lobby', undefined), { overall: config.perClient });
  });

  it("lets a client's own settings win over the defaults", () => {
    assert.deepEqual(clientLimits(config, 'batch', 'profile.get_gift'), {
      overall: { limit: 5, windowMs: 60_000 },
      interface: { limit: 1, windowMs: 1000 },
    });
  });

  it('never gives two budgets one key', () => {
    const keys = [budgetKeys.client('a'), budgetKeys.clientInterface('profile.get_gift', 'a'), budgetKeys.user('demo', 'profile.get_gift', 'a')];
    assert.equal(new Set(keys).size, keys.length);
  });

  it('keeps the key format other instances share through Redis, also once a key is remembered', () => {
    for (let i = 0; i < 2; i++) {
      assert.equal(budgetKeys.client('a'), 'rl:v1:client:a');
      assert.equal(budgetKeys.client('b'), 'rl:v1:client:b');
    }
  });
});
