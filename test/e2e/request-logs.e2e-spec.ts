import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GatewayHarness } from '../support/gateway-harness.js';
import { post } from '../support/http-client.js';
import { SandboxHarness } from '../support/sandbox-harness.js';
import { withSandboxAndGateway } from '../support/sandbox-and-gateway.js';

describe('request logs', () => {
  let sandbox!: SandboxHarness;
  let gateway!: GatewayHarness;
  withSandboxAndGateway({  }, (s, g) => ((sandbox = s), (gateway = g)));

  const linesFor = (id: string) => gateway.logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => JSON.stringify(l).includes(id));

  it("a caller's well-formed X-Request-Id is kept, carried by every line of that request, and reaches MSDK", async () => {
    const id = 'trace-0123456789abcdef';
    const res = await gateway.call('/v1/auth/verify_login', { openid: 'ABCDEF', accessToken: 'TOKEN' }, { headers: { 'x-request-id': id } });
    assert.equal(res.headers.get('x-request-id'), id);
    await new Promise((r) => setTimeout(r, 50));
    const lines = linesFor(id);
    assert.ok(lines.length >= 1);
    assert.ok(lines.every((l) => l.requestId === id), 'every line names the request id in its requestId field');
    const access = lines.find((l) => l.msg === 'request')!;
    assert.equal(access.client, 'test-client');
    assert.equal(access.route, '/v1/auth/verify_login');
    assert.equal(access.status, 200);
    assert.equal(access.cache, 'BYPASS');
    assert.equal(access.upstreamAttempts, 1);
    assert.equal(typeof access.durationMs, 'number');
    const [call] = await sandbox.calls('/auth/verify_login');
    assert.equal(call.headers['x-request-id'], id);
    assert.equal(call.query.msdkExtInfo, 'trace_0123456789abcdef', 'msdkExtInfo carries it in MSDK-safe characters');
  });

  it('lines logged inside a request (a rejected key) carry its id too', async () => {
    const id = 'unknown-key-request-1';
    await post(`${gateway.url}/v1/auth/verify_login`, { openid: 'A', accessToken: 'T' }, { authorization: 'Bearer not-a-key', 'x-request-id': id });
    await new Promise((r) => setTimeout(r, 50));
    const lines = linesFor(id);
    assert.ok(lines.some((l) => l.context === 'CallerAuth'), 'the auth warning is there');
    assert.ok(lines.every((l) => l.requestId === id));
  });

  it('a malformed X-Request-Id is replaced by a generated one', async () => {
    const res = await gateway.call('/v1/auth/verify_login', { openid: 'ABCDEF', accessToken: 'TOKEN' }, { headers: { 'x-request-id': 'bad id with spaces' } });
    assert.match(res.headers.get('x-request-id')!, /^[0-9a-f]{32}$/);
  });
});
