import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALL_ENTRIES, CATALOG, type CatalogEntry } from '#msdk';
import { ANSWERS } from '../../apps/msdk-sandbox/src/answers/answer-registry.js';
import type { RecordedCall } from '../../apps/msdk-sandbox/src/control/sandbox-state.js';
import { GatewayHarness } from '../support/gateway-harness.js';
import type { HttpResult } from '../support/http-client.js';
import { SandboxHarness } from '../support/sandbox-harness.js';
import { TEST_GAME } from '../support/test-game.js';
import { withSandboxAndGateway } from '../support/sandbox-and-gateway.js';
import { oneSignedV3Call } from '../support/signed-call.js';
import { SHARE_FREEFLOW_SAMPLES } from './samples/share-freeflow.samples.js';

const entryOf = (id: string): CatalogEntry => {
  const entry = ALL_ENTRIES.find((e) => e.id === id);
  assert.ok(entry, `catalog row ${id}`);
  return entry;
};
const sampleOf = (id: string) => SHARE_FREEFLOW_SAMPLES.find((s) => s.id === id)!;

/** What the sandbox answered for a recorded call: its answer function on the same input, plus the echo. */
function sandboxAnswer(entry: CatalogEntry, call: RecordedCall): Record<string, unknown> {
  const answer = ANSWERS[entry.path]({
    entry,
    platform: call.query.appid === TEST_GAME.wechatAppId ? 'wechat' : 'qq',
    appid: call.query.appid,
    openid: call.query.openid,
    fields: call.body as Record<string, unknown>,
  });
  return { ...answer, msdkExtInfo: call.query.msdkExtInfo };
}

const withoutEcho = (res: HttpResult) => ({ ...res.json, msdkExtInfo: undefined });

describe('share and freeflow routes end to end', () => {
  let sandbox!: SandboxHarness;
  let gateway!: GatewayHarness;
  // A high breaker threshold: this suite injects 5xx on purpose and must not trip the breaker.
  withSandboxAndGateway({ resilience: { breakerThreshold: 1000 } }, (s, g) => ((sandbox = s), (gateway = g)));

  it('has one sample per share/freeflow catalog row', () => {
    const ids = [...Object.values(CATALOG.share), ...Object.values(CATALOG.freeflow)].map((e) => e.id).sort();
    assert.deepEqual(SHARE_FREEFLOW_SAMPLES.map((s) => s.id).sort(), ids);
  });

  for (const sample of SHARE_FREEFLOW_SAMPLES) {
    const entry = entryOf(sample.id);

    it(`${sample.route} -> ${entry.method} ${entry.path}, signed as ${sample.appid}, MSDK's answer unchanged`, async () => {
      const res = await gateway.call(sample.route, sample.body);
      assert.equal(res.status, 200, res.text);
      assert.equal(res.json.ret, 0);
      assert.equal(res.headers.get('x-cache'), 'BYPASS');

      const call = await oneSignedV3Call(sandbox, entry, sample);
      assert.equal(call.query.msdkExtInfo, res.headers.get('x-request-id'));

      const sent = call.body as Record<string, unknown>;
      assert.equal(sent[entry.fields.openid!], sample.body.openid);
      if (entry.fields.accessToken) assert.equal(sent[entry.fields.accessToken], sample.body.accessToken, `token sent as ${entry.fields.accessToken}`);
      if (entry.fields.accessToken !== 'accessToken') assert.equal(sent.accessToken, undefined, 'no stray accessToken');
      for (const [name, type] of Object.entries(entry.fields.appid ?? {})) {
        assert.equal(sent[name], type === 'number' ? Number(sample.appid) : sample.appid, `body ${name} is the ${type} appid`);
      }
      for (const [name, value] of Object.entries(sample.body)) {
        if (name !== 'openid' && name !== 'accessToken') assert.deepEqual(sent[name], value, `${name} forwarded as given`);
      }

      assert.deepEqual(res.json, sandboxAnswer(entry, call), 'the gateway returns the bytes the sandbox sent');
      const again = await gateway.call(sample.route, sample.body);
      assert.deepEqual(withoutEcho(again), withoutEcho(res), 'same openid, same answer');
    });
  }

  it('share/qq fills the fixed ints and sends the QQ appid only as int oauth_consumer_key', async () => {
    await gateway.call('/v1/share/qq', sampleOf('share.qq').body);
    const [call] = await sandbox.calls('/share/qq');
    const sent = call.body as Record<string, unknown>;
    assert.equal(sent.oauth_consumer_key, 100703379);
    assert.equal(sent.act, 1);
    assert.equal(sent.dst, 1001);
    assert.equal(sent.flag, 1);
    assert.equal(sent.src, 0);
    assert.deepEqual(sent.fopenids, [{ openid: '69FF99F3B17436F2F6621FA158B30549', type: 0 }]);
    assert.equal('appid' in sent, false, "the doc's /share/qq body has no appid");
  });

  it('share/qq accepts summary and title of exactly 45 bytes (15 CJK chars) and target_url of 256 bytes', async () => {
    const base = sampleOf('share.qq').body;
    const target = `${base.target_url}&x=`.padEnd(256, 'x');
    assert.equal(Buffer.byteLength(target), 256);
    const body = { ...base, summary: '分'.repeat(15), title: 't'.repeat(45), target_url: target, fopenids: [{ openid: '69FF99F3B17436F2F6621FA158B30549' }] };
    const res = await gateway.call('/v1/share/qq', body);
    assert.equal(res.status, 200, res.text);
    const [call] = await sandbox.calls('/share/qq');
    assert.deepEqual((call.body as Record<string, unknown>).fopenids, [{ openid: '69FF99F3B17436F2F6621FA158B30549', type: 0 }], 'type filled');
  });

  it('freeflow with platform wechat is signed with the WeChat appid and never forwards platform', async () => {
    for (const id of ['freeflow.getinfo', 'freeflow.get_ccinfo']) {
      const sample = sampleOf(id);
      const res = await gateway.call(sample.route, { ...sample.body, openid: 'oGRTijiaT-XrbyXKozckdNHFgPyc', platform: 'wechat' });
      assert.equal(res.status, 200, res.text);
      const [call] = await sandbox.calls(entryOf(id).path);
      assert.equal(call.verdict, 'ok');
      assert.equal(call.query.appid, TEST_GAME.wechatAppId);
      assert.equal('platform' in (call.body as object), false);
    }
    const qqCall = await gateway.call('/v1/freeflow/getinfo', sampleOf('freeflow.getinfo').body);
    assert.equal(qqCall.status, 200);
    const calls = await sandbox.calls('/freeflow/getinfo');
    assert.equal(calls.at(-1)!.query.appid, TEST_GAME.qqAppId, 'QQ unless told');
    assert.equal('platform' in (calls.at(-1)!.body as object), false);
  });

  it('get_ccinfo with an empty ip forwards it empty (MSDK then uses the request IP)', async () => {
    const res = await gateway.call('/v1/freeflow/get_ccinfo', { ...sampleOf('freeflow.get_ccinfo').body, ip: '' });
    assert.equal(res.status, 200, res.text);
    const [call] = await sandbox.calls('/freeflow/get_ccinfo');
    assert.equal((call.body as Record<string, unknown>).ip, '');
    assert.equal(typeof res.json.data.oper, 'string');
  });

  for (const sample of SHARE_FREEFLOW_SAMPLES.filter((s) => entryOf(s.id).retry === 'never')) {
    const { path } = entryOf(sample.id);
    it(`${path} is never retried: an upstream 502 is one call and a 502 to the caller`, async () => {
      await sandbox.fault({ interface: path, httpStatus: 502 });
      const res = await gateway.call(sample.route, sample.body);
      assert.equal(res.status, 502, res.text);
      assert.ok(res.json.error.code);
      assert.equal((await sandbox.calls(path)).length, 1, 'exactly one upstream call');
    });
  }

  it('a rejected share token is MSDK_USER_TOKEN_INVALID (422) after exactly one call', async () => {
    const res = await gateway.call('/v1/share/qqark', { ...sampleOf('share.qqark').body, accessToken: 'expired-token' });
    assert.equal(res.status, 422, res.text);
    assert.equal(res.json.error.code, 'MSDK_USER_TOKEN_INVALID');
    assert.equal((await sandbox.calls('/share/qqark')).length, 1);
  });

  for (const sample of SHARE_FREEFLOW_SAMPLES.filter((s) => entryOf(s.id).retry === 'safe')) {
    const { path } = entryOf(sample.id);
    it(`${path} is a read: a 502 once, then success, is a 200 after two calls`, async () => {
      await sandbox.fault({ interface: path, httpStatus: 502, times: 1 });
      const res = await gateway.call(sample.route, sample.body);
      assert.equal(res.status, 200, res.text);
      assert.equal(res.json.ret, 0);
      assert.equal((await sandbox.calls(path)).length, 2);
    });
  }


  it('no share/freeflow answer carries is_lost, so an isLost fault changes nothing', async () => {
    for (const sample of SHARE_FREEFLOW_SAMPLES) {
      const entry = entryOf(sample.id);
      assert.equal(entry.hasIsLost, false, `${entry.path}: the doc's answer has no is_lost`);
      await sandbox.fault({ interface: entry.path, isLost: true });
      const res = await gateway.call(sample.route, sample.body);
      assert.equal(res.status, 200, res.text);
      assert.equal('is_lost' in res.json, false);
      assert.equal(res.headers.get('x-msdk-is-lost'), null);
    }
  });

});
