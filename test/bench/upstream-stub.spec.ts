import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { UpstreamStub } from './upstream-stub.js';
import { stubAnswers, WORKLOADS } from './workloads.js';

describe('the benchmark upstream stub', () => {
  const stub = new UpstreamStub();
  let url: string;
  before(async () => {
    stub.setAnswers(stubAnswers());
    url = await stub.listen();
  });
  after(() => stub.close());

  const post = (path: string) => fetch(`${url}${path}`, { method: 'POST', body: '{"openid":"x"}', headers: { 'content-type': 'application/json' } });

  it('answers each MSDK path, query and all, with its realistic body and counts every call', async () => {
    stub.calls = 0;
    const friends = (await (await post('/relation/qqfriends_detail?timestamp=1&sig=x')).json()) as { ret: number; lists: unknown[] };
    assert.equal(friends.ret, 0);
    assert.equal(friends.lists.length, 60);
    const profile = (await (await post('/relation/qqprofile?appid=1')).json()) as { ret: number; nickName: string; is_lost: string };
    assert.equal(profile.ret, 0);
    assert.equal(profile.is_lost, '0');
    assert.ok(profile.nickName);
    // Any other interface gets the default (profile) answer rather than a 404.
    assert.equal((await post('/auth/verify_login')).status, 200);
    assert.equal(stub.calls, 3);
  });

  it('holds answers back by delayMs (the single-flight probe keeps its misses in flight)', async () => {
    stub.delayMs = 150;
    const started = performance.now();
    await (await post('/relation/qqprofile')).text();
    stub.delayMs = 0;
    assert.ok(performance.now() - started >= 140);
  });

  it('sends ~400 B caller bodies for both workloads', () => {
    for (const w of WORKLOADS) {
      const bytes = Buffer.byteLength(w.body);
      assert.ok(bytes >= 380 && bytes <= 420, `${w.name}: ${bytes} B`);
      assert.equal(w.route, `/v1${w.upstreamPath}`);
    }
  });
});
