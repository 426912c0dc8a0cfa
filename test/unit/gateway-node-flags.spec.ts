import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { flagsBefore, gatewayNodeFlags } from '../support/gateway-node-flags.js';

describe('the gateway ships with one set of Node flags', () => {
  it('npm run start:gateway sizes the young generation (RSS under load, README Benchmark)', () => {
    assert.ok(gatewayNodeFlags().some((f) => f.startsWith('--max-semi-space-size=')));
  });

  it('npm run start:gateway turns allocation-site pretenuring off (old-generation garbage under load, README Benchmark)', () => {
    assert.ok(gatewayNodeFlags().includes('--no-allocation-site-pretenuring'));
  });

  it('npm run start:gateway turns the memory reducer off (slow heap growth after an idle spell, README Benchmark)', () => {
    assert.ok(gatewayNodeFlags().includes('--no-memory-reducer'));
  });

  it("the Dockerfile's CMD passes the same flags as npm run start:gateway", () => {
    const cmd = /^CMD\s+(\[.*\])\s*$/m.exec(readFileSync('Dockerfile', 'utf8'));
    assert.ok(cmd, 'the Dockerfile has an exec-form CMD');
    assert.deepEqual(flagsBefore(JSON.parse(cmd[1]) as string[]), gatewayNodeFlags());
  });

  it('reads the flags between node and the entry point, and refuses another shape', () => {
    assert.deepEqual(flagsBefore(['node', '--a=1', '--b', 'dist/apps/gateway/src/main.js']), ['--a=1', '--b']);
    assert.deepEqual(flagsBefore(['node', 'dist/apps/gateway/src/main.js']), []);
    assert.throws(() => flagsBefore(['node', 'main.js']), /expected "node \[flags\]/);
  });
});
