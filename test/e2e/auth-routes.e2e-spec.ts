import { describe, expect, it } from '@jest/globals';
import { errorOf, type MsdkAnswer } from '../support/gateway-answer.js';
import { GatewayHarness } from '../support/gateway-harness.js';
import { SandboxHarness } from '../support/sandbox-harness.js';
import { TEST_GAME } from '../support/test-game.js';
import { withSandboxAndGateway } from '../support/sandbox-and-gateway.js';
import { AUTH_SAMPLES } from './samples/auth.samples.js';

const OPENID = 'A3284A812ECA15269F85AE1C2D94EB37';
const TOKEN = '933FE8C9AB9C585D7EABD04373B7155F';

describe('auth routes end to end', () => {
  let sandbox!: SandboxHarness;
  let gateway!: GatewayHarness;
  withSandboxAndGateway({}, (s, g) => ((sandbox = s), (gateway = g)));

  /** Where each interface puts the caller's token and user id (MSDK's own field names). */
  const FIELDS: Record<string, { tokenField: string; idField: string }> = {
    'auth.verify_login': { tokenField: 'openkey', idField: 'openid' },
    'auth.check_token': { tokenField: 'accessToken', idField: 'openid' },
    'auth.guest_check_token': { tokenField: 'accessToken', idField: 'guestid' },
    'auth.apple_verify': { tokenField: 'access_token', idField: 'openid' },
    'auth.get_pfval': { tokenField: 'accessToken', idField: 'openid' },
  };
  const cases = AUTH_SAMPLES.map((sample) => ({
    ...sample,
    ...FIELDS[sample.id],
    path: sample.route.replace(/^\/v1/, ''),
  }));

  for (const c of cases) {
    it(`${c.route} is signed as ${c.appid} and returns the sandbox answer unchanged`, async () => {
      const res = await gateway.call(c.route, c.body);
      expect(res.status).toBe(200);
      expect(res.json.ret).toBe(0);
      expect(res.headers.get('x-request-id')).toBeTruthy();
      const calls = await sandbox.calls(c.path);
      expect(calls.length).toBe(1);
      const [call] = calls;
      expect(call.verdict).toBe('ok');
      expect(call.method).toBe('POST');
      expect(call.query.appid).toBe(c.appid);
      expect(call.query.encode).toBe('2');
      expect(call.query.openid).toBe(c.body.openid);
      expect(call.query.sig).toMatch(/^[0-9a-f]{32}$/);
      const sent = call.body as Record<string, unknown>;
      expect(sent[c.tokenField]).toBe(c.body.accessToken);
      expect(sent[c.idField]).toBe(c.body.openid);
      expect(sent.accessToken === undefined || c.tokenField === 'accessToken').toBe(true);
      expect(call.headers['x-request-id']).toBe(res.headers.get('x-request-id'));
      // The caller gets the sandbox's bytes; the sandbox echoed our request id as msdkExtInfo.
      expect(res.json.msdkExtInfo).toBe(res.headers.get('x-request-id'));
    });
  }

  it('fills apple_verify fixed fields and sends appid as the string A_<qq appid>', async () => {
    await gateway.call('/v1/auth/apple_verify', cases[3].body);
    const [call] = await sandbox.calls('/auth/apple_verify');
    const sent = call.body as Record<string, unknown>;
    expect(sent.appid).toBe(`A_${TEST_GAME.qqAppId}`);
    expect(sent.platform).toBe('apple_apple');
    expect(sent.scenes).toBe(1);
    expect(sent.isPrajna).toBe('1');
  });

  it('get_pfval with desktop_m_qq signs with the QQ appid', async () => {
    const res = await gateway.call<MsdkAnswer & { pf: string }>('/v1/auth/get_pfval', {
      ...cases[4].body,
      platform: 'desktop_m_qq',
    });
    expect(res.status).toBe(200);
    const [call] = await sandbox.calls('/auth/get_pfval');
    expect(call.query.appid).toBe(TEST_GAME.qqAppId);
    expect(res.json.pf.startsWith('desktop_m_qq-2002-android-73213123-qq-100703379-')).toBeTruthy();
  });

  it('passes the caller msdkExtInfo through and MSDK echoes it', async () => {
    const res = await gateway.call('/v1/auth/check_token', {
      openid: 'oGRT',
      accessToken: TOKEN,
      msdkExtInfo: 'trace_42',
    });
    expect(res.json.msdkExtInfo).toBe('trace_42');
    const [call] = await sandbox.calls('/auth/check_token');
    expect(call.query.msdkExtInfo).toBe('trace_42');
  });

  it('an expired user token is MSDK_USER_TOKEN_INVALID (422), not our own 401', async () => {
    const res = await gateway.call('/v1/auth/verify_login', { openid: OPENID, accessToken: 'expired-token' });
    expect(res.status).toBe(422);
    expect(errorOf(res).code).toBe('MSDK_USER_TOKEN_INVALID');
    expect(errorOf(res).msdk).toEqual({
      ret: -10000,
      msg: '100014,token expired',
      source: 'qq',
      platformCode: 100014,
    });
    const wx = await gateway.call('/v1/auth/check_token', { openid: 'oGRT', accessToken: 'expired-token' });
    expect(errorOf(wx).msdk?.source).toBe('wechat');
    expect(errorOf(wx).msdk?.platformCode).toBe(42001);
  });
});

describe('a wrong msdkkey', () => {
  it("comes back as the sandbox's -502 in the envelope, as an MSDK error", async () => {
    const sandbox = await SandboxHarness.start();
    const gateway = await GatewayHarness.start({ sandbox, msdkKey: 'not-the-right-key-000' });
    try {
      const res = await gateway.call('/v1/auth/verify_login', { openid: OPENID, accessToken: TOKEN });
      expect(res.status).toBe(502);
      const error = errorOf(res);
      expect(error.code).toBe('MSDK_ERROR');
      expect(error.msdk).toEqual({ ret: -502, msg: 'sig error', source: 'msdk' });
      expect(error.requestId).toBe(res.headers.get('x-request-id'));
      expect((await sandbox.calls())[0].verdict).toBe('sig error');
    } finally {
      await gateway.close();
      await sandbox.close();
    }
  });

  it('encode=1 signs with the platform appkey and the sandbox accepts it', async () => {
    const sandbox = await SandboxHarness.start();
    const gateway = await GatewayHarness.start({ sandbox, encode: 1 });
    try {
      const res = await gateway.call('/v1/auth/check_token', { openid: 'oGRT', accessToken: TOKEN });
      expect(res.status).toBe(200);
      const [call] = await sandbox.calls();
      expect(call.query.encode).toBe('1');
      expect(call.verdict).toBe('ok');
    } finally {
      await gateway.close();
      await sandbox.close();
    }
  });
});
