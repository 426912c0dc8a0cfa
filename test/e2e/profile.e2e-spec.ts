import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CATALOG, type CatalogEntry } from '#msdk';
import { PROFILE_ANSWERS } from '../../apps/msdk-sandbox/src/answers/profile.answers.js';
import type { RecordedCall } from '../../apps/msdk-sandbox/src/control/sandbox-state.js';
import { GatewayHarness } from '../support/gateway-harness.js';
import { SandboxHarness } from '../support/sandbox-harness.js';
import { TEST_GAME } from '../support/test-game.js';
import { withSandboxAndGateway } from '../support/sandbox-and-gateway.js';
import { PROFILE_SAMPLES } from './samples/profile.samples.js';
import type { SampleCall } from './samples/sample-call.js';

const ROWS: CatalogEntry[] = Object.values(CATALOG.profile);
const UNIFIED = new Set(['openid', 'accessToken', 'msdkExtInfo']);
const TOKEN_FIELDS = ['accessToken', 'access_token', 'openkey', 'token'];

const rowOf = (sample: SampleCall): CatalogEntry => {
  const row = ROWS.find((r) => r.id === sample.id);
  assert.ok(row, `catalog row ${sample.id}`);
  return row;
};
const sampleOf = (row: CatalogEntry): SampleCall => {
  const sample = PROFILE_SAMPLES.find((s) => s.id === row.id);
  assert.ok(sample, `sample for ${row.id}`);
  return sample;
};

/** The interface's own fields as the sandbox received them: the query for GET rows, else the body. */
const sentFields = (row: CatalogEntry, call: RecordedCall) =>
  (row.method === 'GET' ? call.query : call.body) as Record<string, unknown>;

/** How a value looks once it went through a GET query string. */
const asQueryValue = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** The answer the sandbox computes for this call; the gateway must hand it back byte for byte. */
function sandboxAnswer(row: CatalogEntry, call: RecordedCall, requestId: string | null): Record<string, unknown> {
  const answer = PROFILE_ANSWERS[row.path]({
    entry: row,
    platform: call.query.appid === TEST_GAME.qqAppId ? 'qq' : 'wechat',
    appid: call.query.appid,
    openid: call.query.openid,
    fields: sentFields(row, call),
  });
  return { ...answer, msdkExtInfo: requestId };
}

const withoutExtInfo = ({ msdkExtInfo: _, ...rest }: Record<string, unknown>) => rest;

describe('profile routes end to end', () => {
  let sandbox!: SandboxHarness;
  let gateway!: GatewayHarness;
  // The fault tests below fail several writes in a row on purpose; keep the breaker out of it.
  withSandboxAndGateway({ resilience: { breakerThreshold: 1000 } }, (s, g) => ((sandbox = s), (gateway = g)));

  it('has one sample per profile catalog row, and no row carries is_lost or a cache', () => {
    assert.deepEqual(PROFILE_SAMPLES.map((s) => s.id).sort(), ROWS.map((r) => r.id).sort());
    assert.equal(ROWS.length, 15);
    for (const row of ROWS) {
      assert.equal(row.hasIsLost, false, `${row.path}: the doc's answer has no is_lost`);
      assert.equal(row.cache.kind, 'none', `${row.path} is not a cached profile`);
    }
  });

  for (const sample of PROFILE_SAMPLES) {
    it(`${sample.route} reaches ${rowOf(sample).path} signed as ${sample.appid} and returns its answer unchanged`, async () => {
      const row = rowOf(sample);
      const res = await gateway.call(sample.route, sample.body);
      assert.equal(res.status, 200, res.text);
      assert.equal(res.json.ret, 0);

      const calls = await sandbox.calls(row.path);
      assert.equal(calls.length, 1);
      const [call] = calls;
      assert.equal(call.method, row.method);
      assert.equal(call.verdict, 'ok', 'the sandbox verified the signature');
      assert.equal(call.query.appid, sample.appid);
      assert.equal(call.query.openid, sample.body.openid);
      assert.equal(call.query.encode, '2');
      assert.match(call.query.sig, /^[0-9a-f]{32}$/);

      const sent = sentFields(row, call);
      if (row.method === 'GET') assert.equal(call.rawBody, '', 'GET rows send no body');
      const tokenField = row.fields.accessToken;
      if (tokenField) assert.equal(sent[tokenField], sample.body.accessToken, `token sent as ${tokenField}`);
      for (const other of TOKEN_FIELDS.filter((f) => f !== tokenField)) assert.equal(sent[other], undefined, `no stray ${other}`);
      for (const name of Object.keys(row.fields.appid ?? {})) assert.equal(sent[name], sample.appid, `${name} filled as a string`);
      if (row.method === 'POST') {
        const idField = row.fields.openid;
        if (idField) assert.equal(sent[idField], sample.body.openid);
        else assert.equal(sent.openid, undefined, 'the openid travels in the query only');
      }
      for (const [name, value] of Object.entries(sample.body).filter(([n]) => !UNIFIED.has(n))) {
        if (row.method === 'GET') assert.equal(sent[name], asQueryValue(value), `${name} in the query`);
        else assert.deepEqual(sent[name], value, `${name} forwarded as sent`);
      }

      assert.deepEqual(res.json, sandboxAnswer(row, call, res.headers.get('x-request-id')));
      const again = await gateway.call(sample.route, sample.body);
      assert.deepEqual(withoutExtInfo(again.json), withoutExtInfo(res.json), 'deterministic per openid');
    });
  }

  it('get_xinyue_super with access_type 2 is signed with the WeChat appid', async () => {
    const sample = sampleOf(CATALOG.profile.getXinyueSuper);
    const res = await gateway.call(sample.route, { ...sample.body, openid: 'oKdX1jiB72W-4E16xBa5jFFEl-4g', access_type: 2 });
    assert.equal(res.status, 200, res.text);
    const [call] = await sandbox.calls('/profile/get_xinyue_super');
    assert.equal(call.verdict, 'ok');
    assert.equal(call.query.appid, TEST_GAME.wechatAppId);
    assert.equal(call.query.access_type, '2');
    assert.equal(res.json.trace_id, sample.body.trace_id);
  });

  it('the GET rows carry the token in the upstream query, but it never reaches the gateway log', async () => {
    for (const row of ROWS.filter((r) => r.method === 'GET')) {
      const sample = sampleOf(row);
      const res = await gateway.call(sample.route, sample.body);
      assert.equal(res.status, 200, res.text);
      const [call] = await sandbox.calls(row.path);
      assert.equal(call.query.access_token, sample.body.accessToken);
      const leaked = gateway.logs.filter((line) => line.includes(String(sample.body.accessToken)));
      assert.deepEqual(leaked, [], `${row.path} token in the log`);
    }
  });

  it('wxget_vip fills json {"optype":1} when the caller omits it', async () => {
    const { route, body } = sampleOf(CATALOG.profile.wxGetVip);
    const { json: _, ...withoutJson } = body;
    const res = await gateway.call(route, withoutJson);
    assert.equal(res.status, 200, res.text);
    const [call] = await sandbox.calls('/profile/wxget_vip');
    assert.deepEqual((call.body as Record<string, unknown>).json, { optype: 1 });
  });

  it('wxbattle_report forwards a batch of records as a JSON array', async () => {
    const { route, body } = sampleOf(CATALOG.profile.wxBattleReport);
    const batch = [body.json, { baseinfo: { gamename: 'Universal Aircraft War', platid: 1 } }];
    const res = await gateway.call(route, { ...body, json: batch });
    assert.equal(res.status, 200, res.text);
    const [call] = await sandbox.calls('/profile/wxbattle_report');
    assert.deepEqual((call.body as Record<string, unknown>).json, batch);
  });

  for (const row of ROWS.filter((r) => r.retry === 'never')) {
    it(`${row.path} is never repeated: an HTTP 502 from MSDK is a 502 after exactly one call`, async () => {
      const sample = sampleOf(row);
      await sandbox.fault({ interface: row.path, httpStatus: 502 });
      const res = await gateway.call(sample.route, sample.body);
      assert.equal(res.status, 502, res.text);
      assert.equal(typeof res.json.error.code, 'string');
      assert.equal((await sandbox.calls(row.path)).length, 1);
    });
  }

  for (const row of [CATALOG.profile.queryVip, CATALOG.profile.getXinyueSuper]) {
    it(`${row.path} is a read: one HTTP 502 is retried and the caller gets 200`, async () => {
      const sample = sampleOf(row);
      await sandbox.fault({ interface: row.path, httpStatus: 502, times: 1 });
      const res = await gateway.call(sample.route, sample.body);
      assert.equal(res.status, 200, res.text);
      assert.equal(res.json.ret, 0);
      assert.equal((await sandbox.calls(row.path)).length, 2);
    });
  }


  it('an is_lost fault changes nothing: no profile answer has the field', async () => {
    const sample = sampleOf(CATALOG.profile.queryVip);
    await sandbox.fault({ interface: '/profile/query_vip', isLost: true });
    const res = await gateway.call(sample.route, sample.body);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.is_lost, undefined);
    assert.equal(res.headers.get('x-msdk-is-lost'), null);
  });

});
