import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { errorOf, invalidFields } from '../support/gateway-answer.js';
import { GatewayHarness, newClientKey } from '../support/gateway-harness.js';
import { post, type HttpResult } from '../support/http-client.js';
import { SandboxHarness } from '../support/sandbox-harness.js';

const VERIFY = { openid: 'A3284A812ECA15269F85AE1C2D94EB37', accessToken: '933FE8C9AB9C585D7EABD04373B7155F' };

describe('caller authentication and input checks (nothing reaches the sandbox)', () => {
  let sandbox: SandboxHarness;
  let gateway: GatewayHarness;
  const multi = { name: 'multi-game', key: newClientKey(), games: ['demo', 'other'], scopes: ['auth' as const] };
  const narrow = { name: 'relation-only', key: newClientKey(), games: ['demo'], scopes: ['relation' as const] };

  beforeAll(async () => {
    sandbox = await SandboxHarness.start();
    gateway = await GatewayHarness.start({
      sandbox,
      extraGames: [{ id: 'other', qqAppId: '1111', wechatAppId: 'wx1111', msdkKey: 'other-game-msdkkey-1' }],
      clients: [{ name: 'test-client', key: newClientKey(), games: ['demo'], scopes: ['auth'] }, multi, narrow],
    });
  });
  afterAll(async () => {
    await gateway.close();
    await sandbox.close();
  });
  beforeEach(() => sandbox.reset());

  const expectRejected = async (res: HttpResult, status: number, code: string, field?: string) => {
    expect(res.status).toBe(status);
    expect(errorOf(res).code).toBe(code);
    expect(errorOf(res).requestId).toBeTruthy();
    if (field) expect(invalidFields(res)).toContain(field);
    expect((await sandbox.calls()).length).toBe(0);
  };

  it('no key -> 401', async () => {
    await expectRejected(await post(`${gateway.url}/v1/auth/verify_login`, VERIFY), 401, 'CALLER_UNAUTHENTICATED');
  });

  it('unknown key -> 401', async () => {
    await expectRejected(
      await post(`${gateway.url}/v1/auth/verify_login`, VERIFY, { authorization: 'Bearer nope-nope-nope' }),
      401,
      'CALLER_UNAUTHENTICATED',
    );
  });

  it('a game the key may not use -> 403', async () => {
    await expectRejected(
      await gateway.call('/v1/auth/verify_login', VERIFY, { headers: { 'x-game-id': 'other' } }),
      403,
      'CALLER_FORBIDDEN',
    );
  });

  it('a key with several games must say which (X-Game-Id) and may use each', async () => {
    await expectRejected(
      await gateway.call('/v1/auth/verify_login', VERIFY, { client: multi }),
      400,
      'GAME_ID_REQUIRED',
    );
    const ok = await gateway.call('/v1/auth/verify_login', VERIFY, { client: multi, headers: { 'x-game-id': 'demo' } });
    expect(ok.status).toBe(200);
  });

  it('a key without the domain scope -> 403', async () => {
    await expectRejected(
      await gateway.call('/v1/auth/verify_login', VERIFY, { client: narrow }),
      403,
      'CALLER_FORBIDDEN',
    );
  });

  it('an unknown field -> 400 naming it', async () => {
    await expectRejected(
      await gateway.call('/v1/auth/verify_login', { ...VERIFY, appid: 123 }),
      400,
      'VALIDATION_FAILED',
      'appid',
    );
  });

  it('a missing openid -> 400 naming it', async () => {
    await expectRejected(
      await gateway.call('/v1/auth/verify_login', { accessToken: VERIFY.accessToken }),
      400,
      'VALIDATION_FAILED',
      'openid',
    );
  });

  it('a bad msdkExtInfo -> 400 naming it', async () => {
    await expectRejected(
      await gateway.call('/v1/auth/verify_login', { ...VERIFY, msdkExtInfo: 'a-b&c' }),
      400,
      'VALIDATION_FAILED',
      'msdkExtInfo',
    );
  });

  it('a guest call without a G_ guestid -> 400 naming openid', async () => {
    await expectRejected(await gateway.call('/v1/auth/guest_check_token', VERIFY), 400, 'VALIDATION_FAILED', 'openid');
  });

  it('an oversized body -> 413', async () => {
    await expectRejected(
      await gateway.call('/v1/auth/verify_login', { ...VERIFY, userip: 'x'.repeat(70 * 1024) }),
      413,
      'PAYLOAD_TOO_LARGE',
    );
  });

  it('a body that is not JSON -> 415 or 400, in the envelope', async () => {
    await expectRejected(
      await gateway.call('/v1/auth/verify_login', 'openid=1', {
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    await expectRejected(await gateway.call('/v1/auth/verify_login', '{"openid":', {}), 400, 'INVALID_JSON');
    await expectRejected(await gateway.call('/v1/auth/verify_login', '[1,2]', {}), 400, 'VALIDATION_FAILED');
  });

  it('health and docs need no key', async () => {
    expect((await fetch(`${gateway.url}/health/live`)).status).toBe(200);
    expect((await fetch(`${gateway.url}/health/ready`)).status).toBe(200);
    expect((await fetch(`${gateway.url}/docs-json`)).status).toBe(200);
  });
});
