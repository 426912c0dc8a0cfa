// The server under test (the raw proxy or one gateway variant) as a process of its own, like
// the gateway in production: its CPU time and RSS are its own, and every case starts cold.
import { startBenchGateway } from './bench-gateway.js';
import { serveRpc } from './child-rpc.js';
import { RawProxy } from './raw-proxy.js';
import type { ServerSpec, ServerHello } from './server-under-test.js';

const spec = JSON.parse(process.env.BENCH_SERVER ?? '') as ServerSpec;

async function start(): Promise<{ hello: ServerHello; close(): Promise<void> }> {
  if (spec.kind === 'raw-proxy') {
    const proxy = await RawProxy.start(spec.upstreamUrl, spec.upstreamConnections);
    return { hello: { url: proxy.url, headers: {} }, close: () => proxy.close() };
  }
  const { gateway, close } = await startBenchGateway(spec.upstreamUrl, spec.variant);
  return { hello: { url: gateway.url, headers: { authorization: `Bearer ${gateway.defaultClient.key}` } }, close };
}

const server = await start();
// A clean exit on the parent's SIGTERM, so that `--cpu-prof` (BENCH_PROFILE) gets written.
process.once('SIGTERM', () => void server.close().finally(() => process.exit(0)));

const gc = (globalThis as { gc?: () => void }).gc;
serveRpc(server.hello, {
  cpuMicros: () => {
    const { user, system } = process.cpuUsage();
    return user + system;
  },
  /** RSS and heap after a full GC (the child runs with --expose-gc). */
  memory: async () => {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 200));
    gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    return { rss, heapUsed };
  },
});
