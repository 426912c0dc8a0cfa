import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALL_ENTRIES, type CatalogEntry } from '#msdk';
import { GatewayHarness } from '../support/gateway-harness.js';
import { SandboxHarness } from '../support/sandbox-harness.js';
import { withSandboxAndGateway } from '../support/sandbox-and-gateway.js';
import { AUTH_SAMPLES } from './samples/auth.samples.js';
import { FRIEND_SAMPLES } from './samples/friend.samples.js';
import { GROUP_SAMPLES } from './samples/group.samples.js';
import { PROFILE_SAMPLES } from './samples/profile.samples.js';
import { RELATION_SAMPLES } from './samples/relation.samples.js';
import type { SampleCall } from './samples/sample-call.js';
import { SHARE_FREEFLOW_SAMPLES } from './samples/share-freeflow.samples.js';

const SAMPLES: SampleCall[] = [...AUTH_SAMPLES, ...RELATION_SAMPLES, ...GROUP_SAMPLES, ...PROFILE_SAMPLES, ...SHARE_FREEFLOW_SAMPLES, ...FRIEND_SAMPLES];
const byId = new Map(SAMPLES.map((s) => [s.id, s]));

/** One table over the whole catalog: every row, its signature, its mapping, its bytes. */
describe('the whole catalog through the gateway', () => {
  let sandbox!: SandboxHarness;
  let gateway!: GatewayHarness;
  // Forwarding is under test: every call must reach the sandbox, and the deliberate burst of 502s
  // must neither open the breaker nor exhaust the retry budget.
  withSandboxAndGateway({
    env: { CACHE_ENABLED: '0' },
    resilience: { breakerThreshold: 1000, retryBudgetMinPerSecond: 1000 }
  }, (s, g) => ((sandbox = s), (gateway = g)));

  it('has a sample for each of the 53 rows (48 V3, 5 V5)', () => {
    assert.equal(ALL_ENTRIES.length, 53);
    assert.equal(ALL_ENTRIES.filter((e) => e.protocol === 'v3').length, 48);
    for (const entry of ALL_ENTRIES) assert.ok(byId.has(entry.id), `sample for ${entry.id}`);
  });

  it("serves every row directly, none through Nest's per-request router (README Benchmark)", () => {
    const startup = gateway.logs.map((l) => JSON.parse(l) as { msg?: string; direct?: number; viaNest?: string[] }).find((l) => l.msg?.startsWith('catalog routes:'));
    assert.deepEqual({ direct: startup?.direct, viaNest: startup?.viaNest }, { direct: 53, viaNest: [] });
  });

  for (const entry of ALL_ENTRIES as CatalogEntry[]) {
    it(`${entry.path}: signed, mapped, and answered with the sandbox's bytes`, async () => {
      const sample = byId.get(entry.id)!;
      const res = await gateway.call(sample.route, sample.body);
      assert.equal(res.status, 200, res.text);

      const calls = await sandbox.calls(entry.path);
      assert.equal(calls.length, 1);
      const [call] = calls;
      assert.equal(call.method, entry.method);
      assert.equal(call.verdict, 'ok', 'the sandbox verified the signature');
      assert.equal(entry.protocol === 'v3' ? call.query.appid : call.query.gameid, sample.appid);
      assert.match(call.query.sig, /^[0-9a-f]{32}$/);

      const sent = (entry.method === 'GET' ? call.query : call.body) as Record<string, unknown>;
      if (entry.fields.accessToken) assert.equal(sent[entry.fields.accessToken], sample.body.accessToken, `token sent as ${entry.fields.accessToken}`);
      if (entry.fields.accessToken !== 'accessToken') assert.equal(sent.accessToken, undefined, 'no unmapped accessToken');
      for (const [field] of Object.entries(entry.fields.appid ?? {})) {
        if (!field.includes('.')) assert.equal(String(sent[field]), sample.appid, `${field} filled with the appid`);
      }
      assert.equal(res.text, call.response, 'the response is byte-for-byte what MSDK (the sandbox) sent');
    });
  }

  const reads = (ALL_ENTRIES as CatalogEntry[]).filter((e) => e.retry === 'safe');
  const writes = (ALL_ENTRIES as CatalogEntry[]).filter((e) => e.retry === 'never');

  for (const entry of writes) {
    it(`${entry.path} is never repeated: a 502 means exactly one upstream call`, async () => {
      await sandbox.fault({ interface: entry.path, httpStatus: 502, times: 5 });
      const res = await gateway.call(byId.get(entry.id)!.route, byId.get(entry.id)!.body);
      assert.equal(res.status, 502);
      assert.equal((await sandbox.calls(entry.path)).length, 1);
    });
  }

  for (const entry of reads) {
    it(`${entry.path} is a read: 502 once then success is 200 after two calls`, async () => {
      await sandbox.fault({ interface: entry.path, httpStatus: 502 });
      const res = await gateway.call(byId.get(entry.id)!.route, byId.get(entry.id)!.body);
      assert.equal(res.status, 200, res.text);
      assert.equal((await sandbox.calls(entry.path)).length, 2);
    });
  }

  it('the OpenAPI document lists the 53 interfaces, each once, as x-msdk-interface', async () => {
    const doc = (await (await fetch(`${gateway.url}/docs-json`)).json()) as { paths: Record<string, Record<string, Record<string, unknown>>> };
    const names = Object.values(doc.paths).flatMap((p) => Object.values(p)).map((op) => op['x-msdk-interface']).filter((n): n is string => typeof n === 'string');
    assert.equal(names.length, 53, 'one operation per interface');
    assert.deepEqual(new Set(names), new Set(ALL_ENTRIES.map((e) => e.path)));
    assert.equal(names.filter((n) => !n.startsWith('/v2/')).length, 48, '48 V3 interfaces');
    for (const entry of ALL_ENTRIES) {
      assert.equal(doc.paths[byId.get(entry.id)!.route]?.post?.['x-msdk-interface'], entry.path, `${entry.id} is served at its route`);
    }
  });

  it('the OpenAPI document describes every request field (its MSDK meaning and limits)', async () => {
    type Schema = { properties?: Record<string, { description?: string }> };
    const doc = (await (await fetch(`${gateway.url}/docs-json`)).json()) as { components: { schemas: Record<string, Schema> } };
    const undescribed = Object.entries(doc.components.schemas)
      .filter(([name]) => name.endsWith('Dto'))
      .flatMap(([name, schema]) => Object.entries(schema.properties ?? {}).filter(([, p]) => !p.description).map(([field]) => `${name}.${field}`));
    assert.deepEqual(undescribed, []);
  });
});
