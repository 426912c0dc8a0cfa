import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CATALOG, isWriteInterface } from '#msdk';
import { GatewayHarness, newClientKey } from '../support/gateway-harness.js';
import { post } from '../support/http-client.js';
import { SandboxHarness } from '../support/sandbox-harness.js';
import { PROFILE_SAMPLES } from './samples/profile.samples.js';
import { SHARE_FREEFLOW_SAMPLES } from './samples/share-freeflow.samples.js';

const sample = (id: string) => [...PROFILE_SAMPLES, ...SHARE_FREEFLOW_SAMPLES].find((s) => s.id === id)!;
const GIFT = sample('profile.get_gift');
const SHARE = sample('share.qq');
type Line = Record<string, unknown>;

describe('audit trail of write/send/consume interfaces', () => {
  let sandbox: SandboxHarness;
  let gateway: GatewayHarness;

  beforeAll(async () => {
    sandbox = await SandboxHarness.start();
    // LOG_LEVEL=warn: request lines are off, the audit trail is not.
    gateway = await GatewayHarness.start({
      sandbox,
      env: { LOG_LEVEL: 'warn' },
      configPatch: { rateLimits: { interfaces: { 'profile.get_gift': { limit: 4, windowMs: 60_000 } } } },
    });
  });
  afterAll(async () => {
    await gateway.close();
    await sandbox.close();
  });

  /** The audit lines of one request (by its id), once the response hook has run. */
  const auditLinesOf = async (requestId: string | null): Promise<Line[]> => {
    await new Promise((r) => setTimeout(r, 40));
    return gateway.logs.map((l) => JSON.parse(l) as Line).filter((l) => l.audit === true && l.requestId === requestId);
  };
  const expectOneLine = async (res: { headers: Headers }, fields: Line) => {
    const lines = await auditLinesOf(res.headers.get('x-request-id'));
    expect(lines.length).toBe(1);
    for (const [k, v] of Object.entries(fields)) expect(lines[0][k]).toBe(v);
    return lines[0];
  };

  it('the guarded rows are exactly the catalog rows never retried (sends, binds, consumes, reports)', () => {
    expect(isWriteInterface(CATALOG.profile.getGift)).toBeTruthy();
    expect(isWriteInterface(CATALOG.share.qq)).toBeTruthy();
    expect(!isWriteInterface(CATALOG.auth.verifyLogin)).toBeTruthy();
  });

  it('a successful write: client, game, interface, openid, result ok, request id', async () => {
    const res = await gateway.call(GIFT.route, GIFT.body, { headers: { 'x-request-id': 'audit-ok-0001' } });
    expect(res.status).toBe(200);
    const line = await expectOneLine(res, {
      client: 'test-client',
      game: 'demo',
      interface: '/profile/get_gift',
      openid: GIFT.body.openid,
      result: 'ok',
      requestId: 'audit-ok-0001',
    });
    expect(line.level).toBe(30);
  });

  it('an upstream error: the error code is the result', async () => {
    await sandbox.fault({ interface: '/share/qq', ret: -1, msg: 'share failed' });
    const res = await gateway.call(SHARE.route, SHARE.body);
    expect(res.status).toBe(502);
    const line = await expectOneLine(res, { client: 'test-client', interface: '/share/qq', result: 'MSDK_ERROR' });
    expect(!JSON.stringify(line).includes(String(SHARE.body.accessToken))).toBeTruthy();
  });

  it('refused calls are audited too: bad input, not JSON, unknown key, rate limited', async () => {
    const invalid = await gateway.call(GIFT.route, { ...GIFT.body, appid: 1 });
    await expectOneLine(invalid, { client: 'test-client', result: 'VALIDATION_FAILED', openid: GIFT.body.openid });
    const form = await gateway.call(GIFT.route, 'openid=1', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    await expectOneLine(form, { result: 'UNSUPPORTED_MEDIA_TYPE', interface: '/profile/get_gift' });
    const stranger = await post(`${gateway.url}${GIFT.route}`, GIFT.body, {
      authorization: `Bearer ${newClientKey()}`,
    });
    await expectOneLine(stranger, {
      client: undefined,
      game: undefined,
      result: 'CALLER_UNAUTHENTICATED',
      openid: GIFT.body.openid,
    });
    let limited;
    do limited = await gateway.call(GIFT.route, GIFT.body);
    while (limited.status === 200);
    await expectOneLine(limited, { client: 'test-client', result: 'RATE_LIMITED' });
  });

  it('an openid that is not well-formed is not copied into the audit line', async () => {
    const res = await gateway.call(SHARE.route, { ...SHARE.body, openid: '<script>x</script>' });
    await expectOneLine(res, { result: 'VALIDATION_FAILED', openid: undefined });
  });

  it('reads are not audited', async () => {
    const res = await gateway.call('/v1/auth/verify_login', {
      openid: 'A3284A812ECA15269F85AE1C2D94EB37',
      accessToken: 'TOKEN-READ-1',
    });
    expect(res.status).toBe(200);
    expect(await auditLinesOf(res.headers.get('x-request-id'))).toEqual([]);
  });
});
