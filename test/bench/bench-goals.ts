import type { CaseId } from './bench-cases.js';
import type { LoadSummary } from './load-generator.js';

/** One case under one workload. */
export interface Measurement {
  readonly caseId: CaseId;
  readonly title: string;
  readonly workload: string;
  /** Over every round: req/s, p50 and p99 are the rounds' medians. */
  readonly summary: LoadSummary;
  /** Each round's req/s, in order: how much the host moved under the median. */
  readonly roundsRequestsPerSecond?: readonly number[];
  /** CPU the serving process spent per answered request (µs): the cost, whatever else runs on the machine. */
  readonly serverCpuMicrosPerRequest: number;
  /** Calls the upstream stub counted during the measured run (0 on a warm cache). */
  readonly upstreamCalls: number;
  /** X-Cache of a request sent right before each measured run (gateway cases): an unexpected one if any round saw one. */
  readonly xCache?: string;
}

export interface MemorySample {
  readonly label: string;
  readonly rssMb: number;
  /** V8 heap in use after a full GC (when --expose-gc is on): the precise leak signal. */
  readonly heapUsedMb: number;
  /** The highest RSS the process has had so far (getrusage maxrss): what it held under load, before any GC. */
  readonly peakRssMb: number;
}

export interface MemoryVerdict {
  readonly limitMb: number;
  readonly maxRssMb: number;
  readonly underLimit: boolean;
  /** RSS (or the post-GC heap) rose at every step across the three load runs. */
  readonly growing: boolean;
  /** RSS after the last run minus RSS after the first. */
  readonly growthMb: number;
}

export interface SingleFlightResult {
  readonly store: string;
  readonly requests: number;
  readonly upstreamCalls: number;
  /** Every answer was 200 and byte-identical to the first. */
  readonly allAnswered: boolean;
  readonly pass: boolean;
}

export interface Goal {
  readonly name: string;
  readonly actual: string;
  readonly met: boolean | 'skipped';
}

export const MEMORY_LIMIT_MB = 200;
/** A rise smaller than this between runs is noise (allocator, JIT), not growth. */
const RSS_STEP_MB = 2;
const HEAP_STEP_MB = 1;

/** samples[0] is after the warm-up; the rest after each load run. Only run-to-run steps count. */
export function memoryVerdict(samples: readonly MemorySample[], limitMb = MEMORY_LIMIT_MB): MemoryVerdict {
  const runs = samples.slice(1);
  const risesEveryStep = (pick: (s: MemorySample) => number, step: number) =>
    runs.length >= 2 && runs.every((s, i) => i === 0 || pick(s) - pick(runs[i - 1]) > step);
  // The limit holds under load too: the peak counts, not only what is left after a full GC.
  const maxRssMb = Math.max(...samples.map((s) => Math.max(s.rssMb, s.peakRssMb)));
  return {
    limitMb,
    maxRssMb,
    underLimit: maxRssMb < limitMb,
    growing: risesEveryStep((s) => s.rssMb, RSS_STEP_MB) || risesEveryStep((s) => s.heapUsedMb, HEAP_STEP_MB),
    growthMb: runs.length ? runs[runs.length - 1].rssMb - runs[0].rssMb : 0,
  };
}

export const ratio = (a: number, b: number): number => (b > 0 ? a / b : NaN);

export function find(measurements: readonly Measurement[], caseId: CaseId, workload: string): Measurement | undefined {
  return measurements.find((m) => m.caseId === caseId && m.workload === workload);
}

/** The goals, each as the benchmark measured it. */
export function evaluateGoals(
  measurements: readonly Measurement[],
  workloads: readonly string[],
  memory: MemoryVerdict | undefined,
  singleFlight: readonly SingleFlightResult[],
): Goal[] {
  const goals: Goal[] = [];
  const compare = (name: string, a: number | undefined, b: number | undefined, test: (r: number) => boolean) => {
    if (a === undefined || b === undefined) return goals.push({ name, actual: 'not measured', met: 'skipped' });
    const r = ratio(a, b);
    goals.push({ name, actual: `${r.toFixed(2)}x`, met: test(r) });
  };
  for (const w of workloads) {
    const proxy = find(measurements, 'raw-proxy', w)?.summary;
    const miss = find(measurements, 'gateway-miss', w)?.summary;
    const redis = find(measurements, 'gateway-redis-hit', w)?.summary;
    const axios = find(measurements, 'gateway-axios-miss', w)?.summary;
    compare(
      `${w}: miss path req/s >= 0.75x raw proxy`,
      miss?.requestsPerSecond,
      proxy?.requestsPerSecond,
      (r) => r >= 0.75,
    );
    compare(`${w}: miss path p99 <= 1.5x raw proxy p99`, miss?.p99Ms, proxy?.p99Ms, (r) => r <= 1.5);
    compare(
      `${w}: Redis hit req/s >= 1.2x raw proxy`,
      redis?.requestsPerSecond,
      proxy?.requestsPerSecond,
      (r) => r >= 1.2,
    );
    compare(`${w}: undici req/s >= 3x axios`, miss?.requestsPerSecond, axios?.requestsPerSecond, (r) => r >= 3);
  }
  if (memory) {
    goals.push({
      name: `RSS < ${memory.limitMb} MB`,
      actual: `max ${memory.maxRssMb.toFixed(1)} MB`,
      met: memory.underLimit,
    });
    goals.push({
      name: 'RSS not growing across 3 runs',
      actual: `${memory.growthMb >= 0 ? '+' : ''}${memory.growthMb.toFixed(1)} MB run 1 -> 3`,
      met: !memory.growing,
    });
  }
  for (const p of singleFlight) {
    goals.push({
      name: `single-flight (${p.store}): ${p.requests} concurrent cold misses -> 1 upstream call`,
      actual: `${p.upstreamCalls} call(s)`,
      met: p.pass,
    });
  }
  return goals;
}
