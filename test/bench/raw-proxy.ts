import Fastify, { type FastifyInstance } from 'fastify';
import { Pool } from 'undici';

/**
 * The baseline: the least a Fastify + undici proxy can do for the same request. It parses the
 * JSON body, sends it on over a keep-alive pool, and hands the answer back. No auth, no
 * validation, no signing, no logging: the gateway's ratios to it are the price of those.
 */
export class RawProxy {
  private constructor(private readonly app: FastifyInstance, private readonly pool: Pool, readonly url: string) {}

  static async start(upstreamUrl: string, connections: number): Promise<RawProxy> {
    const pool = new Pool(upstreamUrl, { connections, pipelining: 1, keepAliveTimeout: 30_000 });
    const app = Fastify({ logger: false });
    app.post('/v1/*', async (request, reply) => {
      const res = await pool.request({
        method: 'POST',
        path: request.url.slice('/v1'.length),
        body: JSON.stringify(request.body),
        headers: { 'content-type': 'application/json' },
      });
      const text = await res.body.text();
      return reply.code(res.statusCode).type('application/json').send(text);
    });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    return new RawProxy(app, pool, url);
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.pool.close();
  }
}
