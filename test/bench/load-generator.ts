import { ChildRpc } from './child-rpc.js';

/** One bounded autocannon run. */
export interface LoadSpec {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly connections: number;
  readonly durationSeconds: number;
}

/** What a run measured; latencies are exact percentiles of every 2xx response (not 1 ms buckets). */
export interface LoadSummary {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly ok: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly durationSeconds: number;
  readonly statusCodes: Readonly<Record<string, number>>;
}

/**
 * autocannon in a process of its own: on a 2-core machine a load generator sharing the server's
 * event loop would measure itself. One child serves every run of the benchmark.
 */
export class LoadGenerator {
  private constructor(private readonly rpc: ChildRpc) {}

  static async start(): Promise<LoadGenerator> {
    return new LoadGenerator(await ChildRpc.fork(new URL('./load-generator.child.js', import.meta.url)));
  }

  run(spec: LoadSpec): Promise<LoadSummary> {
    return this.rpc.call<LoadSummary>('run', spec);
  }

  close(): Promise<void> {
    return this.rpc.close();
  }
}

/** The q-th percentile (0..100) of ascending-sorted values, nearest-rank. */
export function percentile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((q / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}
