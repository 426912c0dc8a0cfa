import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { Pool } from 'undici';
import { isErrorEnvelope } from '../support/gateway-answer.js';
import { GatewayHarness } from '../support/gateway-harness.js';
import { get } from '../support/http-client.js';
import { SandboxHarness } from '../support/sandbox-harness.js';
import { defined } from '../support/defined.js';
import { ALL_SAMPLES } from './samples/all.samples.js';

// Thousands of random and malformed requests (bodies, content types, headers, methods) against a
// sample of routes: the gateway never answers 5xx, never falls over, and every answer is either
// MSDK's JSON (200) or our error envelope. Reproduce a run with FUZZ_SEED=<seed printed below>.
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const CONCURRENCY = 32;

const SAMPLE_IDS = [
  'auth.verify_login',
  'relation.qqprofile', // cached
  'profile.get_xinyue_super', // GET upstream
  'profile.get_gift', // write
  'share.qq', // byte limits, numeric appid
  'group.wxsend_groupmsg', // nested reqBody with a filled-in appid
  'friend.friend_list', // V5
  'friend.share', // V5 write with a nested object
];
const SAMPLES = SAMPLE_IDS.map((id) => {
  return defined(
    ALL_SAMPLES.find((s) => s.id === id),
    `a sample of ${id}`,
  );
});
const OTHER_ROUTES = [
  '/v1/auth/no_such_interface',
  '/v1/../health/live',
  '/health/ready',
  '/docs-json',
  '/v1/profile/get_gift?openid=x&sig=1',
];

interface FuzzCase {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string | Uint8Array | undefined;
}

const printable = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 80,
});
const jsonValue = fc.jsonValue({ maxDepth: 3 });

/** A valid sample body, broken in a few random ways (fields replaced, dropped, added). */
const mutatedBody = (body: Record<string, unknown>) =>
  fc
    .array(
      fc.tuple(
        fc.constantFrom(...Object.keys(body), 'appid', 'sig', '__proto__', 'constructor', 'openid', 'accessToken', 'x'),
        fc.option(jsonValue, { nil: undefined }),
      ),
      { minLength: 1, maxLength: 3 },
    )
    .map((changes) => {
      const out = structuredClone(body);
      for (const [k, v] of changes) {
        if (v === undefined) delete out[k];
        else Object.defineProperty(out, k, { value: v, enumerable: true, configurable: true, writable: true });
      }
      return JSON.stringify(out);
    });

const pathological = fc.oneof(
  fc.integer({ min: 1, max: 20_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
  fc.integer({ min: 1, max: 5_000 }).map((n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`),
  fc.constant('{"__proto__":{"polluted":true},"openid":"A1"}'),
  fc.constant('{"constructor":{"prototype":{"polluted":true}}}'),
  fc.constant('{"openid":"A1","openid":"B2","accessToken":"T"}'),
  fc.constant('{"openid":"\\u0000","accessToken":"\\ud800"}'),
  fc.constant('{"openid":1e400,"accessToken":-0}'),
  fc.constant('null'),
  fc.constant('"just a string"'),
  fc.constant(''),
  fc.constant(`{"openid":"${'A'.repeat(70 * 1024)}"}`), // over the body limit
);

const bodyFor = (sample: Record<string, unknown> | undefined) =>
  fc.oneof(
    { weight: 6, arbitrary: sample ? mutatedBody(sample) : fc.json() },
    { weight: 3, arbitrary: fc.json({ maxDepth: 3 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) },
    { weight: 2, arbitrary: pathological },
    { weight: 1, arbitrary: sample ? fc.constant(JSON.stringify(sample)) : fc.constant('{}') },
  );

const contentType = fc.oneof(
  { weight: 8, arbitrary: fc.constant('application/json') },
  fc.constantFrom(
    'application/json; charset=utf-8',
    'APPLICATION/JSON',
    'application/json;charset=latin1',
    'application/jsonx',
    'application/json-patch+json',
  ),
  fc.constantFrom(
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=----x',
    'application/xml',
    '*/*',
    '',
  ),
  printable,
  fc.constant(undefined),
);

const authorization = (key: string) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constant(`Bearer ${key}`) },
    fc.constantFrom(
      `bearer ${key}`,
      `Bearer  ${key}`,
      key,
      `Basic ${Buffer.from(`u:${key}`).toString('base64')}`,
      `Bearer ${'k'.repeat(600)}`,
      'Bearer',
    ),
    printable.map((s) => `Bearer ${s}`),
    printable,
    fc.constant(undefined),
  );

const fuzzCase = (key: string): fc.Arbitrary<FuzzCase> =>
  fc
    .oneof(
      { weight: 9, arbitrary: fc.constantFrom(...SAMPLES).map((s) => ({ path: s.route, sample: s.body })) },
      fc.constantFrom(...OTHER_ROUTES).map((path) => ({ path, sample: undefined })),
    )
    .chain(({ path, sample }) =>
      fc.record({
        method: fc.oneof(
          { weight: 12, arbitrary: fc.constant('POST') },
          fc.constantFrom('GET', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'),
        ),
        path: fc.constant(path),
        body: bodyFor(sample),
        contentType,
        authorization: authorization(key),
        gameId: fc.oneof(
          { weight: 6, arbitrary: fc.constant(undefined) },
          { weight: 2, arbitrary: fc.constant('demo') },
          fc.constantFrom('other', 'DEMO', '../demo', 'demo\t'),
          printable,
        ),
        requestId: fc.option(printable, { nil: undefined }),
        cacheControl: fc.option(fc.constantFrom('no-cache', 'no-store', 'max-age=0, no-cache'), { nil: undefined }),
      }),
    )
    .map((c) => {
      const headers: Record<string, string> = {};
      if (c.contentType !== undefined) headers['content-type'] = c.contentType;
      if (c.authorization !== undefined) headers.authorization = c.authorization;
      if (c.gameId !== undefined) headers['x-game-id'] = c.gameId;
      if (c.requestId !== undefined) headers['x-request-id'] = c.requestId;
      if (c.cacheControl !== undefined) headers['cache-control'] = c.cacheControl;
      const noBody = c.method === 'GET' || c.method === 'HEAD';
      return { method: c.method, path: c.path, headers, body: noBody ? undefined : c.body };
    });

describe(`fuzzing ${RUNS} random and malformed requests (seed ${SEED})`, () => {
  let sandbox: SandboxHarness;
  let gateway: GatewayHarness;
  let pool: Pool;

  beforeAll(async () => {
    sandbox = await SandboxHarness.start();
    gateway = await GatewayHarness.start({
      sandbox,
      env: { LOG_LEVEL: 'warn' },
      configPatch: { rateLimits: { perClient: { limit: 1_000_000 } } },
    });
    pool = new Pool(gateway.url, { connections: 16, keepAliveTimeout: 30_000 });
  });
  afterAll(async () => {
    await pool.close();
    await gateway.close();
    await sandbox.close();
  });

  it('no 5xx, no crash, every answer MSDK JSON or the error envelope', async () => {
    const cases = fc.sample(fuzzCase(gateway.defaultClient.key), { numRuns: RUNS, seed: SEED });
    const problems: string[] = [];
    const statuses = new Map<number, number>();
    const describeCase = (c: FuzzCase) =>
      `${c.method} ${c.path} ${JSON.stringify(c.headers)} ${typeof c.body === 'string' ? c.body.slice(0, 200) : c.body ? `<${c.body.length} bytes>` : '<none>'}`;

    const send = async (c: FuzzCase): Promise<void> => {
      const res = await pool.request({ method: c.method, path: c.path, headers: c.headers, body: c.body });
      const text = await res.body.text();
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      const problem = judge(c.method, res.statusCode, res.headers['x-request-id'], text);
      if (problem && problems.length < 20)
        problems.push(`${problem}: ${describeCase(c)} -> ${res.statusCode} ${text.slice(0, 300)}`);
    };

    let next = 0;
    const worker = async () => {
      while (next < cases.length) {
        const c = cases[next++];
        try {
          await send(c);
        } catch (error) {
          if (problems.length < 20) problems.push(`transport error ${String(error)}: ${describeCase(c)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    const summary = [...statuses]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s}:${n}`)
      .join(' ');
    console.log(`fuzz seed ${SEED}: ${cases.length} requests, statuses ${summary}`);
    expect(problems).toEqual([]);
    expect(
      (statuses.get(200) ?? 0) > 0 &&
        (statuses.get(400) ?? 0) > 0 &&
        (statuses.get(401) ?? 0) > 0 &&
        (statuses.get(415) ?? 0) > 0,
    ).toBeTruthy();

    expect((await get(`${gateway.url}/health/live`)).status).toBe(200);
    const errors = gateway.logs.filter((l) => /"level":(50|60)/.test(l));
    expect(errors.slice(0, 5)).toEqual([]);
  }, 120_000);
});

/** What is wrong with one answer, or undefined when it is fine. */
function judge(method: string, status: number, requestIdHeader: unknown, text: string): string | undefined {
  if (status >= 500) return `status ${status}`;
  if (method === 'HEAD') return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return 'not JSON';
  }
  if (status < 400) return body !== null && typeof body === 'object' ? undefined : 'a 2xx that is not a JSON object';
  if (!isErrorEnvelope(body)) return 'not the error envelope';
  if (body.error.requestId !== requestIdHeader) return 'the envelope requestId differs from X-Request-Id';
  return undefined;
}
