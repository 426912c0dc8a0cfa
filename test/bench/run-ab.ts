// `npm run bench:ab -- <other checkout>`: this build's gateway against another build's (a git
// worktree of an earlier commit, built), both under load at the same time, in windows.
// AB_CACHE=off|memory|redis (default off), AB_WORKLOAD (default qqprofile), AB_SESSIONS (default 6),
// AB_WINDOWS per session (default 3), AB_SECONDS per window (default 6). Both run with this
// checkout's Node flags (package.json); AB_NODE_FLAGS_A and AB_NODE_FLAGS_B add flags to one side
// (a later V8 flag wins), so a run of this build against itself measures a flag.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RedisServer } from '../support/redis-server.js';
import { envCount, envSeconds } from './bench-env.js';
import type { GatewayVariant } from './bench-gateway.js';
import { LoadGenerator } from './load-generator.js';
import { pairedDifference } from './paired-difference.js';
import { ServerUnderTest } from './server-under-test.js';
import { UpstreamStubProcess } from './upstream-stub-process.js';
import { stubAnswers, WORKLOADS, type Workload } from './workloads.js';

type Server = Pick<ServerUnderTest, 'url' | 'headers' | 'cpuMicros' | 'memory' | 'close'>;
type ServerClass = { start(spec: Parameters<typeof ServerUnderTest.start>[0]): Promise<Server> };

const log = (line: string) => console.log(line);
const MB = 1024 * 1024;

/**
 * Why at the same time: on a shared 2-core VM, CPU per request drifts by ±10% from one minute to
 * the next, more than most single changes are worth. Measured side by side, both builds see the
 * same drift, where interleaved rounds could not tell 2 µs apart. The spread that is left is
 * between sessions (fresh processes), so the answer is a mean over sessions with its standard
 * error; run a build against itself (A/A) to see the noise floor. req/s is not compared at all:
 * the two share the cores unevenly.
 */
async function main(): Promise<void> {
  const other = process.argv[2];
  if (!other) throw new Error('usage: node dist/test/bench/run-ab.js <other checkout, built>');
  const cache = (process.env.AB_CACHE ?? 'off') as GatewayVariant['cache'];
  if (!['off', 'memory', 'redis'].includes(cache)) throw new Error('AB_CACHE must be off, memory or redis');
  const workload = WORKLOADS.find((w) => w.name === (process.env.AB_WORKLOAD ?? 'qqprofile'));
  if (!workload) throw new Error(`AB_WORKLOAD must be one of ${WORKLOADS.map((w) => w.name).join(', ')}`);
  const sessions = envCount('AB_SESSIONS', 6, 50);
  const windows = envCount('AB_WINDOWS', 3, 20);
  const seconds = envSeconds('AB_SECONDS', 6);
  // Each side's Node flags: BENCH_NODE_FLAGS plus its own. Passed through the environment, not as a
  // parameter: the other checkout's ServerUnderTest.start (any earlier build) reads only BENCH_NODE_FLAGS.
  const commonFlags = process.env.BENCH_NODE_FLAGS ?? '';
  const sideFlags = { A: process.env.AB_NODE_FLAGS_A ?? '', B: process.env.AB_NODE_FLAGS_B ?? '' };

  const Baseline = (
    (await import(pathToFileURL(resolve(other, 'dist/test/bench/server-under-test.js')).href)) as {
      ServerUnderTest: ServerClass;
    }
  ).ServerUnderTest;
  const redis = cache === 'redis' && !process.env.REDIS_URL ? await RedisServer.start() : undefined;
  const stub = await UpstreamStubProcess.start(stubAnswers());
  const loads = [await LoadGenerator.start(), await LoadGenerator.start()];
  const variant: GatewayVariant = { cache, transport: 'undici', redisUrl: redis?.url ?? process.env.REDIS_URL };
  log(
    `${workload.name}, cache ${cache}: baseline ${other} (A) and this build (B), 25 connections each, ${sessions} sessions of ${windows} windows of ${seconds} s`,
  );
  for (const side of ['A', 'B'] as const) if (sideFlags[side]) log(`  ${side} adds Node flags: ${sideFlags[side]}`);
  try {
    const sessionMeans: Array<[number, number]> = [];
    for (let n = 0; n < sessions; n++) {
      // Every session starts both servers afresh, in turn in either order: where each process
      // lands (its core, its neighbours) moved an A/A difference by up to ~3 µs between sessions.
      const order = n % 2 === 0 ? (['A', 'B'] as const) : (['B', 'A'] as const);
      const started: Partial<Record<'A' | 'B', Server>> = {};
      try {
        for (const side of order) {
          process.env.BENCH_NODE_FLAGS = `${commonFlags} ${sideFlags[side]}`;
          started[side] = await (side === 'A' ? Baseline : ServerUnderTest).start({
            kind: 'gateway',
            upstreamUrl: stub.url,
            variant,
          });
        }
        process.env.BENCH_NODE_FLAGS = commonFlags;
        const pairs = await measureSession([started.A!, started.B!], loads, workload, windows, seconds);
        const mean = (k: 0 | 1) => pairs.reduce((sum, p) => sum + p[k], 0) / pairs.length;
        sessionMeans.push([mean(0), mean(1)]);
        // Peak RSS so far: what each process held under this session's load (informational).
        const [peakA, peakB] = await Promise.all(
          [started.A!, started.B!].map(async (s) => (await s.memory()).peakRss / MB),
        );
        log(
          `  session ${n + 1} (${order[0]} started first): A ${mean(0).toFixed(1)}, B ${mean(1).toFixed(1)} µs/req, B - A ${(mean(1) - mean(0)).toFixed(2)}; peak RSS A ${peakA.toFixed(1)}, B ${peakB.toFixed(1)} MB`,
        );
      } finally {
        await Promise.all(Object.values(started).map((s) => s.close()));
      }
    }
    const d = pairedDifference(sessionMeans);
    log(
      `B - A over ${sessions} sessions: median ${d.median.toFixed(2)}, mean ${d.mean.toFixed(2)} ± ${d.standardError.toFixed(2)} (standard error) µs CPU per request`,
    );
  } finally {
    await Promise.all(loads.map((l) => l.close()));
    await stub.close();
    await redis?.stop();
  }
}

/** Both servers under load at once for each window: [A, B] CPU µs per request, window by window. */
async function measureSession(
  servers: Server[],
  loads: LoadGenerator[],
  workload: Workload,
  windows: number,
  seconds: number,
): Promise<Array<[number, number]>> {
  const runBoth = (durationSeconds: number) =>
    Promise.all(
      servers.map((s, i) =>
        loads[i].run({
          url: s.url + workload.route,
          headers: s.headers,
          body: workload.body,
          connections: 25,
          durationSeconds,
        }),
      ),
    );
  await runBoth(3);
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < windows; i++) {
    const before = await Promise.all(servers.map((s) => s.cpuMicros()));
    const summaries = await runBoth(seconds);
    const after = await Promise.all(servers.map((s) => s.cpuMicros()));
    if (summaries.some((s) => s.non2xx || s.errors)) throw new Error('a window had failed requests: not a measurement');
    const [a, b] = servers.map((_, k) => (after[k] - before[k]) / Math.max(1, summaries[k].ok));
    pairs.push([a, b]);
  }
  return pairs;
}

await main();
