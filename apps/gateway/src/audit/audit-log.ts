import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { isWriteInterface } from '#msdk';
import type { GatewayRequest } from '../http/request-fields.js';
import { requestLogFields } from '../logging/request-logger.js';
import { routeEntryOf } from '../msdk/route-entry.js';
import { OPENID_PATTERN } from '../validation/caller-identity.dto.js';

/**
 * Exactly one audit line per call of a write/send/consume interface (catalog rows never
 * retried: shares, group messages, pushes, binds, get_gift, reports), whatever its outcome —
 * refused callers and bad input included: client, game, interface, openid, result (`ok` or the
 * error code), request id and trace id. Named fields only, so no token or key can reach the line.
 * `audit` is the gateway's audit logger (create-logger.ts): its lines say `audit: true`, are
 * written at info whatever LOG_LEVEL says, and have a destination of their own, the last to drop
 * a line.
 */
export function registerAuditLog(fastify: FastifyInstance, audit: Logger): void {
  fastify.addHook('onResponse', (request: GatewayRequest, reply, done) => {
    const entry = routeEntryOf(request);
    if (!entry || !isWriteInterface(entry)) return done();
    audit.info(
      {
        ...requestLogFields(request),
        client: request.caller?.client,
        game: request.caller?.game.id,
        interface: entry.path,
        openid: openidOf(request.body),
        result: reply.statusCode < 400 ? 'ok' : (request.errorCode ?? `HTTP_${reply.statusCode}`),
        status: reply.statusCode,
      },
      'audit',
    );
    done();
  });
}

/** The caller's openid only when it is a well-formed one: never echo arbitrary input into the audit trail. */
function openidOf(body: unknown): string | undefined {
  const openid = (body as { openid?: unknown } | null | undefined)?.openid;
  return typeof openid === 'string' && OPENID_PATTERN.test(openid) ? openid : undefined;
}
