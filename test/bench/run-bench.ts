// `npm run bench`: the gateway against a raw Fastify + undici proxy, in one run, on loopback.
// BENCH_SECONDS (default 10) measured per case and workload, split over BENCH_ROUNDS (default 3)
// interleaved rounds; BENCH_WARMUP_SECONDS (default 2) of warm-up per case and workload first;
// BENCH_ONLY=gateway-miss,raw-proxy,memory runs a subset, BENCH_WORKLOADS=qqprofile one body;
// BENCH_PROFILE=DIR writes each server's --cpu-prof profile to DIR.
import { loadavg } from 'node:os';
import { RedisServer } from '../support/redis-server.js';
import { envCount, envSeconds } from './bench-env.js';
import { BENCH_CASES, type BenchCase, type BenchContext, type Target } from './bench-cases.js';
import type { LoadSummary } from './load-generator.js';
import { evaluateGoals, memoryVerdict, type Measurement, type SingleFlightResult } from './bench-goals.js';
import { buildReport, formatReport, writeReport, type BenchSettings } from './bench-report.js';
import { LoadGenerator } from './load-generator.js';
import { memoryProbe } from './memory-probe.js';
import { combineRounds, rotated } from './rounds.js';
import { ServerUnderTest } from './server-under-test.js';
import { singleFlightProbe } from './single-flight-probe.js';
import { UpstreamStubProcess } from './upstream-stub-process.js';
import { stubAnswers, WORKLOADS, type Workload } from './workloads.js';

const settings: BenchSettings = {
  seconds: envSeconds('BENCH_SECONDS', 10),
  warmUpSeconds: envSeconds('BENCH_WARMUP_SECONDS', 2),
  connections: 50,
  rounds: envCount('BENCH_ROUNDS', 3, 20),
};
const log = (line: string) => console.log(line);
/** Case ids (and `memory` for the memory probe) to run; all when unset. */
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const selected = (id: string) => !only || only.includes(id);
const onlyWorkloads = process.env.BENCH_WORKLOADS?.split(',').map((s) => s.trim());
const workloadsRun = WORKLOADS.filter((w) => !onlyWorkloads || onlyWorkloads.includes(w.name));

async function main(): Promise<number> {
  const startedAt = new Date().toISOString();
  const loadAverageAtStart = loadavg()[0];
  if (loadAverageAtStart > 0.5)
    log(
      `note: 1-min load average is ${loadAverageAtStart.toFixed(2)}: other work on this machine will skew the numbers`,
    );
  log(
    `msdk-gateway benchmark: ${settings.seconds} s per case in ${settings.rounds} interleaved rounds, after ${settings.warmUpSeconds} s warm-up, ` +
      `${settings.connections} connections, loopback`,
  );
  const stub = await UpstreamStubProcess.start(stubAnswers());
  const load = await LoadGenerator.start();
  const redis = RedisServer.available() ? await RedisServer.start() : undefined;
  const stopRedis = () => void redis?.stop();
  process.once('SIGINT', () => {
    stopRedis();
    process.exit(130);
  });
  if (workloadsRun.length === 0)
    throw new Error(`BENCH_WORKLOADS names no workload (${WORKLOADS.map((w) => w.name).join(', ')})`);
  const ctx: BenchContext = {
    upstreamUrl: stub.url,
    upstreamCpuMicros: () => stub.cpuMicros(),
    redisUrl: redis?.url ?? process.env.REDIS_URL,
  };
  const measurements: Measurement[] = [];
  const singleFlight: SingleFlightResult[] = [];
  const skipped: Array<{ caseId: string; reason: string }> = [];
  try {
    const memory = selected('memory') ? await probeMemory(load, stub) : undefined;

    const cases: BenchCase[] = [];
    for (const c of BENCH_CASES.filter((c) => selected(c.id))) {
      const reason = c.skipReason?.(ctx);
      if (reason) {
        skipped.push({ caseId: c.id, reason });
        log(`skip ${c.title}: ${reason}`);
      } else cases.push(c);
    }
    measurements.push(...(await measureInRounds(cases, ctx, load, stub, singleFlight)));

    const workloads = workloadsRun.map((w) => w.name);
    const goals = evaluateGoals(measurements, workloads, memory?.verdict, singleFlight);
    const report = buildReport({
      startedAt,
      loadAverageAtStart,
      finishedAt: new Date().toISOString(),
      settings,
      measurements,
      workloads,
      skipped,
      memory,
      singleFlight,
      goals,
    });
    log(formatReport(report));
    log(`\nresults: ${writeReport(report)}`);
    const met = goals.filter((g) => g.met === true).length;
    log(`${met} of ${goals.filter((g) => g.met !== 'skipped').length} goals met`);
    // Goals are reported, not asserted; a run with failed requests is not a measurement at all.
    return measurements.some((m) => m.summary.non2xx || m.summary.errors) ? 1 : 0;
  } finally {
    await load.close();
    await stub.close();
    await redis?.stop();
  }
}

/** Runs first, while the process holds nothing but one gateway: RSS over back-to-back runs. */
async function probeMemory(load: LoadGenerator, stub: UpstreamStubProcess) {
  const friends = WORKLOADS.find((w) => w.name === 'qqfriends_detail')!;
  log('memory probe: gateway, cache off, qqfriends_detail, warm-up + 3 runs');
  const gateway = await ServerUnderTest.start({
    kind: 'gateway',
    upstreamUrl: stub.url,
    variant: { cache: 'off', transport: 'undici' },
  });
  try {
    const samples = await memoryProbe(
      load,
      gateway,
      spec(gateway.url + friends.route, gateway.headers, friends),
      settings.warmUpSeconds,
    );
    return { samples, verdict: memoryVerdict(samples) };
  } finally {
    await gateway.close();
  }
}

function spec(url: string, headers: Record<string, string>, workload: Workload) {
  return { url, headers, body: workload.body, connections: settings.connections, durationSeconds: settings.seconds };
}

interface Running {
  readonly c: BenchCase;
  readonly target: Target;
}

/**
 * Every case's server runs at once (idle until its turn) and is warmed up; then each round runs
 * every case once per workload, in an order rotated per round. A slow spell of the host thus
 * lands on all cases alike instead of on whichever ran during it, and the ratios (medians of
 * the rounds) compare cases measured minutes, not seconds, apart. The single-flight probe runs
 * on the cache cases at the end.
 */
async function measureInRounds(
  cases: readonly BenchCase[],
  ctx: BenchContext,
  load: LoadGenerator,
  stub: UpstreamStubProcess,
  singleFlight: SingleFlightResult[],
): Promise<Measurement[]> {
  const running: Running[] = [];
  try {
    for (const c of cases) running.push({ c, target: await c.start(ctx) });
    for (const { target } of running)
      for (const w of workloadsRun)
        await load.run({ ...spec(target.url(w), target.headers, w), durationSeconds: settings.warmUpSeconds });

    const rounds = new Map<
      string,
      Array<{ summary: LoadSummary; cpuMicros: number; upstreamCalls: number; xCache?: string }>
    >();
    const roundSeconds = settings.seconds / settings.rounds;
    for (let round = 0; round < settings.rounds; round++) {
      for (const w of workloadsRun) {
        for (const { c, target } of rotated(running, round)) {
          // One request first: the cache state this run starts from (and a re-warm if an entry expired).
          const xCache = target.call
            ? ((await target.call(w.route, JSON.parse(w.body))).headers.get('x-cache') ?? 'none')
            : undefined;
          if (c.expectCache && xCache !== c.expectCache)
            log(`  !! ${c.title}: expected X-Cache ${c.expectCache}, got ${xCache}`);
          await stub.resetCalls();
          const cpuBefore = await target.cpuMicros();
          const summary = await load.run({ ...spec(target.url(w), target.headers, w), durationSeconds: roundSeconds });
          const cpuMicros = (await target.cpuMicros()) - cpuBefore;
          const key = `${c.id}|${w.name}`;
          rounds.set(key, [
            ...(rounds.get(key) ?? []),
            { summary, cpuMicros, upstreamCalls: await stub.calls(), xCache },
          ]);
          log(
            `  round ${round + 1} ${c.title} / ${w.name}: ${Math.round(summary.requestsPerSecond)} req/s, p99 ${summary.p99Ms.toFixed(2)} ms, ${Math.round(cpuMicros / Math.max(1, summary.ok + summary.non2xx))} µs CPU/req`,
          );
        }
      }
    }

    for (const { c, target } of running) {
      if (c.expectCache === 'HIT' && target.call)
        singleFlight.push(
          await singleFlightProbe(c.id === 'gateway-redis-hit' ? 'redis' : 'memory', target.call, stub, WORKLOADS[0]),
        );
    }
    return running.flatMap(({ c }) =>
      workloadsRun.map((w): Measurement => {
        const runs = rounds.get(`${c.id}|${w.name}`) ?? [];
        const summary = combineRounds(runs.map((r) => r.summary));
        const answered = Math.max(1, summary.ok + summary.non2xx);
        return {
          caseId: c.id,
          title: c.title,
          workload: w.name,
          summary,
          roundsRequestsPerSecond: runs.map((r) => Math.round(r.summary.requestsPerSecond)),
          serverCpuMicrosPerRequest: runs.reduce((total, r) => total + r.cpuMicros, 0) / answered,
          upstreamCalls: runs.reduce((total, r) => total + r.upstreamCalls, 0),
          xCache: runs.find((r) => r.xCache !== c.expectCache)?.xCache ?? runs[0]?.xCache,
        };
      }),
    );
  } finally {
    await Promise.all(running.map(({ target }) => target.close()));
  }
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(error);
  return 1;
});
