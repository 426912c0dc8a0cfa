import type { GatewayVariant } from './bench-gateway.js';
import { post, type HttpResult } from '../support/http-client.js';
import { ServerUnderTest, UPSTREAM_CONNECTIONS, type ServerSpec } from './server-under-test.js';
import type { Workload } from './workloads.js';

/** Something under load: where to send a workload's requests, and how to stop it. */
export interface Target {
  url(workload: Workload): string;
  readonly headers: Readonly<Record<string, string>>;
  /** CPU time (user + system, µs) the serving process has used so far: per-request cost, steadier than req/s when the machine is shared. */
  cpuMicros(): Promise<number>;
  /** Gateway cases: one request as the benchmark's client (header checks, the single-flight probe). */
  readonly call?: (route: string, body: unknown) => Promise<HttpResult>;
  close(): Promise<void>;
}

export interface BenchContext {
  readonly upstreamUrl: string;
  /** The stub process's CPU time (µs). */
  readonly upstreamCpuMicros: () => Promise<number>;
  /** Undefined when neither redis-server nor REDIS_URL is available. */
  readonly redisUrl?: string;
}

export type CaseId =
  | 'upstream'
  | 'raw-proxy'
  | 'nest-proxy'
  | 'gateway-miss'
  | 'gateway-redis-hit'
  | 'gateway-memory-hit'
  | 'gateway-axios-miss';

export interface BenchCase {
  readonly id: CaseId;
  readonly title: string;
  /** The X-Cache a request sent right before the measured run must carry (gateway cases). */
  readonly expectCache?: 'HIT' | 'BYPASS';
  /** Why the case cannot run here, if it cannot. */
  skipReason?(ctx: BenchContext): string | undefined;
  start(ctx: BenchContext): Promise<Target>;
}

/** The raw proxy and each gateway run in a process of their own, started fresh for their case. */
async function serverTarget(spec: ServerSpec, isGateway: boolean): Promise<Target> {
  const server = await ServerUnderTest.start(spec);
  const { url, headers } = server;
  return {
    url: (w) => `${url}${w.route}`,
    headers,
    cpuMicros: () => server.cpuMicros(),
    ...(isGateway ? { call: (route: string, body: unknown) => post(`${url}${route}`, body, { ...headers }) } : {}),
    close: () => server.close(),
  };
}

function gatewayCase(
  id: CaseId,
  title: string,
  variant: (ctx: BenchContext) => GatewayVariant,
  expectCache: 'HIT' | 'BYPASS',
): BenchCase {
  return {
    id,
    title,
    expectCache,
    skipReason: (ctx) =>
      variant(ctx).cache === 'redis' && !ctx.redisUrl ? 'no redis-server binary and no REDIS_URL' : undefined,
    start: (ctx) => serverTarget({ kind: 'gateway', upstreamUrl: ctx.upstreamUrl, variant: variant(ctx) }, true),
  };
}

/**
 * The six measurements the issue asks for, plus `nest-proxy` (informational: no goal), in the
 * order they run; ratios are taken against `raw-proxy`.
 */
export const BENCH_CASES: readonly BenchCase[] = [
  {
    id: 'upstream',
    title: 'upstream stub alone',
    start: (ctx) =>
      Promise.resolve({
        url: (w) => `${ctx.upstreamUrl}${w.upstreamPath}`,
        headers: {},
        cpuMicros: ctx.upstreamCpuMicros,
        close: () => Promise.resolve(),
      }),
  },
  {
    id: 'raw-proxy',
    title: 'raw proxy (Fastify + undici)',
    start: (ctx) =>
      serverTarget(
        { kind: 'raw-proxy', upstreamUrl: ctx.upstreamUrl, upstreamConnections: UPSTREAM_CONNECTIONS },
        false,
      ),
  },
  {
    id: 'nest-proxy',
    title: 'Nest proxy (Nest + Fastify + undici)',
    start: (ctx) =>
      serverTarget(
        { kind: 'nest-proxy', upstreamUrl: ctx.upstreamUrl, upstreamConnections: UPSTREAM_CONNECTIONS },
        false,
      ),
  },
  gatewayCase('gateway-miss', 'gateway, cache off (undici)', () => ({ cache: 'off', transport: 'undici' }), 'BYPASS'),
  gatewayCase(
    'gateway-redis-hit',
    'gateway, Redis cache warm',
    (ctx) => ({ cache: 'redis', transport: 'undici', redisUrl: ctx.redisUrl }),
    'HIT',
  ),
  gatewayCase(
    'gateway-memory-hit',
    'gateway, memory cache warm',
    () => ({ cache: 'memory', transport: 'undici' }),
    'HIT',
  ),
  gatewayCase(
    'gateway-axios-miss',
    'gateway, cache off (@nestjs/axios)',
    () => ({ cache: 'off', transport: 'axios' }),
    'BYPASS',
  ),
];
