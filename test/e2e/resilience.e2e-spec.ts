import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from '@jest/globals';
import { errorOf } from '../support/gateway-answer.js';
import { GatewayHarness } from '../support/gateway-harness.js';
import { SandboxHarness } from '../support/sandbox-harness.js';
import { withSandboxAndGateway } from '../support/sandbox-and-gateway.js';

const VERIFY = { openid: 'A3284A812ECA15269F85AE1C2D94EB37', accessToken: '933FE8C9AB9C585D7EABD04373B7155F' };
const PATH = '/auth/verify_login';

describe('resilience with the production defaults (3100 ms per attempt, 7000 ms deadline, 2 retries)', () => {
  let sandbox!: SandboxHarness;
  let gateway!: GatewayHarness;
  withSandboxAndGateway(
    { resilience: { attemptTimeoutMs: 3100, deadlineMs: 7000, maxRetries: 2 } },
    (s, g) => ((sandbox = s), (gateway = g)),
  );

  it('a sandbox that takes 4 s -> 504 UPSTREAM_TIMEOUT within the deadline, after 3 attempts', async () => {
    await sandbox.fault({ interface: PATH, delayMs: 4000, times: 10 });
    const started = Date.now();
    const res = await gateway.call('/v1/auth/verify_login', VERIFY);
    const elapsed = Date.now() - started;
    expect(res.status).toBe(504);
    expect(errorOf(res).code).toBe('UPSTREAM_TIMEOUT');
    expect(errorOf(res).msdk).toBe(undefined);
    expect(elapsed >= 6000 && elapsed < 7600).toBeTruthy();
    // 3100 + 3100 + the rest of the deadline: the third attempt is cut to what is left.
    expect((await sandbox.calls(PATH)).length).toBe(3);
  });

  it('HTTP 502 once then success -> 200 after exactly 2 calls (retry-safe row)', async () => {
    await sandbox.fault({ interface: PATH, httpStatus: 502 });
    const res = await gateway.call('/v1/auth/verify_login', VERIFY);
    expect(res.status).toBe(200);
    expect((await sandbox.calls(PATH)).length).toBe(2);
  });

  it('-312 "retry once" then success -> 200 after exactly 2 calls', async () => {
    await sandbox.fault({ interface: PATH, ret: -312, msg: 'internal error, retry' });
    const res = await gateway.call('/v1/auth/verify_login', VERIFY);
    expect(res.status).toBe(200);
    expect((await sandbox.calls(PATH)).length).toBe(2);
  });

  it('err_type 1 (retry later) is retried too', async () => {
    await sandbox.fault({ interface: PATH, ret: -1, msg: 'busy', errType: 1 });
    const res = await gateway.call('/v1/auth/verify_login', VERIFY);
    expect(res.status).toBe(200);
    expect((await sandbox.calls(PATH)).length).toBe(2);
  });

  it('-73 (token invalidated) is not retried: 1 call, MSDK_USER_TOKEN_INVALID', async () => {
    await sandbox.fault({ interface: PATH, ret: -10000, msg: '-73,token invalidated' });
    const res = await gateway.call('/v1/auth/verify_login', VERIFY);
    expect(res.status).toBe(422);
    expect(errorOf(res).code).toBe('MSDK_USER_TOKEN_INVALID');
    expect(errorOf(res).msdk?.platformCode).toBe(-73);
    expect((await sandbox.calls(PATH)).length).toBe(1);
  });

  it('garbage and empty bodies are UPSTREAM_BAD_RESPONSE after the retries', async () => {
    await sandbox.fault({ interface: PATH, body: '<html>oops</html>', times: 3 });
    const res = await gateway.call('/v1/auth/verify_login', VERIFY);
    expect(res.status).toBe(502);
    expect(errorOf(res).code).toBe('UPSTREAM_BAD_RESPONSE');
    expect((await sandbox.calls(PATH)).length).toBe(3);
    await sandbox.reset();
    await sandbox.fault({ interface: PATH, body: '', times: 1 });
    const recovered = await gateway.call('/v1/auth/verify_login', VERIFY);
    expect(recovered.status).toBe(200);
  });

  it('a connection reset is an outage that is retried', async () => {
    await sandbox.fault({ interface: PATH, reset: true });
    const res = await gateway.call('/v1/auth/verify_login', VERIFY);
    expect(res.status).toBe(200);
    expect((await sandbox.calls(PATH)).length).toBe(2);
  });
});

describe('circuit breaker', () => {
  it('opens after N consecutive failures (503 without an upstream call) and recovers', async () => {
    const sandbox = await SandboxHarness.start();
    const gateway = await GatewayHarness.start({
      sandbox,
      resilience: { maxRetries: 0, breakerThreshold: 3, breakerHalfOpenAfterMs: 400 },
    });
    try {
      await sandbox.fault({ interface: PATH, httpStatus: 500, times: 3 });
      for (let i = 0; i < 3; i++) {
        const res = await gateway.call('/v1/auth/verify_login', VERIFY);
        expect(res.status).toBe(502);
        expect(errorOf(res).code).toBe('UPSTREAM_UNAVAILABLE');
      }
      const open = await gateway.call('/v1/auth/verify_login', VERIFY);
      expect(open.status).toBe(503);
      expect(errorOf(open).code).toBe('CIRCUIT_OPEN');
      expect((await sandbox.calls(PATH)).length).toBe(3);
      const ready = await fetch(`${gateway.url}/health/ready`);
      expect(ready.status).toBe(503);
      expect((await fetch(`${gateway.url}/health/live`)).status).toBe(200);

      await sleep(450);
      const recovered = await gateway.call('/v1/auth/verify_login', VERIFY);
      expect(recovered.status).toBe(200);
      expect((await fetch(`${gateway.url}/health/ready`)).status).toBe(200);
    } finally {
      await gateway.close();
      await sandbox.close();
    }
  });

  it('MSDK business errors do not open it', async () => {
    const sandbox = await SandboxHarness.start();
    const gateway = await GatewayHarness.start({ sandbox, resilience: { maxRetries: 0, breakerThreshold: 2 } });
    try {
      await sandbox.fault({ interface: PATH, ret: -504, msg: 'no permission', times: 3 });
      for (let i = 0; i < 3; i++) expect((await gateway.call('/v1/auth/verify_login', VERIFY)).status).toBe(502);
      expect((await gateway.call('/v1/auth/verify_login', VERIFY)).status).toBe(200);
    } finally {
      await gateway.close();
      await sandbox.close();
    }
  });
});
