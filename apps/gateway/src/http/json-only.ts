import type { FastifyInstance } from 'fastify';

const JSON_TYPE = /^application\/json\s*(;|$)/i;

/** Operations take JSON only: anything else is a 415 before any parser or handler runs. */
export function registerJsonOnly(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    const type = request.headers['content-type'];
    const hasBody = request.method === 'POST' || request.method === 'PUT' || request.method === 'PATCH';
    if (hasBody && type !== undefined && !JSON_TYPE.test(type)) {
      return done(
        Object.assign(new Error('Unsupported Media Type'), { code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415 }),
      );
    }
    done();
  });
}
