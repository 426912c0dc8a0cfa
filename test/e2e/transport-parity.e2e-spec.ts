import { describe, expect, it } from '@jest/globals';
import { GatewayHarness } from '../support/gateway-harness.js';
import { SandboxHarness } from '../support/sandbox-harness.js';
import { withSandboxAndGateway } from '../support/sandbox-and-gateway.js';

const VERIFY = { openid: 'A3284A812ECA15269F85AE1C2D94EB37', accessToken: '933FE8C9AB9C585D7EABD04373B7155F' };
const PATH = '/auth/verify_login';
const GET_ROW = {
  route: '/v1/profile/get_wx_xinyue_vip',
  body: {
    openid: 'oGRTijiaT-XrbyXKozckdNHFgPyc',
    accessToken: 'WXTOKEN123',
    serial: 'MSDK_20180327_181625_123456',
    seven_flag: 1,
  },
};

/** Both transports must behave the same; only their cost differs (see the benchmark). */
for (const transport of ['undici', 'axios'] as const) {
  describe(`the ${transport} transport`, () => {
    let sandbox!: SandboxHarness;
    let gateway!: GatewayHarness;
    withSandboxAndGateway(
      { env: { MSDK_TRANSPORT: transport, CACHE_ENABLED: '0' }, resilience: { maxRetries: 0, breakerThreshold: 1000 } },
      (s, g) => ((sandbox = s), (gateway = g)),
    );

    it("sends the signed JSON body and returns MSDK's bytes", async () => {
      const res = await gateway.call('/v1/auth/verify_login', VERIFY);
      expect(res.status).toBe(200);
      const [call] = await sandbox.calls(PATH);
      expect(call.verdict).toBe('ok');
      expect(call.headers['content-type']).toBe('application/json');
      expect(res.text).toBe(call.response);
    });

    it('sends a GET interface as GET with its fields in the query', async () => {
      const res = await gateway.call(GET_ROW.route, GET_ROW.body);
      expect(res.status).toBe(200);
      const [call] = await sandbox.calls('/profile/get_wx_xinyue_vip');
      expect(call.method).toBe('GET');
      expect(call.query.access_token).toBe('WXTOKEN123');
      expect(call.rawBody).toBe('');
    });

    for (const [name, fault, code] of [
      ['a non-200', { httpStatus: 404 }, 'UPSTREAM_BAD_RESPONSE'],
      ['a 5xx', { httpStatus: 503 }, 'UPSTREAM_UNAVAILABLE'],
      ['an empty body', { body: '' }, 'UPSTREAM_BAD_RESPONSE'],
      ['a body that is not JSON', { body: 'ok!' }, 'UPSTREAM_BAD_RESPONSE'],
      ['a connection reset', { reset: true }, 'UPSTREAM_UNAVAILABLE'],
    ] as const) {
      it(`treats ${name} as an upstream failure (${code})`, async () => {
        await sandbox.fault({ interface: PATH, ...fault });
        const res = await gateway.call('/v1/auth/verify_login', VERIFY);
        const envelope = res.json as { error: { code: string } };
        expect(envelope.error.code).toBe(code);
      });
    }
  });
}
