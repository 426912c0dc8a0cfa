import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cacheBehaviourSuite } from './cache-behaviour.js';
import { GatewayHarness } from '../support/gateway-harness.js';
import { SandboxHarness } from '../support/sandbox-harness.js';
import { withSandboxAndGateway } from '../support/sandbox-and-gateway.js';

// No REDIS_URL: the gateway uses its in-memory LRU (the npm start default).
cacheBehaviourSuite('memory', () => ({ REDIS_URL: '' }));

describe('the memory store', () => {
  let gateway!: GatewayHarness;
  withSandboxAndGateway({ env: { REDIS_URL: '' } }, (_s: SandboxHarness, g) => (gateway = g));

  it('is what readiness reports when no Redis is configured', async () => {
    const ready = (await (await fetch(`${gateway.url}/health/ready`)).json()) as { details: Record<string, { status: string; store?: string }> };
    assert.deepEqual(ready.details.cache, { status: 'up', store: 'memory' });
  });
});
