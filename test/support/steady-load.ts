import { Pool } from 'undici';
import type { GatewayHarness } from './gateway-harness.js';

/** One answer under load. */
export interface LoadAnswer {
  readonly openid: string;
  readonly status: number;
  readonly cache: string;
  readonly ms: number;
  /** When it was sent, from the start of the load (ms). */
  readonly at: number;
}

const TOKEN = '933FE8C9AB9C585D7EABD04373B7155F';

/**
 * `workers` callers, each sending `route` for the next openid as soon as its last answer is in,
 * until `stop()`: a steady load to kill a Redis under. Every answer is kept, for the test to judge.
 */
export class SteadyLoad {
  readonly answers: LoadAnswer[] = [];
  private stopped = false;
  private readonly started = performance.now();
  private readonly running: Promise<void>;
  private readonly pool: Pool;

  constructor(gateway: GatewayHarness, route: string, openids: readonly string[], workers = 8) {
    this.pool = new Pool(gateway.url, { connections: workers });
    const headers = { authorization: `Bearer ${gateway.defaultClient.key}`, 'content-type': 'application/json' };
    this.running = Promise.all(
      Array.from({ length: workers }, async (_, worker) => {
        for (let i = worker; !this.stopped; i += workers) {
          const openid = openids[i % openids.length];
          const sent = performance.now();
          let status = 0;
          let cache = 'NONE';
          try {
            const res = await this.pool.request({
              path: route,
              method: 'POST',
              headers,
              body: JSON.stringify({ openid, accessToken: TOKEN }),
            });
            await res.body.dump();
            status = res.statusCode;
            cache = String(res.headers['x-cache']);
          } catch {
            // No answer at all (status 0): a failed request like any other.
          }
          this.answers.push({ openid, status, cache, ms: performance.now() - sent, at: sent - this.started });
        }
      }),
    ).then(() => undefined);
  }

  /** Milliseconds since the load began: mark events (a kill, a failover) on the answers' clock. */
  now(): number {
    return performance.now() - this.started;
  }

  async stop(): Promise<LoadAnswer[]> {
    this.stopped = true;
    try {
      await this.running;
    } finally {
      await this.pool.close();
    }
    return this.answers;
  }
}

/** X-Cache values counted, and the slowest answer, for a log line and the assertions. */
export function summary(answers: readonly LoadAnswer[]): {
  requests: number;
  failed: number;
  maxMs: number;
  cache: Record<string, number>;
} {
  const cache: Record<string, number> = {};
  for (const a of answers) cache[a.cache] = (cache[a.cache] ?? 0) + 1;
  return {
    requests: answers.length,
    failed: answers.filter((a) => a.status !== 200).length,
    maxMs: Math.round(Math.max(0, ...answers.map((a) => a.ms))),
    cache,
  };
}
