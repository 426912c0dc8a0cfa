import { describe, expect, it } from '@jest/globals';
import Fastify from 'fastify';
import { createGatewayLogs } from '../logging/create-logger.js';
import { registerAccessLog } from './access-log.js';

describe('registerAccessLog', () => {
  it('writes one line per request of named fields, still scrubbing configured secret values', async () => {
    const lines: string[] = [];
    const { logger } = createGatewayLogs({
      level: 'info',
      pretty: false,
      secretValues: ['configured-secret-value'],
      destination: { write: (l: string) => void lines.push(l) },
    });
    const fastify = Fastify();
    registerAccessLog(fastify, logger);
    // A client name that happens to equal a configured key: the value scrub must still catch it.
    fastify.post('/v1/x', (request, reply) => {
      Object.assign(request, {
        caller: { client: 'configured-secret-value', game: { id: 'demo' } },
        cacheStatus: 'HIT',
      });
      return reply.send({ ok: true });
    });
    const res = await fastify.inject({
      method: 'POST',
      url: '/v1/x?sig=query-value-1',
      headers: { authorization: 'Bearer header-value-1' },
      payload: { accessToken: 'body-value-1' },
    });
    await fastify.close();
    expect(res.statusCode).toBe(200);
    expect(lines.length).toBe(1);
    const line = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(line.msg).toBe('request');
    expect(line.requestId).toBe(res.headers['x-request-id']);
    expect(line.client).toBe('[REDACTED]');
    expect(line.game).toBe('demo');
    expect(line.route).toBe('/v1/x');
    expect(line.status).toBe(200);
    expect(line.method).toBe('POST');
    expect(line.cache).toBe('HIT');
    expect(typeof line.durationMs).toBe('number');
    expect(!lines[0].includes('configured-secret-value')).toBeTruthy();
    // Named fields only: nothing of the body, the query or a header value.
    for (const value of ['query-value-1', 'header-value-1', 'body-value-1']) expect(lines[0]).not.toContain(value);
  });
});
