import { describe, expect, it } from '@jest/globals';
import { GatewayHarness } from '../support/gateway-harness.js';
import { post } from '../support/http-client.js';
import { SandboxHarness } from '../support/sandbox-harness.js';
import { withSandboxAndGateway } from '../support/sandbox-and-gateway.js';

describe('request logs', () => {
  let sandbox!: SandboxHarness;
  let gateway!: GatewayHarness;
  withSandboxAndGateway({}, (s, g) => ((sandbox = s), (gateway = g)));

  const linesFor = (id: string) =>
    gateway.logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => JSON.stringify(l).includes(id));

  it("a caller's well-formed X-Request-Id is kept, carried by every line of that request, and reaches MSDK", async () => {
    const id = 'trace-0123456789abcdef';
    const res = await gateway.call(
      '/v1/auth/verify_login',
      { openid: 'ABCDEF', accessToken: 'TOKEN' },
      { headers: { 'x-request-id': id } },
    );
    expect(res.headers.get('x-request-id')).toBe(id);
    await new Promise((r) => setTimeout(r, 50));
    const lines = linesFor(id);
    expect(lines.length >= 1).toBeTruthy();
    expect(lines.every((l) => l.requestId === id)).toBeTruthy();
    const access = lines.find((l) => l.msg === 'request')!;
    expect(access.client).toBe('test-client');
    expect(access.route).toBe('/v1/auth/verify_login');
    expect(access.status).toBe(200);
    expect(access.cache).toBe('BYPASS');
    expect(access.upstreamAttempts).toBe(1);
    expect(typeof access.durationMs).toBe('number');
    const [call] = await sandbox.calls('/auth/verify_login');
    expect(call.headers['x-request-id']).toBe(id);
    expect(call.query.msdkExtInfo).toBe('trace_0123456789abcdef');
  });

  it('lines logged inside a request (a rejected key) carry its id too', async () => {
    const id = 'unknown-key-request-1';
    await post(
      `${gateway.url}/v1/auth/verify_login`,
      { openid: 'A', accessToken: 'T' },
      { authorization: 'Bearer not-a-key', 'x-request-id': id },
    );
    await new Promise((r) => setTimeout(r, 50));
    const lines = linesFor(id);
    expect(lines.some((l) => l.context === 'CallerAuth')).toBeTruthy();
    expect(lines.every((l) => l.requestId === id)).toBeTruthy();
  });

  it('a malformed X-Request-Id is replaced by a generated one', async () => {
    const res = await gateway.call(
      '/v1/auth/verify_login',
      { openid: 'ABCDEF', accessToken: 'TOKEN' },
      { headers: { 'x-request-id': 'bad id with spaces' } },
    );
    expect(res.headers.get('x-request-id')!).toMatch(/^[0-9a-f]{32}$/);
  });
});
