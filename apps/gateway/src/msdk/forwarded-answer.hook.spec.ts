import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import { ForwardedAnswer } from './forwarded-answer.js';
import { outgoingBody, registerForwardedAnswers, STRING_ANSWER_MAX_BYTES } from './forwarded-answer.hook.js';

describe('registerForwardedAnswers', () => {
  it("sends MSDK's bytes unchanged with X-Cache and X-Msdk-Is-Lost, and notes them for the access log; other objects stay JSON", async () => {
    const fastify = Fastify();
    registerForwardedAnswers(fastify);
    // Spacing and key order that re-serialising would change.
    const raw = '{"ret":0, "msg":"success","is_lost":"1" ,"z":1,"a":2}';
    let noted: unknown;
    fastify.addHook('onResponse', async (request) => {
      noted = { attempts: (request as { upstreamAttempts?: number }).upstreamAttempts, cache: (request as { cacheStatus?: string }).cacheStatus };
    });
    fastify.post('/answer', async () => new ForwardedAnswer(Buffer.from(raw), 'STALE', true, 2));
    fastify.post('/plain', async () => ({ status: 'ok' }));

    const answer = await fastify.inject({ method: 'POST', url: '/answer' });
    assert.equal(answer.body, raw);
    assert.equal(answer.headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(answer.headers['x-cache'], 'STALE');
    assert.equal(answer.headers['x-msdk-is-lost'], '1');
    assert.deepEqual(noted, { attempts: 2, cache: 'STALE' });

    const plain = await fastify.inject({ method: 'POST', url: '/plain' });
    assert.equal(plain.body, '{"status":"ok"}');
    assert.equal(plain.headers['x-cache'], undefined);
    await fastify.close();
  });

  it('sends the same bytes whichever form they go out in: a small valid answer as text, invalid UTF-8 and large answers as the Buffer', async () => {
    const small = Buffer.from('{"ret":0,"nickName":"王伟 😀","is_lost":"0"}');
    const invalid = Buffer.concat([Buffer.from('{"ret":0,"nickName":"'), Buffer.from([0xe7, 0x8e]), Buffer.from('"}')]);
    const large = Buffer.from(`{"ret":0,"pad":"${'x'.repeat(STRING_ANSWER_MAX_BYTES)}"}`);
    assert.equal(typeof outgoingBody(small), 'string');
    assert.ok(Buffer.isBuffer(outgoingBody(invalid)));
    assert.ok(Buffer.isBuffer(outgoingBody(large)));

    const fastify = Fastify();
    registerForwardedAnswers(fastify);
    for (const [name, raw] of Object.entries({ small, invalid, large })) fastify.post(`/${name}`, async () => new ForwardedAnswer(raw, 'MISS', undefined, 1));
    for (const [name, raw] of Object.entries({ small, invalid, large })) {
      const res = await fastify.inject({ method: 'POST', url: `/${name}` });
      assert.ok(res.rawPayload.equals(raw), `${name}: the bytes sent are MSDK's`);
      assert.equal(res.headers['content-length'], String(raw.length), name);
    }
    await fastify.close();
  });
});
