import Fastify, { type FastifyInstance } from 'fastify';
import { Pool } from 'undici';

/**
 * The baseline: the least a Fastify + undici proxy can do for the same request. It parses the
 * JSON body, sends it on over a keep-alive pool, and hands the answer back. No auth, no
 * validation, no signing, no logging: the gateway's ratios to it are the price of those.
 */
/** The keep-alive pool both baselines forward over (the gateway gets the same connection count). */
export function proxyPool(upstreamUrl: string, connections: number): Pool {
  return new Pool(upstreamUrl, { connections, pipelining: 1, keepAliveTimeout: 30_000 });
}

/** The baselines' whole job: the parsed body sent on as JSON, the answer's status and text back. */
export async function forwardJson(pool: Pool, path: string, body: unknown): Promise<{ status: number; text: string }> {
  const res = await pool.request({
    method: 'POST',
    path,
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
  return { status: res.statusCode, text: await res.body.text() };
}

export class RawProxy {
  private constructor(
    private readonly app: FastifyInstance,
    private readonly pool: Pool,
    readonly url: string,
  ) {}

  static async start(upstreamUrl: string, connections: number): Promise<RawProxy> {
    const pool = proxyPool(upstreamUrl, connections);
    const app = Fastify({ logger: false });
    app.post('/v1/*', async (request, reply) => {
      const { status, text } = await forwardJson(pool, request.url.slice('/v1'.length), request.body);
      return reply.code(status).type('application/json').send(text);
    });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    return new RawProxy(app, pool, url);
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.pool.close();
  }
}
