import { describe, expect, it } from '@jest/globals';
import { CATALOG, type CatalogEntry } from '#msdk';
import { PROFILE_ANSWERS } from '../../apps/msdk-sandbox/src/answers/profile.answers.js';
import type { RecordedCall } from '../../apps/msdk-sandbox/src/control/sandbox-state.js';
import { errorOf, type MsdkAnswer } from '../support/gateway-answer.js';
import { GatewayHarness } from '../support/gateway-harness.js';
import { SandboxHarness } from '../support/sandbox-harness.js';
import { TEST_GAME } from '../support/test-game.js';
import { withSandboxAndGateway } from '../support/sandbox-and-gateway.js';
import { PROFILE_SAMPLES } from './samples/profile.samples.js';
import type { SampleCall } from './samples/sample-call.js';
import { defined } from '../support/defined.js';

const ROWS: CatalogEntry[] = Object.values(CATALOG.profile);
const UNIFIED = new Set(['openid', 'accessToken', 'msdkExtInfo']);
const TOKEN_FIELDS = ['accessToken', 'access_token', 'openkey', 'token'];

const rowOf = (sample: SampleCall): CatalogEntry => {
  return defined(
    ROWS.find((r) => r.id === sample.id),
    `the catalog row of ${sample.id}`,
  );
};
const sampleOf = (row: CatalogEntry): SampleCall => {
  return defined(
    PROFILE_SAMPLES.find((s) => s.id === row.id),
    `a sample of ${row.id}`,
  );
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

/** The answer without msdkExtInfo, which echoes each call's own request id (toEqual skips undefined fields). */
const withoutExtInfo = (json: MsdkAnswer) => ({ ...json, msdkExtInfo: undefined });

describe('profile routes end to end', () => {
  let sandbox!: SandboxHarness;
  let gateway!: GatewayHarness;
  // The fault tests below fail several writes in a row on purpose; keep the breaker out of it.
  withSandboxAndGateway({ resilience: { breakerThreshold: 1000 } }, (s, g) => ((sandbox = s), (gateway = g)));

  it('has one sample per profile catalog row, and no row carries is_lost or a cache', () => {
    expect(PROFILE_SAMPLES.map((s) => s.id).sort()).toEqual(ROWS.map((r) => r.id).sort());
    for (const row of ROWS) {
      expect(row.hasIsLost).toBe(false);
      expect(row.cache.kind).toBe('none');
    }
  });

  for (const sample of PROFILE_SAMPLES) {
    it(`${sample.route} reaches ${rowOf(sample).path} signed as ${sample.appid} and returns its answer unchanged`, async () => {
      const row = rowOf(sample);
      const res = await gateway.call(sample.route, sample.body);
      expect(res.status).toBe(200);
      expect(res.json.ret).toBe(0);

      const calls = await sandbox.calls(row.path);
      expect(calls.length).toBe(1);
      const [call] = calls;
      expect(call.method).toBe(row.method);
      expect(call.verdict).toBe('ok');
      expect(call.query.appid).toBe(sample.appid);
      expect(call.query.openid).toBe(sample.body.openid);
      expect(call.query.encode).toBe('2');
      expect(call.query.sig).toMatch(/^[0-9a-f]{32}$/);

      const sent = sentFields(row, call);
      if (row.method === 'GET') expect(call.rawBody).toBe('');
      const tokenField = row.fields.accessToken;
      if (tokenField) expect(sent[tokenField]).toBe(sample.body.accessToken);
      for (const other of TOKEN_FIELDS.filter((f) => f !== tokenField)) expect(sent[other]).toBe(undefined);
      for (const name of Object.keys(row.fields.appid ?? {})) expect(sent[name]).toBe(sample.appid);
      if (row.method === 'POST') {
        const idField = row.fields.openid;
        if (idField) expect(sent[idField]).toBe(sample.body.openid);
        else expect(sent.openid).toBe(undefined);
      }
      for (const [name, value] of Object.entries(sample.body).filter(([n]) => !UNIFIED.has(n))) {
        if (row.method === 'GET') expect(sent[name]).toBe(asQueryValue(value));
        else expect(sent[name]).toEqual(value);
      }

      expect(res.json).toEqual(sandboxAnswer(row, call, res.headers.get('x-request-id')));
      const again = await gateway.call(sample.route, sample.body);
      expect(withoutExtInfo(again.json)).toEqual(withoutExtInfo(res.json));
    });
  }

  it('get_xinyue_super with access_type 2 is signed with the WeChat appid', async () => {
    const sample = sampleOf(CATALOG.profile.getXinyueSuper);
    const res = await gateway.call<MsdkAnswer & { trace_id: string }>(sample.route, {
      ...sample.body,
      openid: 'oKdX1jiB72W-4E16xBa5jFFEl-4g',
      access_type: 2,
    });
    expect(res.status).toBe(200);
    const [call] = await sandbox.calls('/profile/get_xinyue_super');
    expect(call.verdict).toBe('ok');
    expect(call.query.appid).toBe(TEST_GAME.wechatAppId);
    expect(call.query.access_type).toBe('2');
    expect(res.json.trace_id).toBe(sample.body.trace_id);
  });

  it('the GET rows carry the token in the upstream query, but it never reaches the gateway log', async () => {
    for (const row of ROWS.filter((r) => r.method === 'GET')) {
      const sample = sampleOf(row);
      const res = await gateway.call(sample.route, sample.body);
      expect(res.status).toBe(200);
      const [call] = await sandbox.calls(row.path);
      expect(call.query.access_token).toBe(sample.body.accessToken);
      const leaked = gateway.logs.filter((line) => line.includes(String(sample.body.accessToken)));
      expect(leaked).toEqual([]);
    }
  });

  it('wxget_vip fills json {"optype":1} when the caller omits it', async () => {
    const { route, body } = sampleOf(CATALOG.profile.wxGetVip);
    // An undefined field is left out of the JSON sent.
    const res = await gateway.call(route, { ...body, json: undefined });
    expect(res.status).toBe(200);
    const [call] = await sandbox.calls('/profile/wxget_vip');
    expect((call.body as Record<string, unknown>).json).toEqual({ optype: 1 });
  });

  it('wxbattle_report forwards a batch of records as a JSON array', async () => {
    const { route, body } = sampleOf(CATALOG.profile.wxBattleReport);
    const batch = [body.json, { baseinfo: { gamename: 'Universal Aircraft War', platid: 1 } }];
    const res = await gateway.call(route, { ...body, json: batch });
    expect(res.status).toBe(200);
    const [call] = await sandbox.calls('/profile/wxbattle_report');
    expect((call.body as Record<string, unknown>).json).toEqual(batch);
  });

  for (const row of ROWS.filter((r) => r.retry === 'never')) {
    it(`${row.path} is never repeated: an HTTP 502 from MSDK is a 502 after exactly one call`, async () => {
      const sample = sampleOf(row);
      await sandbox.fault({ interface: row.path, httpStatus: 502 });
      const res = await gateway.call(sample.route, sample.body);
      expect(res.status).toBe(502);
      expect(typeof errorOf(res).code).toBe('string');
      expect((await sandbox.calls(row.path)).length).toBe(1);
    });
  }

  for (const row of [CATALOG.profile.queryVip, CATALOG.profile.getXinyueSuper]) {
    it(`${row.path} is a read: one HTTP 502 is retried and the caller gets 200`, async () => {
      const sample = sampleOf(row);
      await sandbox.fault({ interface: row.path, httpStatus: 502, times: 1 });
      const res = await gateway.call(sample.route, sample.body);
      expect(res.status).toBe(200);
      expect(res.json.ret).toBe(0);
      expect((await sandbox.calls(row.path)).length).toBe(2);
    });
  }

  it('an is_lost fault changes nothing: no profile answer has the field', async () => {
    const sample = sampleOf(CATALOG.profile.queryVip);
    await sandbox.fault({ interface: '/profile/query_vip', isLost: true });
    const res = await gateway.call(sample.route, sample.body);
    expect(res.status).toBe(200);
    expect(res.json.is_lost).toBe(undefined);
    expect(res.headers.get('x-msdk-is-lost')).toBe(null);
  });
});
