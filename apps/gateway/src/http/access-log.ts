import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import type { CacheStatus } from '../msdk/forwarded-answer.js';
import type { GatewayRequest } from './request-fields.js';
import { DeferredLines } from '../logging/deferred-lines.js';
import { InfoLineWriter, jsonMember, jsonTenths } from '../logging/info-line-writer.js';
import { routeTemplateOf } from '../msdk/route-entry.js';

/** What one access line says, noted when the response has gone out. */
interface AccessRecord {
  readonly endedAt: number;
  readonly requestId: string;
  readonly client: string | undefined;
  readonly game: string | undefined;
  readonly method: string;
  readonly route: string;
  readonly status: number;
  /** The duration in tenths of a millisecond (the line says `durationMs`). */
  readonly durationTenths: number;
  readonly cache: CacheStatus | undefined;
  readonly upstreamAttempts: number | undefined;
  readonly error: string | undefined;
}

/**
 * One JSON line per request: id, client, route template, status, duration, cache result and
 * upstream attempts. Never the body, the query or a header value.
 */
export function registerAccessLog(fastify: FastifyInstance, logger: Logger): void {
  // Named scalar fields only, so field-name redaction has nothing to find here (its wildcard
  // paths cost ~30 µs a line); secret values are still scrubbed by the root logger's hook.
  // The values are noted per request and the lines built once per event-loop turn (DeferredLines).
  const access = new DeferredLines(new InfoLineWriter(logger), 'request', accessMembers);
  // Callback-style hooks here and in the other per-request hooks: an async hook costs a promise
  // and a microtask turn per request for nothing.
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });
  fastify.addHook('onResponse', (request: GatewayRequest, reply, done) => {
    if (access.enabled) access.add(accessRecord(request, reply));
    done();
  });
  fastify.addHook('onClose', (_instance, done) => {
    access.flush();
    done();
  });
}

function accessRecord(request: GatewayRequest, reply: FastifyReply): AccessRecord {
  return {
    endedAt: performance.now(),
    requestId: request.id,
    client: request.caller?.client,
    game: request.caller?.game.id,
    method: request.method,
    route: routeTemplateOf(request),
    status: reply.statusCode,
    durationTenths: Math.round(reply.elapsedTime * 10),
    cache: request.cacheStatus,
    upstreamAttempts: request.upstreamAttempts,
    error: request.errorCode,
  };
}

function accessMembers(record: AccessRecord): string {
  return (
    jsonMember('requestId', record.requestId) +
    jsonMember('client', record.client) +
    jsonMember('game', record.game) +
    jsonMember('method', record.method) +
    jsonMember('route', record.route) +
    jsonMember('status', record.status) +
    jsonTenths('durationMs', record.durationTenths) +
    jsonMember('cache', record.cache) +
    jsonMember('upstreamAttempts', record.upstreamAttempts) +
    jsonMember('error', record.error)
  );
}
