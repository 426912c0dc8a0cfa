import { describe, expect, it } from '@jest/globals';
import { ALL_ENTRIES, CATALOG, type CatalogEntry } from '#msdk';
import { ANSWERS } from '../../apps/msdk-sandbox/src/answers/answer-registry.js';
import type { RecordedCall } from '../../apps/msdk-sandbox/src/control/sandbox-state.js';
import { errorOf, type MsdkAnswer } from '../support/gateway-answer.js';
import { GatewayHarness } from '../support/gateway-harness.js';
import type { HttpResult } from '../support/http-client.js';
import { SandboxHarness } from '../support/sandbox-harness.js';
import { TEST_GAME } from '../support/test-game.js';
import { withSandboxAndGateway } from '../support/sandbox-and-gateway.js';
import { oneSignedV3Call } from '../support/signed-call.js';
import { SHARE_FREEFLOW_SAMPLES } from './samples/share-freeflow.samples.js';
import { defined } from '../support/defined.js';

const entryOf = (id: string): CatalogEntry =>
  defined(
    ALL_ENTRIES.find((e) => e.id === id),
    `the catalog row of ${id}`,
  );
const sampleOf = (id: string) =>
  defined(
    SHARE_FREEFLOW_SAMPLES.find((s) => s.id === id),
    `a sample of ${id}`,
  );

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

const withoutEcho = (res: HttpResult<MsdkAnswer>) => ({ ...res.json, msdkExtInfo: undefined });

describe('share and freeflow routes end to end', () => {
  let sandbox!: SandboxHarness;
  let gateway!: GatewayHarness;
  // A high breaker threshold: this suite injects 5xx on purpose and must not trip the breaker.
  withSandboxAndGateway({ resilience: { breakerThreshold: 1000 } }, (s, g) => ((sandbox = s), (gateway = g)));

  it('has one sample per share/freeflow catalog row', () => {
    const ids = [...Object.values(CATALOG.share), ...Object.values(CATALOG.freeflow)].map((e) => e.id).sort();
    expect(SHARE_FREEFLOW_SAMPLES.map((s) => s.id).sort()).toEqual(ids);
  });

  for (const sample of SHARE_FREEFLOW_SAMPLES) {
    const entry = entryOf(sample.id);

    it(`${sample.route} -> ${entry.method} ${entry.path}, signed as ${sample.appid}, MSDK's answer unchanged`, async () => {
      const res = await gateway.call(sample.route, sample.body);
      expect(res.status).toBe(200);
      expect(res.json.ret).toBe(0);
      expect(res.headers.get('x-cache')).toBe('BYPASS');

      const call = await oneSignedV3Call(sandbox, entry, sample);
      expect(call.query.msdkExtInfo).toBe(res.headers.get('x-request-id'));

      const sent = call.body as Record<string, unknown>;
      expect(sent[entry.fields.openid!]).toBe(sample.body.openid);
      if (entry.fields.accessToken) expect(sent[entry.fields.accessToken]).toBe(sample.body.accessToken);
      if (entry.fields.accessToken !== 'accessToken') expect(sent.accessToken).toBe(undefined);
      for (const [name, type] of Object.entries(entry.fields.appid ?? {})) {
        expect(sent[name]).toBe(type === 'number' ? Number(sample.appid) : sample.appid);
      }
      for (const [name, value] of Object.entries(sample.body)) {
        if (name !== 'openid' && name !== 'accessToken') expect(sent[name]).toEqual(value);
      }

      expect(res.json).toEqual(sandboxAnswer(entry, call));
      const again = await gateway.call(sample.route, sample.body);
      expect(withoutEcho(again)).toEqual(withoutEcho(res));
    });
  }

  it('share/qq fills the fixed ints and sends the QQ appid only as int oauth_consumer_key', async () => {
    await gateway.call('/v1/share/qq', sampleOf('share.qq').body);
    const [call] = await sandbox.calls('/share/qq');
    const sent = call.body as Record<string, unknown>;
    expect(sent.oauth_consumer_key).toBe(100703379);
    expect(sent.act).toBe(1);
    expect(sent.dst).toBe(1001);
    expect(sent.flag).toBe(1);
    expect(sent.src).toBe(0);
    expect(sent.fopenids).toEqual([{ openid: '69FF99F3B17436F2F6621FA158B30549', type: 0 }]);
    expect('appid' in sent).toBe(false);
  });

  it('share/qq accepts summary and title of exactly 45 bytes (15 CJK chars) and target_url of 256 bytes', async () => {
    const base = sampleOf('share.qq').body;
    const target = `${String(base.target_url)}&x=`.padEnd(256, 'x');
    expect(Buffer.byteLength(target)).toBe(256);
    const body = {
      ...base,
      summary: '分'.repeat(15),
      title: 't'.repeat(45),
      target_url: target,
      fopenids: [{ openid: '69FF99F3B17436F2F6621FA158B30549' }],
    };
    const res = await gateway.call('/v1/share/qq', body);
    expect(res.status).toBe(200);
    const [call] = await sandbox.calls('/share/qq');
    expect((call.body as Record<string, unknown>).fopenids).toEqual([
      { openid: '69FF99F3B17436F2F6621FA158B30549', type: 0 },
    ]);
  });

  it('freeflow with platform wechat is signed with the WeChat appid and never forwards platform', async () => {
    for (const id of ['freeflow.getinfo', 'freeflow.get_ccinfo']) {
      const sample = sampleOf(id);
      const res = await gateway.call(sample.route, {
        ...sample.body,
        openid: 'oGRTijiaT-XrbyXKozckdNHFgPyc',
        platform: 'wechat',
      });
      expect(res.status).toBe(200);
      const [call] = await sandbox.calls(entryOf(id).path);
      expect(call.verdict).toBe('ok');
      expect(call.query.appid).toBe(TEST_GAME.wechatAppId);
      expect('platform' in (call.body as object)).toBe(false);
    }
    const qqCall = await gateway.call('/v1/freeflow/getinfo', sampleOf('freeflow.getinfo').body);
    expect(qqCall.status).toBe(200);
    const calls = await sandbox.calls('/freeflow/getinfo');
    expect(calls.at(-1)!.query.appid).toBe(TEST_GAME.qqAppId);
    expect('platform' in (calls.at(-1)!.body as object)).toBe(false);
  });

  it('get_ccinfo with an empty ip forwards it empty (MSDK then uses the request IP)', async () => {
    const res = await gateway.call<MsdkAnswer & { data: { oper: unknown } }>('/v1/freeflow/get_ccinfo', {
      ...sampleOf('freeflow.get_ccinfo').body,
      ip: '',
    });
    expect(res.status).toBe(200);
    const [call] = await sandbox.calls('/freeflow/get_ccinfo');
    expect((call.body as Record<string, unknown>).ip).toBe('');
    expect(typeof res.json.data.oper).toBe('string');
  });

  for (const sample of SHARE_FREEFLOW_SAMPLES.filter((s) => entryOf(s.id).retry === 'never')) {
    const { path } = entryOf(sample.id);
    it(`${path} is never retried: an upstream 502 is one call and a 502 to the caller`, async () => {
      await sandbox.fault({ interface: path, httpStatus: 502 });
      const res = await gateway.call(sample.route, sample.body);
      expect(res.status).toBe(502);
      expect(errorOf(res).code).toBeTruthy();
      expect((await sandbox.calls(path)).length).toBe(1);
    });
  }

  it('a rejected share token is MSDK_USER_TOKEN_INVALID (422) after exactly one call', async () => {
    const res = await gateway.call('/v1/share/qqark', {
      ...sampleOf('share.qqark').body,
      accessToken: 'expired-token',
    });
    expect(res.status).toBe(422);
    expect(errorOf(res).code).toBe('MSDK_USER_TOKEN_INVALID');
    expect((await sandbox.calls('/share/qqark')).length).toBe(1);
  });

  for (const sample of SHARE_FREEFLOW_SAMPLES.filter((s) => entryOf(s.id).retry === 'safe')) {
    const { path } = entryOf(sample.id);
    it(`${path} is a read: a 502 once, then success, is a 200 after two calls`, async () => {
      await sandbox.fault({ interface: path, httpStatus: 502, times: 1 });
      const res = await gateway.call(sample.route, sample.body);
      expect(res.status).toBe(200);
      expect(res.json.ret).toBe(0);
      expect((await sandbox.calls(path)).length).toBe(2);
    });
  }

  it('no share/freeflow answer carries is_lost, so an isLost fault changes nothing', async () => {
    for (const sample of SHARE_FREEFLOW_SAMPLES) {
      const entry = entryOf(sample.id);
      expect(entry.hasIsLost).toBe(false);
      await sandbox.fault({ interface: entry.path, isLost: true });
      const res = await gateway.call(sample.route, sample.body);
      expect(res.status).toBe(200);
      expect('is_lost' in res.json).toBe(false);
      expect(res.headers.get('x-msdk-is-lost')).toBe(null);
    }
  });
});
