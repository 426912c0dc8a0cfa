import type { FastifyInstance } from 'fastify';

/** Operations take JSON only: anything else is a 415 before any parser or handler runs. */
export function registerJsonOnly(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request) => {
    if (request.method !== 'POST' && request.method !== 'PUT' && request.method !== 'PATCH') return;
    const type = request.headers['content-type'];
    if (type !== undefined && !/^application\/json\s*(;|$)/i.test(type)) {
      throw Object.assign(new Error('Unsupported Media Type'), { code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415 });
    }
  });
}
