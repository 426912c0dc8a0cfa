import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CATALOG, type CatalogEntry } from '#msdk';
import { GatewayHarness } from '../support/gateway-harness.js';
import { SandboxHarness } from '../support/sandbox-harness.js';
import { TEST_GAME } from '../support/test-game.js';
import { withSandboxAndGateway } from '../support/sandbox-and-gateway.js';
import { GROUP_SAMPLES } from './samples/group.samples.js';

const ENTRIES = Object.values(CATALOG.group) as CatalogEntry[];
const entryOf = (id: string) => ENTRIES.find((e) => e.id === id)!;
const sampleOf = (entry: CatalogEntry) => GROUP_SAMPLES.find((s) => s.id === entry.id)!;
/** Fields the gateway consumes or renames; everything else must reach MSDK as sent. */
const UNIFIED = new Set(['openid', 'accessToken', 'msdkExtInfo']);

/**
 * The fields MSDK must receive besides the unified ones: the caller's, plus any nested appid the
 * row has the gateway fill (a dotted name such as `reqBody.appid`).
 */
function expectedForwarded(entry: CatalogEntry, body: Record<string, unknown>, appid: string): Record<string, unknown> {
  const out = Object.fromEntries(Object.entries(body).filter(([name]) => !UNIFIED.has(name)));
  for (const name of Object.keys(entry.fields.appid ?? {}).filter((n) => n.includes('.'))) {
    const [parent, child] = name.split('.');
    out[parent] = { ...(out[parent] as object), [child]: appid };
  }
  return out;
}

/** The answer without msdkExtInfo, which echoes each call's own request id. */
const withoutEcho = (json: Record<string, unknown>) => {
  const { msdkExtInfo: _echo, ...rest } = json;
  return rest;
};

describe('group routes end to end (QQ guild groups v2 + WeChat groups)', () => {
  let sandbox!: SandboxHarness;
  let gateway!: GatewayHarness;
  // Many injected 502s in a row on one origin would open the breaker; that is not under test here.
  withSandboxAndGateway({ resilience: { breakerThreshold: 1000 } }, (s, g) => ((sandbox = s), (gateway = g)));

  it('has one sample per group row, and every sample names a row', () => {
    assert.deepEqual(GROUP_SAMPLES.map((s) => s.id).sort(), ENTRIES.map((e) => e.id).sort());
    assert.equal(ENTRIES.length, 14);
    for (const entry of ENTRIES) {
      const expected = entry.platform === 'qq' ? TEST_GAME.qqAppId : TEST_GAME.wechatAppId;
      assert.equal(sampleOf(entry).appid, expected, `${entry.path} is signed with its platform's appid`);
    }
  });

  describe('every interface is signed, mapped and answered unchanged', () => {
    for (const sample of GROUP_SAMPLES) {
      const entry = entryOf(sample.id);
      it(`${sample.route} -> POST ${entry.path} as ${sample.appid}`, async () => {
        const res = await gateway.call(sample.route, sample.body);
        assert.equal(res.status, 200, res.text);
        assert.equal(res.json.ret, 0);
        assert.equal(res.json.msdkExtInfo, res.headers.get('x-request-id'), 'MSDK echoed our request id');

        const calls = await sandbox.calls(entry.path);
        assert.equal(calls.length, 1);
        const [call] = calls;
        assert.equal(call.path, entry.path);
        assert.equal(call.method, 'POST');
        assert.equal(call.verdict, 'ok', 'the sandbox verified the signature');
        assert.equal(call.query.appid, sample.appid);
        assert.equal(call.query.openid, sample.body.openid);

        const sent = call.body as Record<string, unknown>;
        assert.equal(sent.appid, sample.appid, 'appid filled by the gateway, as a string');
        assert.equal(sent.accessToken, sample.body.accessToken, 'token sent as accessToken');
        assert.equal(sent.openid, entry.fields.openid ? sample.body.openid : undefined, 'openid in the body only where the doc lists it');
        for (const [name, value] of Object.entries(expectedForwarded(entry, sample.body, sample.appid))) {
          assert.deepEqual(sent[name], value, `${name} forwarded unchanged`);
        }

        const again = await gateway.call(sample.route, sample.body);
        assert.equal(again.status, 200);
        assert.deepEqual(withoutEcho(again.json), withoutEcho(res.json), 'the sandbox answers deterministically and the gateway passes it through');
      });
    }
  });

  it('QQ v2 answers keep MSDK\'s own shape: "message" and a "data" object', async () => {
    const res = await gateway.call(sampleOf(CATALOG.group.getGroupcode).route, sampleOf(CATALOG.group.getGroupcode).body);
    assert.equal(res.json.message, 'success');
    assert.equal(res.json.msg, undefined);
    assert.deepEqual(Object.keys(res.json.data), ['gc', 'group_name', 'group_key', 'group_openid']);
    const list = await gateway.call('/v1/group/get_group_listv2', sampleOf(CATALOG.group.getGroupList).body);
    assert.ok(Array.isArray(list.json.data.group_list) && list.json.data.group_list.length > 0);
    const relation = await gateway.call('/v1/group/get_groupinfov2', sampleOf(CATALOG.group.getGroupinfo).body);
    assert.ok([1, 2, 3, 4].includes(relation.json.data.relation));
  });

  it('WeChat wxget_groupinfo answers a subset of the asked openids and an int membercount', async () => {
    const sample = sampleOf(CATALOG.group.wxGetGroupinfo);
    const res = await gateway.call(sample.route, sample.body);
    const asked = String(sample.body.openidlist).split(',');
    const found = res.json.openidlist ? String(res.json.openidlist).split(',') : [];
    assert.ok(found.every((o) => asked.includes(o)));
    assert.ok(Number.isInteger(res.json.membercount) && res.json.membercount >= found.length);
    assert.equal(res.json.platCode, '');
  });

  describe('writes are never repeated: one 502 -> 502 and exactly one upstream call', () => {
    for (const entry of ENTRIES.filter((e) => e.retry === 'never')) {
      it(entry.path, async () => {
        await sandbox.fault({ interface: entry.path, httpStatus: 502 });
        const res = await gateway.call(sampleOf(entry).route, sampleOf(entry).body);
        assert.equal(res.status, 502, res.text);
        assert.equal(res.json.error.code, 'UPSTREAM_UNAVAILABLE');
        assert.equal((await sandbox.calls(entry.path)).length, 1);
      });
    }
  });

  describe('reads are retried: one 502 then success -> 200 after exactly two calls', () => {
    for (const entry of [CATALOG.group.getGroupcode, CATALOG.group.wxGetGroupstatus]) {
      it(entry.path, async () => {
        assert.equal(entry.retry, 'safe');
        await sandbox.fault({ interface: entry.path, httpStatus: 502 });
        const res = await gateway.call(sampleOf(entry).route, sampleOf(entry).body);
        assert.equal(res.status, 200, res.text);
        assert.equal(res.json.ret, 0);
        assert.equal((await sandbox.calls(entry.path)).length, 2);
      });
    }
  });


  it('CJK text at the byte limits passes (45-byte title, 60-byte desc)', async () => {
    const sample = sampleOf(CATALOG.group.sendGroupmsg);
    const res = await gateway.call(sample.route, { ...sample.body, title: '公'.repeat(15), desc: '会'.repeat(20) });
    assert.equal(res.status, 200, res.text);
  });

  it('wxsend_groupmsg link sharing (msg_type 2) with share_url passes', async () => {
    const sample = sampleOf(CATALOG.group.wxSendGroupmsg);
    const reqBody = sample.body.reqBody as { open: Record<string, unknown> };
    const body = { ...sample.body, reqBody: { ...reqBody, msg_type: 2, open: { ...reqBody.open, share_url: 'https://game.weixin.qq.com/cgi-bin/act?noticeid=1' } } };
    const res = await gateway.call(sample.route, body);
    assert.equal(res.status, 200, res.text);
    const [call] = await sandbox.calls(CATALOG.group.wxSendGroupmsg.path);
    const expected = expectedForwarded(CATALOG.group.wxSendGroupmsg, body, TEST_GAME.wechatAppId);
    assert.deepEqual((call.body as Record<string, unknown>).reqBody, expected.reqBody);
  });

  it('wxsend_groupmsg fills reqBody.appid with the WeChat appid', async () => {
    const sample = sampleOf(CATALOG.group.wxSendGroupmsg);
    await gateway.call(sample.route, sample.body);
    const [call] = await sandbox.calls(CATALOG.group.wxSendGroupmsg.path);
    assert.equal(((call.body as Record<string, any>).reqBody as Record<string, unknown>).appid, TEST_GAME.wechatAppId);
  });

  it('send_groupmsg degraded by MSDK (is_lost) is passed through as "1" with X-Msdk-Is-Lost: 1', async () => {
    const lost = ENTRIES.filter((e) => e.hasIsLost);
    assert.deepEqual(lost.map((e) => e.path), ['/relation/send_groupmsg']);
    for (const entry of lost) {
      const normal = await gateway.call(sampleOf(entry).route, sampleOf(entry).body);
      assert.equal(normal.json.is_lost, '0');
      assert.equal(normal.headers.get('x-msdk-is-lost'), '0');
      await sandbox.fault({ interface: entry.path, isLost: true });
      const res = await gateway.call(sampleOf(entry).route, sampleOf(entry).body);
      assert.equal(res.status, 200, res.text);
      assert.equal(res.json.is_lost, '1');
      assert.equal(res.headers.get('x-msdk-is-lost'), '1');
    }
  });

});
