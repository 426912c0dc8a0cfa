import type { FastifyInstance } from 'fastify';

/**
 * On shutdown, in-flight requests finish but their keep-alive connections must not hold the
 * server open: responses sent while closing carry `Connection: close`.
 */
export function registerGracefulClose(fastify: FastifyInstance): void {
  let closing = false;
  fastify.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) void reply.header('connection', 'close');
    done(null, payload);
  });
}
