import { describe, expect, it } from '@jest/globals';
import { errorOf } from '../support/gateway-answer.js';
import type { GatewayHarness } from '../support/gateway-harness.js';
import type { SandboxHarness } from '../support/sandbox-harness.js';
import { withSandboxAndGateway } from '../support/sandbox-and-gateway.js';

const VERIFY = { openid: 'A3284A812ECA15269F85AE1C2D94EB37', accessToken: '933FE8C9AB9C585D7EABD04373B7155F' };
const PATH = '/auth/verify_login';

describe("a 504's message states what was configured, not what an attempt had left", () => {
  let sandbox!: SandboxHarness;
  let gateway!: GatewayHarness;
  // 400 ms an attempt in a 700 ms deadline: the second attempt gets the rest (~250 ms), and its
  // timeout is the deadline's.
  withSandboxAndGateway(
    { resilience: { attemptTimeoutMs: 400, deadlineMs: 700, maxRetries: 2 } },
    (s, g) => ((sandbox = s), (gateway = g)),
  );

  it('the deadline ran out: "within the 700 ms deadline (2 attempts)"', async () => {
    await sandbox.fault({ interface: PATH, delayMs: 2000, times: 10 });
    const res = await gateway.call('/v1/auth/verify_login', VERIFY);
    expect(res.status).toBe(504);
    expect(errorOf(res).code).toBe('UPSTREAM_TIMEOUT');
    expect(errorOf(res).message).toBe('MSDK did not answer within the 700 ms deadline (2 attempts)');
    expect((await sandbox.calls(PATH)).length).toBe(2);
  });
});

describe("a 504 ended by an attempt's own timeout names that timeout", () => {
  let sandbox!: SandboxHarness;
  let gateway!: GatewayHarness;
  withSandboxAndGateway(
    { resilience: { attemptTimeoutMs: 300, deadlineMs: 5000, maxRetries: 0 } },
    (s, g) => ((sandbox = s), (gateway = g)),
  );

  it('"within the 300 ms attempt timeout (1 attempt)"', async () => {
    await sandbox.fault({ interface: PATH, delayMs: 2000, times: 10 });
    const res = await gateway.call('/v1/auth/verify_login', VERIFY);
    expect(res.status).toBe(504);
    expect(errorOf(res).message).toBe('MSDK did not answer within the 300 ms attempt timeout (1 attempt)');
  });
});
