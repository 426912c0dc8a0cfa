import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import { ForwardedAnswer } from './forwarded-answer.js';
import { registerForwardedAnswers } from './forwarded-answer.hook.js';

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
});
