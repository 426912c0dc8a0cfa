import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { errorOf, invalidFields, type MsdkAnswer } from '../support/gateway-answer.js';
import { GatewayHarness, newClientKey, type TestClient } from '../support/gateway-harness.js';
import { post } from '../support/http-client.js';
import { SandboxHarness } from '../support/sandbox-harness.js';
import { withSandboxAndGateway } from '../support/sandbox-and-gateway.js';

// Who may do what: a table of callers x (route, game) -> status, each row against the real gateway.
const USER = { openid: 'A3284A812ECA15269F85AE1C2D94EB37', accessToken: '933FE8C9AB9C585D7EABD04373B7155F' };
const VERIFY = '/v1/auth/verify_login';
const PROFILE = '/v1/relation/qqprofile';

const full: TestClient = { name: 'lobby', key: newClientKey(), games: ['demo'], scopes: ['auth', 'relation'] };
const narrow: TestClient = { name: 'relation-only', key: newClientKey(), games: ['demo'], scopes: ['relation'] };
const otherGame: TestClient = {
  name: 'other-game-only',
  key: newClientKey(),
  games: ['other'],
  scopes: ['auth', 'relation'],
};
const twoGames: TestClient = { name: 'two-games', key: newClientKey(), games: ['demo', 'other'], scopes: ['auth'] };
// A key being rotated: the old and the new key are both configured (two hashes for one client).
const rotating: TestClient = {
  name: 'rotating',
  key: newClientKey(),
  nextKey: newClientKey(),
  games: ['demo'],
  scopes: ['auth'],
};
const CLIENTS = [full, narrow, otherGame, twoGames, rotating];

interface Row {
  readonly name: string;
  readonly key: string | undefined;
  readonly route: string;
  readonly gameId?: string;
  readonly status: number;
  readonly code?: string;
  /** The configured client a 403 log line must name. */
  readonly logged?: string;
}

const MATRIX: Row[] = [
  { name: 'allowed: scope and only game', key: full.key, route: VERIFY, status: 200 },
  { name: 'allowed: the same game named in X-Game-Id', key: full.key, route: PROFILE, gameId: 'demo', status: 200 },
  { name: 'allowed: a second scope of the same client', key: full.key, route: PROFILE, status: 200 },
  {
    name: 'wrong scope',
    key: narrow.key,
    route: VERIFY,
    status: 403,
    code: 'CALLER_FORBIDDEN',
    logged: 'relation-only',
  },
  {
    name: 'wrong game (exists, not granted)',
    key: full.key,
    route: VERIFY,
    gameId: 'other',
    status: 403,
    code: 'CALLER_FORBIDDEN',
    logged: 'lobby',
  },
  {
    name: 'wrong game (its only game is another)',
    key: otherGame.key,
    route: VERIFY,
    gameId: 'demo',
    status: 403,
    code: 'CALLER_FORBIDDEN',
    logged: 'other-game-only',
  },
  {
    name: 'wrong game (not configured at all)',
    key: full.key,
    route: VERIFY,
    gameId: 'no-such-game',
    status: 403,
    code: 'CALLER_FORBIDDEN',
    logged: 'lobby',
  },
  {
    name: 'malformed X-Game-Id',
    key: full.key,
    route: VERIFY,
    gameId: 'demo;other',
    status: 403,
    code: 'CALLER_FORBIDDEN',
  },
  { name: 'several games, none named', key: twoGames.key, route: VERIFY, status: 400, code: 'GAME_ID_REQUIRED' },
  { name: 'several games, one named', key: twoGames.key, route: VERIFY, gameId: 'demo', status: 200 },
  { name: 'rotated key: the old key', key: rotating.key, route: VERIFY, status: 200 },
  { name: 'rotated key: the new key', key: rotating.nextKey, route: VERIFY, status: 200 },
  {
    name: 'rotated key without the scope',
    key: rotating.nextKey,
    route: PROFILE,
    status: 403,
    code: 'CALLER_FORBIDDEN',
    logged: 'rotating',
  },
  { name: 'unknown key', key: newClientKey(), route: VERIFY, status: 401, code: 'CALLER_UNAUTHENTICATED' },
  { name: 'no key', key: undefined, route: VERIFY, status: 401, code: 'CALLER_UNAUTHENTICATED' },
];

describe('caller access matrix (scope x game x key)', () => {
  let gateway!: GatewayHarness;
  withSandboxAndGateway(
    {
      clients: CLIENTS,
      extraGames: [{ id: 'other', qqAppId: '1111', wechatAppId: 'wx1111', msdkKey: 'other-game-msdkkey-1' }],
    },
    (_s, g) => (gateway = g),
  );

  for (const row of MATRIX) {
    it(`${row.name} -> ${row.status}`, async () => {
      const headers: Record<string, string> = {};
      if (row.key) headers.authorization = `Bearer ${row.key}`;
      if (row.gameId) headers['x-game-id'] = row.gameId;
      const before = gateway.logs.length;
      const res = await post<MsdkAnswer>(`${gateway.url}${row.route}`, USER, headers);
      expect(res.status).toBe(row.status);
      if (row.status === 200) {
        expect(res.json.ret).toBe(0);
        return;
      }
      expect(errorOf(res).code).toBe(row.code);
      expect(errorOf(res).requestId).toBe(res.headers.get('x-request-id'));
      if (row.logged) {
        await new Promise((r) => setTimeout(r, 30));
        const warned = gateway.logs.slice(before).find((l) => l.includes('"context":"CallerAuth"'));
        expect(warned?.includes(`client ${row.logged} `)).toBeTruthy();
      }
    });
  }

  it('no log line ever holds a client key (rejected or accepted)', () => {
    const keys = CLIENTS.flatMap((c) => [c.key, c.nextKey]).filter((k): k is string => !!k);
    for (const line of gateway.logs) for (const key of keys) expect(!line.includes(key)).toBeTruthy();
  });
});

describe('header and id sanity', () => {
  let sandbox: SandboxHarness;
  let gateway: GatewayHarness;
  beforeAll(async () => {
    sandbox = await SandboxHarness.start();
    gateway = await GatewayHarness.start({ sandbox });
  });
  afterAll(async () => {
    await gateway.close();
    await sandbox.close();
  });

  const bad = async (openid: unknown) => {
    const res = await gateway.call(VERIFY, { ...USER, openid });
    expect(res.status).toBe(400);
    expect(errorOf(res).code).toBe('VALIDATION_FAILED');
    expect(invalidFields(res)).toContain('openid');
    expect(!res.text.includes(String(openid)) || String(openid).length < 3).toBeTruthy();
  };

  it('openid: 1-128 of [A-Za-z0-9_.@=+-], a string', async () => {
    for (const openid of [
      'x'.repeat(129),
      '',
      'abc def',
      '../../etc',
      'a/b',
      'a?b=c',
      'a&b',
      'é',
      'a\nb',
      'A%2F',
      12345,
      ['A'],
      null,
    ])
      await bad(openid);
    expect((await gateway.call(VERIFY, { ...USER, openid: 'x'.repeat(128) })).status).toBe(200);
    expect((await gateway.call(VERIFY, { ...USER, openid: 'oGRTijrV0l67hDGN7dstOl8CphN0' })).status).toBe(200);
  });

  it('X-Request-Id: a sane token is kept, anything else is replaced (never reflected)', async () => {
    for (const [given, kept] of [
      ['trace-1234.abcd_EF', true],
      ['short', false],
      ['x'.repeat(65), false],
      ['has space 12345', false],
      ['semi;colon;12345', false],
      ['<script>alert(1)</script>', false],
    ] as const) {
      const res = await gateway.call(VERIFY, USER, { headers: { 'x-request-id': given } });
      expect(res.status).toBe(200);
      if (kept) expect(res.headers.get('x-request-id')).toBe(given);
      else expect(res.headers.get('x-request-id')!).toMatch(/^[0-9a-f]{32}$/);
    }
  });
});
