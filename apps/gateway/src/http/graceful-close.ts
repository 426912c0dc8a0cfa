import type { FastifyInstance } from 'fastify';
import type { DrainState } from '../lifecycle/drain-state.js';

/**
 * On shutdown, keep-alive connections must move off this instance before it stops listening, and
 * must not hold the server open once it does: from the first SIGTERM on (the drain delay, see
 * lifecycle/exit-on-signals.ts) and while the server closes, every answer carries
 * `Connection: close`, so Node closes its connection once it is sent and the client's next request
 * opens a new one (through the balancer, to an instance that is ready). Idle connections are left
 * alone during the delay: closing one races a request the client may be sending on it (the
 * ECONNRESET this avoids); Node closes those still idle when the server stops listening.
 */
export function registerGracefulClose(fastify: FastifyInstance, drain: DrainState): void {
  let closing = false;
  fastify.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (closing || drain.draining) void reply.header('connection', 'close');
    done(null, payload);
  });
}
