// `npm run bench:ab -- <other checkout>`: this build's gateway against another build's (a git
// worktree of an earlier commit, built), both under load at the same time, in windows.
// AB_CACHE=off|memory|redis (default off), AB_WORKLOAD (default qqprofile), AB_WINDOWS (default 8),
// AB_SECONDS per window (default 8). Both run with this checkout's Node flags (package.json).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RedisServer } from '../support/redis-server.js';
import type { GatewayVariant } from './bench-gateway.js';
import { LoadGenerator } from './load-generator.js';
import { pairedDifference } from './paired-difference.js';
import { ServerUnderTest } from './server-under-test.js';
import { UpstreamStubProcess } from './upstream-stub-process.js';
import { stubAnswers, WORKLOADS } from './workloads.js';

type Server = Pick<ServerUnderTest, 'url' | 'headers' | 'cpuMicros' | 'close'>;
type ServerClass = { start(spec: Parameters<typeof ServerUnderTest.start>[0]): Promise<Server> };

const log = (line: string) => console.log(line);

/**
 * Why at the same time: on a shared 2-core VM, CPU per request drifts by ±10% from one minute to
 * the next, more than most single changes are worth. Measured side by side, both builds see the
 * same drift, and the difference per window is steady: two A/A runs (a build against itself)
 * gave 0.0 ± 0.3 and -0.5 ± 0.1 µs, where interleaved rounds could not tell 2 µs apart. Read
 * differences under ~1 µs as noise, and req/s not at all (the two share the cores unevenly).
 */
async function main(): Promise<void> {
  const other = process.argv[2];
  if (!other) throw new Error('usage: node dist/test/bench/run-ab.js <other checkout, built>');
  const cache = (process.env.AB_CACHE ?? 'off') as GatewayVariant['cache'];
  if (!['off', 'memory', 'redis'].includes(cache)) throw new Error('AB_CACHE must be off, memory or redis');
  const workload = WORKLOADS.find((w) => w.name === (process.env.AB_WORKLOAD ?? 'qqprofile'));
  if (!workload) throw new Error(`AB_WORKLOAD must be one of ${WORKLOADS.map((w) => w.name).join(', ')}`);
  const windows = Number(process.env.AB_WINDOWS ?? 8);
  const seconds = Number(process.env.AB_SECONDS ?? 8);

  const Baseline = ((await import(pathToFileURL(resolve(other, 'dist/test/bench/server-under-test.js')).href)) as { ServerUnderTest: ServerClass }).ServerUnderTest;
  const redis = cache === 'redis' && !process.env.REDIS_URL ? await RedisServer.start() : undefined;
  const stub = await UpstreamStubProcess.start(stubAnswers());
  const loads = [await LoadGenerator.start(), await LoadGenerator.start()];
  const variant: GatewayVariant = { cache, transport: 'undici', redisUrl: redis?.url ?? process.env.REDIS_URL };
  const servers: Server[] = [];
  try {
    servers.push(await Baseline.start({ kind: 'gateway', upstreamUrl: stub.url, variant }));
    servers.push(await ServerUnderTest.start({ kind: 'gateway', upstreamUrl: stub.url, variant }));
    const runBoth = (durationSeconds: number) =>
      Promise.all(servers.map((s, i) => loads[i].run({ url: s.url + workload.route, headers: s.headers, body: workload.body, connections: 25, durationSeconds })));
    await runBoth(3);

    log(`${workload.name}, cache ${cache}: baseline ${other} (A) and this build (B), 25 connections each, ${windows} windows of ${seconds} s`);
    const perWindow: Array<[number, number]> = [];
    for (let i = 0; i < windows; i++) {
      const before = await Promise.all(servers.map((s) => s.cpuMicros()));
      const summaries = await runBoth(seconds);
      const after = await Promise.all(servers.map((s) => s.cpuMicros()));
      const [a, b] = servers.map((_, k) => (after[k] - before[k]) / Math.max(1, summaries[k].ok + summaries[k].non2xx));
      if (summaries.some((s) => s.non2xx || s.errors)) throw new Error('a window had failed requests: not a measurement');
      perWindow.push([a, b]);
      log(`  A ${a.toFixed(1)} µs/req ${Math.round(summaries[0].requestsPerSecond)} req/s | B ${b.toFixed(1)} µs/req ${Math.round(summaries[1].requestsPerSecond)} req/s`);
    }
    const d = pairedDifference(perWindow);
    log(`B - A: median ${d.median.toFixed(2)}, mean ${d.mean.toFixed(2)} ± ${d.standardError.toFixed(2)} (standard error) µs CPU per request`);
  } finally {
    await Promise.all(servers.map((s) => s.close()));
    await Promise.all(loads.map((l) => l.close()));
    await stub.close();
    await redis?.stop();
  }
}

await main();
