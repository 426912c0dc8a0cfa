import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import { createRootLogger } from '../logging/create-logger.js';
import { registerAccessLog } from './access-log.js';

describe('registerAccessLog', () => {
  it('writes one line per request through a child without field-name redaction, still scrubbing configured secret values', async () => {
    const lines: string[] = [];
    const logger = createRootLogger({ level: 'info', pretty: false, secretValues: ['configured-secret-value'], destination: { write: (l: string) => void lines.push(l) } });
    const fastify = Fastify();
    registerAccessLog(fastify, logger);
    // A client name that happens to equal a configured key: the value scrub must still catch it.
    fastify.post('/v1/x', async (request) => {
      Object.assign(request, { caller: { client: 'configured-secret-value', game: { id: 'demo' } }, cacheStatus: 'HIT' });
      return { ok: true };
    });
    const res = await fastify.inject({ method: 'POST', url: '/v1/x', payload: {} });
    await fastify.close();
    assert.equal(res.statusCode, 200);
    assert.equal(lines.length, 1);
    const line = JSON.parse(lines[0]) as Record<string, unknown>;
    assert.equal(line.msg, 'request');
    assert.equal(line.requestId, res.headers['x-request-id']);
    assert.equal(line.client, '[REDACTED]');
    assert.equal(line.game, 'demo');
    assert.equal(line.route, '/v1/x');
    assert.equal(line.status, 200);
    assert.equal(line.cache, 'HIT');
    assert.ok(!lines[0].includes('configured-secret-value'));
  });
});
