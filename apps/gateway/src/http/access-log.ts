import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { GatewayRequest } from './request-fields.js';
import { routeTemplateOf } from '../msdk/route-entry.js';
import { requestLogFields } from '../logging/request-logger.js';

/**
 * One line per request, `request`: id, trace id, client, game, method, route template, status, duration,
 * cache result, upstream attempts and error code. Never the body, the query or a header value.
 */
export function registerAccessLog(fastify: FastifyInstance, logger: Logger): void {
  // Named scalar fields only, so field-name redaction would have nothing to find: this child
  // goes without it (its wildcard paths cost ~30 µs a line). Configured secret values are still
  // scrubbed, by the root logger's streamWrite hook.
  const access = logger.child({}, { redact: [] });
  // Callback-style hooks here and in the other per-request hooks: an async hook costs a promise
  // and a microtask turn per request for nothing.
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });
  fastify.addHook('onResponse', (request: GatewayRequest, reply, done) => {
    access.info(
      {
        ...requestLogFields(request),
        client: request.caller?.client,
        game: request.caller?.game.id,
        method: request.method,
        route: routeTemplateOf(request),
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
        cache: request.cacheStatus,
        upstreamAttempts: request.upstreamAttempts,
        error: request.errorCode,
      },
      'request',
    );
    done();
  });
}
