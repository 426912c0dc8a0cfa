import { describe, expect, it } from '@jest/globals';
import Fastify from 'fastify';
import type { GatewayRequest } from '../http/request-fields.js';
import { ForwardedAnswer } from './forwarded-answer.js';
import { outgoingBody, registerForwardedAnswers, STRING_ANSWER_MAX_BYTES } from './forwarded-answer.hook.js';

describe('registerForwardedAnswers', () => {
  it("sends MSDK's bytes unchanged with X-Cache and X-Msdk-Is-Lost, and notes them for the access log; other objects stay JSON", async () => {
    const fastify = Fastify();
    registerForwardedAnswers(fastify);
    // Spacing and key order that re-serialising would change.
    const raw = '{"ret":0, "msg":"success","is_lost":"1" ,"z":1,"a":2}';
    let noted: unknown;
    fastify.addHook('onResponse', (request: GatewayRequest, _reply, done) => {
      noted = { attempts: request.upstreamAttempts, cache: request.cacheStatus };
      done();
    });
    fastify.post('/answer', (_request, reply) => reply.send(new ForwardedAnswer(Buffer.from(raw), 'STALE', true, 2)));
    fastify.post('/plain', (_request, reply) => reply.send({ status: 'ok' }));

    const answer = await fastify.inject({ method: 'POST', url: '/answer' });
    expect(answer.body).toBe(raw);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answer.headers['x-cache']).toBe('STALE');
    expect(answer.headers['x-msdk-is-lost']).toBe('1');
    expect(noted).toEqual({ attempts: 2, cache: 'STALE' });

    const plain = await fastify.inject({ method: 'POST', url: '/plain' });
    expect(plain.body).toBe('{"status":"ok"}');
    expect(plain.headers['x-cache']).toBe(undefined);
    await fastify.close();
  });

  it('sends the same bytes whichever form they go out in: a small valid answer as text, invalid UTF-8 and large answers as the Buffer', async () => {
    const small = Buffer.from('{"ret":0,"nickName":"王伟 😀","is_lost":"0"}');
    const invalid = Buffer.concat([Buffer.from('{"ret":0,"nickName":"'), Buffer.from([0xe7, 0x8e]), Buffer.from('"}')]);
    const large = Buffer.from(`{"ret":0,"pad":"${'x'.repeat(STRING_ANSWER_MAX_BYTES)}"}`);
    expect(typeof outgoingBody(small)).toBe('string');
    expect(Buffer.isBuffer(outgoingBody(invalid))).toBeTruthy();
    expect(Buffer.isBuffer(outgoingBody(large))).toBeTruthy();

    const fastify = Fastify();
    registerForwardedAnswers(fastify);
    for (const [name, raw] of Object.entries({ small, invalid, large }))
      fastify.post(`/${name}`, (_request, reply) => reply.send(new ForwardedAnswer(raw, 'MISS', undefined, 1)));
    for (const [name, raw] of Object.entries({ small, invalid, large })) {
      const res = await fastify.inject({ method: 'POST', url: `/${name}` });
      expect(res.rawPayload.equals(raw)).toBeTruthy();
      expect(res.headers['content-length']).toBe(String(raw.length));
    }
    await fastify.close();
  });
});
