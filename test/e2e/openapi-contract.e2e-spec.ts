import { describe, expect, it } from '@jest/globals';
import { ALL_ENTRIES, type CatalogEntry } from '#msdk';
import type { Fault } from '../../apps/msdk-sandbox/src/control/fault.js';
import { GatewayHarness, newClientKey, type TestClient } from '../support/gateway-harness.js';
import { request, type HttpResult } from '../support/http-client.js';
import { SandboxHarness } from '../support/sandbox-harness.js';
import { withSandboxAndGateway } from '../support/sandbox-and-gateway.js';
import { TEST_GAME } from '../support/test-game.js';
import { ContractValidator, readCommittedDocument } from './openapi-validator.js';
import { FRIEND_MORE_SAMPLES } from './samples/friend.samples.js';
import type { SampleCall } from './samples/sample-call.js';
import { ALL_SAMPLES, ALL_INVALID } from './samples/all.samples.js';

/*
 * The contract: for every operation, what the sandbox (MSDK's emulator) answers and what the
 * gateway makes of it, success and each error either can produce, validates against the
 * committed OpenAPI document (which openapi-document.e2e-spec.ts holds equal to the served
 * one). So the document, the sandbox and the MSDK docs the answers were written from cannot
 * drift apart unnoticed.
 */

const SAMPLES = ALL_SAMPLES;
const INVALID = ALL_INVALID;
const sampleOf = (entry: CatalogEntry): SampleCall => {
  const sample = SAMPLES.find((s) => s.id === entry.id);
  if (!sample) throw new Error(`no sample call for ${entry.id}`);
  return sample;
};

const contract = new ContractValidator(readCommittedDocument());
const ROWS = ALL_ENTRIES as CatalogEntry[];

/** Collects every way the answers of one test break the contract, to report them all at once. */
class Findings {
  readonly problems: string[] = [];

  /** The answer has the status the case is about, and conforms to the document. */
  expect(label: string, route: string, answer: HttpResult, status: number, code?: string): void {
    if (answer.status !== status) this.problems.push(`${label}: HTTP ${answer.status}, not ${status}: ${answer.text}`);
    const sentCode = (answer.json as { error?: { code?: string } } | undefined)?.error?.code;
    if (code !== undefined && sentCode !== code) this.problems.push(`${label}: code ${sentCode}, not ${code}`);
    this.problems.push(...contract.problems(route, answer).map((p) => `${label}: ${p}`));
  }
}

const ALL_SCOPES: TestClient['scopes'] = ['auth', 'relation', 'group', 'profile', 'share', 'freeflow', 'friend'];
const client = (name: string, games: string[], scopes = ALL_SCOPES): TestClient => ({
  name,
  key: newClientKey(),
  games,
  scopes,
});

describe('the OpenAPI contract: every operation, success and each error, as documented', () => {
  let sandbox!: SandboxHarness;
  let gateway!: GatewayHarness;
  const main = client('main', [TEST_GAME.id]);
  const twoGames = client('two-games', [TEST_GAME.id, 'nov5']);
  const adminOnly = client('admin-only', [TEST_GAME.id], ['admin']);
  withSandboxAndGateway(
    {
      env: { CACHE_ENABLED: '0' },
      clients: [main, twoGames, adminOnly],
      // A game without V5 credentials: the friend operations answer 501 for it.
      extraGames: [{ id: 'nov5', qqAppId: '1111', wechatAppId: 'wx1111', msdkKey: 'nov5-game-msdkkey-1' }],
      // Every failure below is deliberate: none may open the breaker or exhaust the retry budget.
      resilience: { breakerThreshold: 1000, retryBudgetMinPerSecond: 1000 },
    },
    (s, g) => ((sandbox = s), (gateway = g)),
  );

  const call = (sample: SampleCall, options: { client?: TestClient; headers?: Record<string, string> } = {}) =>
    gateway.call(sample.route, sample.body, options);
  const withFault = async (sample: SampleCall, fault: Omit<Fault, 'interface'>, entry: CatalogEntry) => {
    await sandbox.reset();
    await sandbox.fault({ interface: entry.path, ...fault });
    return call(sample);
  };

  for (const entry of ROWS) {
    it(`${entry.path}: MSDK's answer and the gateway's, success and MSDK's errors`, async () => {
      const sample = sampleOf(entry);
      const route = sample.route;
      const found = new Findings();

      const ok = await call(sample);
      found.expect('success', route, ok, 200);
      const [answered] = await sandbox.calls(entry.path);
      found.problems.push(...contract.answerProblems(route, JSON.parse(answered?.response ?? 'null')));
      if (entry.hasIsLost) {
        const degraded = await withFault(sample, { isLost: true }, entry);
        found.expect('is_lost', route, degraded, 200);
        if (degraded.headers.get('x-msdk-is-lost') !== '1') found.problems.push('is_lost: X-Msdk-Is-Lost is not 1');
      }
      found.expect('ret', route, await withFault(sample, { ret: -1, msg: 'injected' }, entry), 502, 'MSDK_ERROR');
      found.expect('ret -503', route, await withFault(sample, { ret: -503 }, entry), 429, 'MSDK_FREQUENCY_LIMIT');
      found.expect('HTTP 500', route, await withFault(sample, { httpStatus: 500, times: 5 }, entry), 502);
      found.expect('garbage', route, await withFault(sample, { body: '<html>', times: 5 }, entry), 502);
      found.expect('reset', route, await withFault(sample, { reset: true, times: 5 }, entry), 502);
      if (entry.fields.accessToken !== null) {
        await sandbox.reset();
        const expired = await gateway.call(route, {
          ...sample.body,
          accessToken: `expired-${String(sample.body.accessToken)}`,
        });
        found.expect('expired token', route, expired, 422, 'MSDK_USER_TOKEN_INVALID');
      }
      expect(found.problems).toEqual([]);
    });

    it(`${entry.path}: the gateway's own refusals`, async () => {
      const sample = sampleOf(entry);
      const route = sample.route;
      const url = `${gateway.url}${route}`;
      const json = { 'content-type': 'application/json', authorization: `Bearer ${main.key}` };
      const found = new Findings();

      found.expect('unknown field', route, await gateway.call(route, { ...sample.body, notAField: 1 }), 400);
      found.expect('not JSON', route, await request('POST', url, '{"openid":', json), 400, 'INVALID_JSON');
      found.expect('no key', route, await request('POST', url, sample.body), 401, 'CALLER_UNAUTHENTICATED');
      found.expect('no scope', route, await call(sample, { client: adminOnly }), 403, 'CALLER_FORBIDDEN');
      found.expect('other game', route, await call(sample, { headers: { 'x-game-id': 'nope' } }), 403);
      found.expect('no X-Game-Id', route, await call(sample, { client: twoGames }), 400, 'GAME_ID_REQUIRED');
      const big = await gateway.call(route, { ...sample.body, pad: 'x'.repeat(70_000) });
      found.expect('too large', route, big, 413, 'PAYLOAD_TOO_LARGE');
      const text = await request('POST', url, 'openid=1', { ...json, 'content-type': 'text/plain' });
      found.expect('not JSON type', route, text, 415, 'UNSUPPORTED_MEDIA_TYPE');
      if (entry.protocol === 'v5') {
        const noV5 = await call(sample, { client: twoGames, headers: { 'x-game-id': 'nov5' } });
        found.expect('no V5 credentials', route, noV5, 501, 'MSDK_CREDENTIAL_MISSING');
      }
      expect(found.problems).toEqual([]);
    });
  }

  it('every documented limit, broken: a 400 as documented', async () => {
    const found = new Findings();
    for (const invalid of INVALID) {
      found.expect(
        invalid.name,
        invalid.route,
        await gateway.call(invalid.route, invalid.body),
        400,
        'VALIDATION_FAILED',
      );
    }
    expect(found.problems).toEqual([]);
  });

  it('the other channel and optional fields (V5): answers as documented', async () => {
    const found = new Findings();
    for (const sample of FRIEND_MORE_SAMPLES) found.expect(sample.id, sample.route, await call(sample), 200);
    expect(found.problems).toEqual([]);
  });
});

describe('the OpenAPI contract: refusals for load (rate limits, the per-user guard)', () => {
  let gateway!: GatewayHarness;
  const main = client('main', [TEST_GAME.id]);
  const limited = client('limited', [TEST_GAME.id]);
  withSandboxAndGateway(
    {
      env: { CACHE_ENABLED: '0' },
      clients: [main, limited],
      configPatch: {
        rateLimits: {
          clients: { limited: { limit: 1, windowMs: 600_000 } },
          perUser: { enabled: true, limit: 1, windowMs: 600_000 },
        },
      },
    },
    (_s, g) => (gateway = g),
  );

  for (const entry of ROWS) {
    it(`${entry.path}: 429 as documented`, async () => {
      const sample = sampleOf(entry);
      const found = new Findings();
      found.expect('first call', sample.route, await gateway.call(sample.route, sample.body), 200);
      const again = await gateway.call(sample.route, sample.body);
      found.expect('per-user guard', sample.route, again, 429, 'MSDK_FREQUENCY_LIMIT');
      // The limited client's one call a window is spent by its first call (here or in an earlier test).
      await gateway.call(sample.route, sample.body, { client: limited });
      const refused = await gateway.call(sample.route, sample.body, { client: limited });
      found.expect('client limit', sample.route, refused, 429, 'RATE_LIMITED');
      if (!refused.headers.get('retry-after')) found.problems.push('client limit: no Retry-After');
      expect(found.problems).toEqual([]);
    });
  }
});

describe('the OpenAPI contract: MSDK failing (breaker open)', () => {
  let sandbox!: SandboxHarness;
  let gateway!: GatewayHarness;
  withSandboxAndGateway(
    {
      env: { CACHE_ENABLED: '0' },
      resilience: { breakerThreshold: 1, breakerHalfOpenAfterMs: 600_000, maxRetries: 0 },
    },
    (s, g) => ((sandbox = s), (gateway = g)),
  );

  for (const entry of ROWS) {
    it(`${entry.path}: 503 CIRCUIT_OPEN as documented`, async () => {
      const sample = sampleOf(entry);
      const found = new Findings();
      await sandbox.fault({ interface: entry.path, httpStatus: 502 });
      const failed = await gateway.call(sample.route, sample.body);
      // The first row's failure opens the breaker; after that every call is refused at once.
      found.expect('failure', sample.route, failed, failed.status === 502 ? 502 : 503);
      found.expect('open', sample.route, await gateway.call(sample.route, sample.body), 503, 'CIRCUIT_OPEN');
      expect(found.problems).toEqual([]);
    });
  }
});

describe('the OpenAPI contract: MSDK too slow', () => {
  let sandbox!: SandboxHarness;
  let gateway!: GatewayHarness;
  withSandboxAndGateway(
    {
      env: { CACHE_ENABLED: '0' },
      resilience: { attemptTimeoutMs: 100, deadlineMs: 250, breakerThreshold: 1000, retryBudgetMinPerSecond: 1000 },
    },
    (s, g) => ((sandbox = s), (gateway = g)),
  );

  for (const entry of ROWS) {
    it(`${entry.path}: 504 UPSTREAM_TIMEOUT as documented`, async () => {
      const sample = sampleOf(entry);
      const found = new Findings();
      await sandbox.fault({ interface: entry.path, delayMs: 1000, times: 5 });
      found.expect('timeout', sample.route, await gateway.call(sample.route, sample.body), 504, 'UPSTREAM_TIMEOUT');
      expect(found.problems).toEqual([]);
    });
  }
});
