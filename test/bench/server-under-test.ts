import { ChildRpc } from './child-rpc.js';
import type { GatewayVariant } from './bench-gateway.js';
import { gatewayNodeFlags } from '../support/gateway-node-flags.js';

/** Keep-alive connections to the upstream, the same for the gateway and the raw proxy. */
export const UPSTREAM_CONNECTIONS = 64;

/** What to start in the child: a baseline proxy (raw, or the same in Nest) or a gateway. */
export type ServerSpec =
  | { readonly kind: 'raw-proxy' | 'nest-proxy'; readonly upstreamUrl: string; readonly upstreamConnections: number }
  | { readonly kind: 'gateway'; readonly upstreamUrl: string; readonly variant: GatewayVariant };

/** What the `memory` call answers, in bytes: RSS and V8 heap in use after a full GC, and the highest RSS so far. */
export interface ServerMemory {
  readonly rss: number;
  readonly heapUsed: number;
  readonly peakRss: number;
}

/** What the child says once it listens: where to send requests, and with which headers. */
export interface ServerHello {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * The parent's handle on a server under test running in its own process. BENCH_PROFILE=DIR runs
 * it under `--cpu-prof`, writing the profile to DIR when the case ends; BENCH_NODE_FLAGS adds
 * flags of your own (each line a trace prints carries the process id).
 */
export class ServerUnderTest {
  private constructor(private readonly rpc: ChildRpc<ServerHello>) {}

  static async start(spec: ServerSpec): Promise<ServerUnderTest> {
    const profileDir = process.env.BENCH_PROFILE;
    // The gateway's production flags, for the baseline proxy too: the ratios compare code, not V8 settings.
    const extraFlags = process.env.BENCH_NODE_FLAGS?.split(/\s+/).filter(Boolean) ?? [];
    const execArgv = [
      '--expose-gc',
      ...gatewayNodeFlags(),
      ...extraFlags,
      ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
    ];
    const rpc = await ChildRpc.fork<ServerHello>(new URL('./server-under-test.child.js', import.meta.url), {
      execArgv,
      env: { BENCH_SERVER: JSON.stringify(spec) },
    });
    return new ServerUnderTest(rpc);
  }

  get url(): string {
    return this.rpc.hello.url;
  }

  get headers(): Readonly<Record<string, string>> {
    return this.rpc.hello.headers;
  }

  /** CPU time (user + system, µs) the server's process has used so far. */
  cpuMicros(): Promise<number> {
    return this.rpc.call<number>('cpuMicros');
  }

  /** The server process's memory (ServerMemory). */
  memory(): Promise<ServerMemory> {
    return this.rpc.call('memory');
  }

  close(): Promise<void> {
    return this.rpc.close();
  }
}
