// The server under test (the raw proxy or one gateway variant) as a process of its own, like
// the gateway in production: its CPU time and RSS are its own, and every case starts cold.
import { ownCpuMicros, serveRpc } from './child-rpc.js';
import type { ServerMemory, ServerSpec, ServerHello } from './server-under-test.js';

const spec = JSON.parse(process.env.BENCH_SERVER ?? '') as ServerSpec;

/** Each process loads only its own server's code (the raw proxy's holds no gateway). */
async function start(): Promise<{ hello: ServerHello; close(): Promise<void> }> {
  if (spec.kind !== 'gateway') {
    const { RawProxy } = await import('./raw-proxy.js');
    const { NestProxy } = await import('./nest-proxy.js');
    const proxy = await (spec.kind === 'raw-proxy' ? RawProxy : NestProxy).start(
      spec.upstreamUrl,
      spec.upstreamConnections,
    );
    return { hello: { url: proxy.url, headers: {} }, close: () => proxy.close() };
  }
  const { startBenchGateway } = await import('./bench-gateway.js');
  const { gateway, close } = await startBenchGateway(spec.upstreamUrl, spec.variant);
  return { hello: { url: gateway.url, headers: { authorization: `Bearer ${gateway.defaultClient.key}` } }, close };
}

const server = await start();
// A clean exit on the parent's SIGTERM, so that `--cpu-prof` (BENCH_PROFILE) gets written.
process.once('SIGTERM', () => void server.close().finally(() => process.exit(0)));

const gc = (globalThis as { gc?: () => void }).gc;
serveRpc(server.hello, {
  cpuMicros: ownCpuMicros,
  /** RSS and heap after a full GC (the child runs with --expose-gc), and the highest RSS so far (under load). */
  memory: async (): Promise<ServerMemory> => {
    const peakRss = process.resourceUsage().maxRSS * 1024;
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 200));
    gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    return { rss, heapUsed, peakRss };
  },
});
