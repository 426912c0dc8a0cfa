import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { UpstreamStub } from './upstream-stub.js';
import { stubAnswers, WORKLOADS } from './workloads.js';

describe('the benchmark upstream stub', () => {
  const stub = new UpstreamStub();
  let url: string;
  beforeAll(async () => {
    stub.setAnswers(stubAnswers());
    url = await stub.listen();
  });
  afterAll(() => stub.close());

  const post = (path: string) =>
    fetch(`${url}${path}`, { method: 'POST', body: '{"openid":"x"}', headers: { 'content-type': 'application/json' } });

  it('answers each MSDK path, query and all, with its realistic body and counts every call', async () => {
    stub.calls = 0;
    const friends = (await (await post('/relation/qqfriends_detail?timestamp=1&sig=x')).json()) as {
      ret: number;
      lists: unknown[];
    };
    expect(friends.ret).toBe(0);
    expect(friends.lists.length).toBe(60);
    const profile = (await (await post('/relation/qqprofile?appid=1')).json()) as {
      ret: number;
      nickName: string;
      is_lost: string;
    };
    expect(profile.ret).toBe(0);
    expect(profile.is_lost).toBe('0');
    expect(profile.nickName).toBeTruthy();
    // Any other interface gets the default (profile) answer rather than a 404.
    expect((await post('/auth/verify_login')).status).toBe(200);
    expect(stub.calls).toBe(3);
  });

  it('holds answers back by delayMs (the single-flight probe keeps its misses in flight)', async () => {
    stub.delayMs = 150;
    const started = performance.now();
    await (await post('/relation/qqprofile')).text();
    stub.delayMs = 0;
    expect(performance.now() - started >= 140).toBeTruthy();
  });

  it('sends ~400 B caller bodies for both workloads', () => {
    for (const w of WORKLOADS) {
      const bytes = Buffer.byteLength(w.body);
      expect(bytes >= 380 && bytes <= 420).toBeTruthy();
      expect(w.route).toBe(`/v1${w.upstreamPath}`);
    }
  });
});
