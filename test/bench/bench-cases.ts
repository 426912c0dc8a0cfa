import { startBenchGateway, UPSTREAM_CONNECTIONS, type GatewayVariant } from './bench-gateway.js';
import type { GatewayHarness } from '../support/gateway-harness.js';
import { RawProxy } from './raw-proxy.js';
import type { Workload } from './workloads.js';

/** Something under load: where to send a workload's requests, and how to stop it. */
export interface Target {
  url(workload: Workload): string;
  readonly headers: Readonly<Record<string, string>>;
  /** CPU time (user + system, µs) the serving process has used so far: per-request cost, steadier than req/s when the machine is shared. */
  cpuMicros(): Promise<number>;
  /** The gateway, for cases that are one (header checks, the single-flight probe). */
  readonly gateway?: GatewayHarness;
  close(): Promise<void>;
}

export interface BenchContext {
  readonly upstreamUrl: string;
  /** The stub process's CPU time (µs). */
  readonly upstreamCpuMicros: () => Promise<number>;
  /** Undefined when neither redis-server nor REDIS_URL is available. */
  readonly redisUrl?: string;
}

export type CaseId = 'upstream' | 'raw-proxy' | 'gateway-miss' | 'gateway-redis-hit' | 'gateway-memory-hit' | 'gateway-axios-miss';

export interface BenchCase {
  readonly id: CaseId;
  readonly title: string;
  /** The X-Cache a request sent right before the measured run must carry (gateway cases). */
  readonly expectCache?: 'HIT' | 'BYPASS';
  /** Why the case cannot run here, if it cannot. */
  skipReason?(ctx: BenchContext): string | undefined;
  start(ctx: BenchContext): Promise<Target>;
}

/** The raw proxy and the gateway run in this process; the stub and the load generator do not. */
const ownCpuMicros = async () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

function gatewayCase(id: CaseId, title: string, variant: (ctx: BenchContext) => GatewayVariant, expectCache: 'HIT' | 'BYPASS'): BenchCase {
  return {
    id,
    title,
    expectCache,
    skipReason: (ctx) => (variant(ctx).cache === 'redis' && !ctx.redisUrl ? 'no redis-server binary and no REDIS_URL' : undefined),
    async start(ctx) {
      const { gateway, close } = await startBenchGateway(ctx.upstreamUrl, variant(ctx));
      return { url: (w) => `${gateway.url}${w.route}`, headers: { authorization: `Bearer ${gateway.defaultClient.key}` }, cpuMicros: ownCpuMicros, gateway, close };
    },
  };
}

/** The six measurements, in the order they run; ratios are taken against `raw-proxy`. */
export const BENCH_CASES: readonly BenchCase[] = [
  {
    id: 'upstream',
    title: 'upstream stub alone',
    async start(ctx) {
      return { url: (w) => `${ctx.upstreamUrl}${w.upstreamPath}`, headers: {}, cpuMicros: ctx.upstreamCpuMicros, close: async () => undefined };
    },
  },
  {
    id: 'raw-proxy',
    title: 'raw proxy (Fastify + undici)',
    async start(ctx) {
      const proxy = await RawProxy.start(ctx.upstreamUrl, UPSTREAM_CONNECTIONS);
      return { url: (w) => `${proxy.url}${w.route}`, headers: {}, cpuMicros: ownCpuMicros, close: () => proxy.close() };
    },
  },
  gatewayCase('gateway-miss', 'gateway, cache off (undici)', () => ({ cache: 'off', transport: 'undici' }), 'BYPASS'),
  gatewayCase('gateway-redis-hit', 'gateway, Redis cache warm', (ctx) => ({ cache: 'redis', transport: 'undici', redisUrl: ctx.redisUrl }), 'HIT'),
  gatewayCase('gateway-memory-hit', 'gateway, memory cache warm', () => ({ cache: 'memory', transport: 'undici' }), 'HIT'),
  gatewayCase('gateway-axios-miss', 'gateway, cache off (@nestjs/axios)', () => ({ cache: 'off', transport: 'axios' }), 'BYPASS'),
];
