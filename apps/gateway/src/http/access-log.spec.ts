import { describe, expect, it } from '@jest/globals';
import Fastify from 'fastify';
import { createRootLogger } from '../logging/create-logger.js';
import { registerAccessLog } from './access-log.js';

describe('registerAccessLog', () => {
  it('writes one line per request through a child without field-name redaction, still scrubbing configured secret values', async () => {
    const lines: string[] = [];
    const logger = createRootLogger({
      level: 'info',
      pretty: false,
      secretValues: ['configured-secret-value'],
      destination: { write: (l: string) => void lines.push(l) },
    });
    const fastify = Fastify();
    registerAccessLog(fastify, logger);
    // A client name that happens to equal a configured key: the value scrub must still catch it.
    fastify.post('/v1/x', async (request) => {
      Object.assign(request, {
        caller: { client: 'configured-secret-value', game: { id: 'demo' } },
        cacheStatus: 'HIT',
      });
      return { ok: true };
    });
    const res = await fastify.inject({ method: 'POST', url: '/v1/x', payload: {} });
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
    expect(line.cache).toBe('HIT');
    expect(!lines[0].includes('configured-secret-value')).toBeTruthy();
  });
});
