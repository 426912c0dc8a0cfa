import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GatewayHarness, newClientKey } from '../support/gateway-harness.js';
import { get, post, type HttpResult } from '../support/http-client.js';
import { SandboxHarness } from '../support/sandbox-harness.js';
import { FRIEND_SAMPLES } from './samples/friend.samples.js';
import { PROFILE_SAMPLES } from './samples/profile.samples.js';
import { SHARE_FREEFLOW_SAMPLES } from './samples/share-freeflow.samples.js';

// A representative flow with every log line captured (at trace level), then a search of all of
// it for every secret that took part: MSDK keys, client keys, user tokens and signatures.
const token = (prefix = 'T') => `${prefix}${randomBytes(16).toString('hex').toUpperCase()}`;
const sample = (id: string) =>
  [...PROFILE_SAMPLES, ...SHARE_FREEFLOW_SAMPLES, ...FRIEND_SAMPLES].find((s) => s.id === id)!;
const XINYUE = sample('profile.get_xinyue_super'); // a GET interface upstream: the token travels in MSDK's query
const GIFT = sample('profile.get_gift');
const SHARE = sample('share.qq');
const FRIENDS = sample('friend.friend_list'); // V5: sigkey-signed
const QQ_OPENID = 'A3284A812ECA15269F85AE1C2D94EB37';

describe('no secret in any log line', () => {
  let sandbox: SandboxHarness;
  let gateway: GatewayHarness;
  const tokens: string[] = [];
  const responses: HttpResult[] = [];
  const call = async (
    route: string,
    body: Record<string, unknown>,
    expected: number,
    headers?: Record<string, string>,
  ) => {
    const withToken =
      'accessToken' in body
        ? { ...body, accessToken: token(String(body.accessToken).startsWith('expired') ? 'expired' : 'T') }
        : body;
    if (typeof withToken.accessToken === 'string') tokens.push(withToken.accessToken);
    const res = await gateway.call(route, withToken, { headers });
    responses.push(res);
    expect(res.status).toBe(expected);
    return res;
  };

  beforeAll(async () => {
    sandbox = await SandboxHarness.start();
    gateway = await GatewayHarness.start({
      sandbox,
      env: { LOG_LEVEL: 'trace' },
      resilience: { attemptTimeoutMs: 150, deadlineMs: 400, maxRetries: 1, breakerThreshold: 100 },
    });

    await call('/v1/auth/verify_login', { openid: QQ_OPENID, accessToken: 'x' }, 200);
    await call(XINYUE.route, XINYUE.body, 200);
    await call('/v1/relation/qqprofile', { openid: QQ_OPENID, accessToken: 'x' }, 200);
    await call(GIFT.route, GIFT.body, 200);
    await call(SHARE.route, SHARE.body, 200);
    await call(FRIENDS.route, FRIENDS.body, 200);
    // Upstream errors: 5xx on a GET interface (retried), garbage, a timeout, MSDK's own error codes.
    await sandbox.fault({ interface: '/profile/get_xinyue_super', httpStatus: 500, times: 2 });
    await call(XINYUE.route, XINYUE.body, 502);
    await sandbox.fault({ interface: '/auth/verify_login', body: '<html>oops</html>', times: 2 });
    await call('/v1/auth/verify_login', { openid: QQ_OPENID, accessToken: 'x' }, 502);
    await sandbox.fault({ interface: '/auth/check_token', delayMs: 300, times: 2 });
    await call('/v1/auth/check_token', { openid: QQ_OPENID, accessToken: 'x' }, 504);
    await sandbox.fault({ interface: '/share/qq', ret: -1, msg: 'share failed' });
    await call(SHARE.route, SHARE.body, 502);
    await call('/v1/auth/verify_login', { openid: QQ_OPENID, accessToken: 'expired' }, 422);
    // Refused callers and input: an unknown key, a malformed token, an unknown field.
    const strangerKey = newClientKey();
    tokens.push(strangerKey);
    responses.push(
      await post(
        `${gateway.url}/v1/auth/verify_login`,
        { openid: QQ_OPENID, accessToken: token() },
        { authorization: `Bearer ${strangerKey}` },
      ),
    );
    const spaced = `${token()} ${token()}`;
    tokens.push(spaced);
    responses.push(await gateway.call('/v1/auth/verify_login', { openid: QQ_OPENID, accessToken: spaced }));
    const extra = token();
    tokens.push(extra);
    responses.push(
      await gateway.call('/v1/auth/verify_login', {
        openid: QQ_OPENID,
        accessToken: extra,
        sig: extra,
        openkey: extra,
      }),
    );
    responses.push(await get(`${gateway.url}/docs-json`));
    responses.push(await get(`${gateway.url}/metrics`));
    await new Promise((r) => setTimeout(r, 100));
  });
  afterAll(async () => {
    await gateway.close();
    await sandbox.close();
  });

  /** Every secret that took part, each with what it is (for a readable failure). */
  const secrets = async (): Promise<Array<[string, string]>> => {
    const calls = await sandbox.calls();
    const sigs = calls.map((c) => c.query.sig).filter((s): s is string => typeof s === 'string' && s.length > 0);
    expect(sigs.length >= 10).toBeTruthy();
    const configured = Object.entries<string>({ ...sandbox.keys });
    return [
      ...configured.map(([name, value]): [string, string] => [`configured ${name}`, value]),
      ...gateway.clients.map((c): [string, string] => ['client key', c.key]),
      ...tokens.map((t): [string, string] => ['user token or stray key', t]),
      ...sigs.map((s): [string, string] => ['upstream sig', s]),
    ];
  };

  it('the flow was logged (requests, upstream failures) — so the search below means something', () => {
    expect(gateway.logs.length >= responses.length).toBeTruthy();
    expect(gateway.logs.some((l) => l.includes('"error":"UPSTREAM_TIMEOUT"'))).toBeTruthy();
    expect(gateway.logs.some((l) => l.includes('"error":"UPSTREAM_UNAVAILABLE"'))).toBeTruthy();
    expect(gateway.logs.some((l) => l.includes('"audit":true'))).toBeTruthy();
  });

  it('no log line holds a configured key, client key, user token or signature', async () => {
    for (const [what, secret] of await secrets()) {
      const line = gateway.logs.find((l) => l.includes(secret));
      // `what` names the secret in a failure, never the secret itself.
      expect({ what, line }).toEqual({ what, line: undefined });
    }
  });

  it('no answer (error bodies, headers, OpenAPI, metrics) holds a configured key, client key or signature', async () => {
    const exposed = responses.map((r) => `${r.text}\n${JSON.stringify([...r.headers])}`);
    for (const [what, secret] of await secrets()) {
      if (what === 'user token or stray key') continue; // MSDK's own answers may echo the caller's token back to it
      const found = exposed.find((t) => t.includes(secret));
      expect(found).toBe(undefined);
    }
  });
});
