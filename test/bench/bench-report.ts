import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import {
  find,
  ratio,
  type Goal,
  type Measurement,
  type MemorySample,
  type MemoryVerdict,
  type SingleFlightResult,
} from './bench-goals.js';

export interface BenchSettings {
  /** Measured per case and workload, split over `rounds` interleaved rounds. */
  readonly seconds: number;
  readonly warmUpSeconds: number;
  readonly connections: number;
  readonly rounds: number;
}

export interface BenchReport {
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly machine: {
    readonly cpus: number;
    readonly cpuModel: string;
    readonly node: string;
    readonly platform: string;
    /** 1-minute load average at start and end: other work on the machine skews every number. */
    readonly loadAverage: { readonly atStart: number; readonly atEnd: number };
  };
  readonly settings: BenchSettings;
  readonly measurements: ReadonlyArray<
    Measurement & { readonly rpsToRawProxy: number; readonly p99ToRawProxy: number }
  >;
  readonly undiciToAxios: Readonly<Record<string, number>>;
  readonly skipped: ReadonlyArray<{ readonly caseId: string; readonly reason: string }>;
  readonly memory?: { readonly samples: readonly MemorySample[]; readonly verdict: MemoryVerdict };
  readonly singleFlight: readonly SingleFlightResult[];
  readonly goals: readonly Goal[];
}

export function buildReport(
  parts: Omit<BenchReport, 'machine' | 'measurements' | 'undiciToAxios'> & {
    readonly measurements: readonly Measurement[];
    readonly workloads: readonly string[];
    readonly loadAverageAtStart: number;
  },
): BenchReport {
  const { workloads, measurements, loadAverageAtStart, ...rest } = parts;
  const cpu = cpus();
  return {
    ...rest,
    machine: {
      cpus: cpu.length,
      cpuModel: cpu[0]?.model ?? 'unknown',
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      loadAverage: { atStart: loadAverageAtStart, atEnd: loadavg()[0] },
    },
    measurements: measurements.map((m) => {
      const proxy = find(measurements, 'raw-proxy', m.workload)?.summary;
      return {
        ...m,
        rpsToRawProxy: ratio(m.summary.requestsPerSecond, proxy?.requestsPerSecond ?? NaN),
        p99ToRawProxy: ratio(m.summary.p99Ms, proxy?.p99Ms ?? NaN),
      };
    }),
    undiciToAxios: Object.fromEntries(
      workloads.map((w) => [
        w,
        ratio(
          find(measurements, 'gateway-miss', w)?.summary.requestsPerSecond ?? NaN,
          find(measurements, 'gateway-axios-miss', w)?.summary.requestsPerSecond ?? NaN,
        ),
      ]),
    ),
  };
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);
const x = (r: number) => (Number.isFinite(r) ? `${r.toFixed(2)}x` : '-');

/** The human-readable report: one table per workload, then probes and goals. */
export function formatReport(report: BenchReport): string {
  const lines: string[] = [];
  const { seconds, connections, rounds } = report.settings;
  const workloads = [...new Set(report.measurements.map((m) => m.workload))];
  const { cpus: cores, loadAverage } = report.machine;
  lines.push(
    '',
    `machine: ${cores} CPUs, ${report.machine.node}; 1-min load average ${loadAverage.atStart.toFixed(2)} at start, ${loadAverage.atEnd.toFixed(2)} at end`,
  );
  for (const w of workloads) {
    lines.push(
      '',
      `${w}: POST ~400 B JSON, ${connections} connections, ${seconds} s per case in ${rounds} interleaved rounds (req/s, p50, p99: medians of the rounds)`,
    );
    lines.push(
      `${pad('case', 38)}${lpad('req/s', 9)}${lpad('p50 ms', 9)}${lpad('p99 ms', 9)}${lpad('x proxy', 9)}${lpad('p99 x', 8)}${lpad('CPU µs/req', 12)}  X-Cache  upstream calls`,
    );
    for (const m of report.measurements.filter((m) => m.workload === w)) {
      const s = m.summary;
      const bad =
        s.non2xx || s.errors ? `  !! ${s.non2xx} non-2xx, ${s.errors} errors ${JSON.stringify(s.statusCodes)}` : '';
      lines.push(
        `${pad(m.title, 38)}${lpad(Math.round(s.requestsPerSecond).toLocaleString('en-US'), 9)}${lpad(s.p50Ms.toFixed(2), 9)}${lpad(s.p99Ms.toFixed(2), 9)}` +
          `${lpad(x(m.rpsToRawProxy), 9)}${lpad(x(m.p99ToRawProxy), 8)}${lpad(String(Math.round(m.serverCpuMicrosPerRequest)), 12)}  ${pad(m.xCache ?? '-', 7)}  ${m.upstreamCalls}${bad}`,
      );
    }
    lines.push(`undici vs axios transport: ${x(report.undiciToAxios[w])}`);
  }
  for (const s of report.skipped) lines.push(`skipped ${s.caseId}: ${s.reason}`);
  if (report.memory) {
    lines.push('', 'memory (gateway process, cache off; RSS and heap after a full GC, peak RSS so far under load):');
    for (const s of report.memory.samples) {
      lines.push(
        `  ${pad(s.label, 16)} RSS ${s.rssMb.toFixed(1)} MB, heap ${s.heapUsedMb.toFixed(1)} MB, peak RSS ${s.peakRssMb.toFixed(1)} MB`,
      );
    }
  }
  for (const p of report.singleFlight) {
    lines.push(
      `single-flight (${p.store}): ${p.requests} concurrent cold misses -> ${p.upstreamCalls} upstream call(s), answers identical: ${p.allAnswered} -> ${p.pass ? 'PASS' : 'FAIL'}`,
    );
  }
  lines.push('', 'goals:');
  for (const g of report.goals)
    lines.push(`  ${g.met === 'skipped' ? 'SKIP' : g.met ? 'PASS' : 'FAIL'}  ${pad(g.name, 62)} ${g.actual}`);
  return lines.join('\n');
}

/** bench-results/bench-<timestamp>.json (the folder is git-ignored), so runs can be compared. */
export function writeReport(report: BenchReport, dir = 'bench-results'): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `bench-${report.startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
