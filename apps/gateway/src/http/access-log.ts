import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import type { GatewayRequest } from './request-fields.js';
import { InfoLineWriter, jsonMember } from '../logging/info-line-writer.js';
import { routeTemplateOf } from '../msdk/route-entry.js';

/**
 * One JSON line per request: id, client, route template, status, duration, cache result and
 * upstream attempts. Never the body, the query or a header value.
 */
export function registerAccessLog(fastify: FastifyInstance, logger: Logger): void {
  // Named scalar fields only, so field-name redaction has nothing to find here (its wildcard
  // paths cost ~30 µs a line); secret values are still scrubbed by the root logger's hook.
  const access = new InfoLineWriter(logger);
  // Callback-style hooks here and in the other per-request hooks: an async hook costs a promise
  // and a microtask turn per request for nothing.
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });
  fastify.addHook('onResponse', (request: GatewayRequest, reply, done) => {
    if (access.enabled) access.write(accessMembers(request, reply), 'request');
    done();
  });
}

function accessMembers(request: GatewayRequest, reply: FastifyReply): string {
  return (
    jsonMember('requestId', request.id) +
    jsonMember('client', request.caller?.client) +
    jsonMember('game', request.caller?.game.id) +
    jsonMember('method', request.method) +
    jsonMember('route', routeTemplateOf(request)) +
    jsonMember('status', reply.statusCode) +
    jsonMember('durationMs', Math.round(reply.elapsedTime * 10) / 10) +
    jsonMember('cache', request.cacheStatus) +
    jsonMember('upstreamAttempts', request.upstreamAttempts) +
    jsonMember('error', request.errorCode)
  );
}
