import { describe, expect, it } from '@jest/globals';
import { CATALOG, type CatalogEntry } from '#msdk';
import { errorOf, type MsdkAnswer } from '../support/gateway-answer.js';
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

/** The answer without msdkExtInfo, which echoes each call's own request id (toEqual skips undefined fields). */
const withoutEcho = (json: MsdkAnswer) => ({ ...json, msdkExtInfo: undefined });

/** QQ guild group (v2) answers say "message" and carry a "data" object. */
interface QqGroupAnswer<Data> extends MsdkAnswer {
  readonly message: string;
  readonly data: Data;
}
interface WxGroupInfoAnswer extends MsdkAnswer {
  readonly openidlist?: string;
  readonly membercount: number;
  readonly platCode: string;
}

describe('group routes end to end (QQ guild groups v2 + WeChat groups)', () => {
  let sandbox!: SandboxHarness;
  let gateway!: GatewayHarness;
  // Many injected 502s in a row on one origin would open the breaker; that is not under test here.
  withSandboxAndGateway({ resilience: { breakerThreshold: 1000 } }, (s, g) => ((sandbox = s), (gateway = g)));

  it('has one sample per group row, and every sample names a row', () => {
    expect(GROUP_SAMPLES.map((s) => s.id).sort()).toEqual(ENTRIES.map((e) => e.id).sort());
    for (const entry of ENTRIES) {
      const expected = entry.platform === 'qq' ? TEST_GAME.qqAppId : TEST_GAME.wechatAppId;
      expect(sampleOf(entry).appid).toBe(expected);
    }
  });

  describe('every interface is signed, mapped and answered unchanged', () => {
    for (const sample of GROUP_SAMPLES) {
      const entry = entryOf(sample.id);
      it(`${sample.route} -> POST ${entry.path} as ${sample.appid}`, async () => {
        const res = await gateway.call(sample.route, sample.body);
        expect(res.status).toBe(200);
        expect(res.json.ret).toBe(0);
        expect(res.json.msdkExtInfo).toBe(res.headers.get('x-request-id'));

        const calls = await sandbox.calls(entry.path);
        expect(calls.length).toBe(1);
        const [call] = calls;
        expect(call.path).toBe(entry.path);
        expect(call.method).toBe('POST');
        expect(call.verdict).toBe('ok');
        expect(call.query.appid).toBe(sample.appid);
        expect(call.query.openid).toBe(sample.body.openid);

        const sent = call.body as Record<string, unknown>;
        expect(sent.appid).toBe(sample.appid);
        expect(sent.accessToken).toBe(sample.body.accessToken);
        expect(sent.openid).toBe(entry.fields.openid ? sample.body.openid : undefined);
        for (const [name, value] of Object.entries(expectedForwarded(entry, sample.body, sample.appid))) {
          expect(sent[name]).toEqual(value);
        }

        const again = await gateway.call(sample.route, sample.body);
        expect(again.status).toBe(200);
        expect(withoutEcho(again.json)).toEqual(withoutEcho(res.json));
      });
    }
  });

  it('QQ v2 answers keep MSDK\'s own shape: "message" and a "data" object', async () => {
    const res = await gateway.call<QqGroupAnswer<Record<string, unknown>>>(
      sampleOf(CATALOG.group.getGroupcode).route,
      sampleOf(CATALOG.group.getGroupcode).body,
    );
    expect(res.json.message).toBe('success');
    expect(res.json.msg).toBe(undefined);
    expect(Object.keys(res.json.data)).toEqual(['gc', 'group_name', 'group_key', 'group_openid']);
    const list = await gateway.call<QqGroupAnswer<{ group_list: unknown }>>(
      '/v1/group/get_group_listv2',
      sampleOf(CATALOG.group.getGroupList).body,
    );
    const groups = list.json.data.group_list;
    expect(Array.isArray(groups) && groups.length > 0).toBeTruthy();
    const relation = await gateway.call<QqGroupAnswer<{ relation: number }>>(
      '/v1/group/get_groupinfov2',
      sampleOf(CATALOG.group.getGroupinfo).body,
    );
    expect([1, 2, 3, 4].includes(relation.json.data.relation)).toBeTruthy();
  });

  it('WeChat wxget_groupinfo answers a subset of the asked openids and an int membercount', async () => {
    const sample = sampleOf(CATALOG.group.wxGetGroupinfo);
    const res = await gateway.call<WxGroupInfoAnswer>(sample.route, sample.body);
    const asked = String(sample.body.openidlist).split(',');
    const found = res.json.openidlist ? String(res.json.openidlist).split(',') : [];
    expect(found.every((o) => asked.includes(o))).toBeTruthy();
    expect(Number.isInteger(res.json.membercount) && res.json.membercount >= found.length).toBeTruthy();
    expect(res.json.platCode).toBe('');
  });

  describe('writes are never repeated: one 502 -> 502 and exactly one upstream call', () => {
    for (const entry of ENTRIES.filter((e) => e.retry === 'never')) {
      it(entry.path, async () => {
        await sandbox.fault({ interface: entry.path, httpStatus: 502 });
        const res = await gateway.call(sampleOf(entry).route, sampleOf(entry).body);
        expect(res.status).toBe(502);
        expect(errorOf(res).code).toBe('UPSTREAM_UNAVAILABLE');
        expect((await sandbox.calls(entry.path)).length).toBe(1);
      });
    }
  });

  describe('reads are retried: one 502 then success -> 200 after exactly two calls', () => {
    for (const entry of [CATALOG.group.getGroupcode, CATALOG.group.wxGetGroupstatus]) {
      it(entry.path, async () => {
        expect(entry.retry).toBe('safe');
        await sandbox.fault({ interface: entry.path, httpStatus: 502 });
        const res = await gateway.call(sampleOf(entry).route, sampleOf(entry).body);
        expect(res.status).toBe(200);
        expect(res.json.ret).toBe(0);
        expect((await sandbox.calls(entry.path)).length).toBe(2);
      });
    }
  });

  it('CJK text at the byte limits passes (45-byte title, 60-byte desc)', async () => {
    const sample = sampleOf(CATALOG.group.sendGroupmsg);
    const res = await gateway.call(sample.route, { ...sample.body, title: '公'.repeat(15), desc: '会'.repeat(20) });
    expect(res.status).toBe(200);
  });

  it('wxsend_groupmsg link sharing (msg_type 2) with share_url passes', async () => {
    const sample = sampleOf(CATALOG.group.wxSendGroupmsg);
    const reqBody = sample.body.reqBody as { open: Record<string, unknown> };
    const body = {
      ...sample.body,
      reqBody: {
        ...reqBody,
        msg_type: 2,
        open: { ...reqBody.open, share_url: 'https://game.weixin.qq.com/cgi-bin/act?noticeid=1' },
      },
    };
    const res = await gateway.call(sample.route, body);
    expect(res.status).toBe(200);
    const [call] = await sandbox.calls(CATALOG.group.wxSendGroupmsg.path);
    const expected = expectedForwarded(CATALOG.group.wxSendGroupmsg, body, TEST_GAME.wechatAppId);
    expect((call.body as Record<string, unknown>).reqBody).toEqual(expected.reqBody);
  });

  it('wxsend_groupmsg fills reqBody.appid with the WeChat appid', async () => {
    const sample = sampleOf(CATALOG.group.wxSendGroupmsg);
    await gateway.call(sample.route, sample.body);
    const [call] = await sandbox.calls(CATALOG.group.wxSendGroupmsg.path);
    const { reqBody } = call.body as { reqBody: Record<string, unknown> };
    expect(reqBody.appid).toBe(TEST_GAME.wechatAppId);
  });

  it('send_groupmsg degraded by MSDK (is_lost) is passed through as "1" with X-Msdk-Is-Lost: 1', async () => {
    const lost = ENTRIES.filter((e) => e.hasIsLost);
    expect(lost.map((e) => e.path)).toEqual(['/relation/send_groupmsg']);
    for (const entry of lost) {
      const normal = await gateway.call(sampleOf(entry).route, sampleOf(entry).body);
      expect(normal.json.is_lost).toBe('0');
      expect(normal.headers.get('x-msdk-is-lost')).toBe('0');
      await sandbox.fault({ interface: entry.path, isLost: true });
      const res = await gateway.call(sampleOf(entry).route, sampleOf(entry).body);
      expect(res.status).toBe(200);
      expect(res.json.is_lost).toBe('1');
      expect(res.headers.get('x-msdk-is-lost')).toBe('1');
    }
  });
});
