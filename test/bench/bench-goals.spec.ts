import { describe, expect, it } from '@jest/globals';
import { evaluateGoals, memoryVerdict, type Measurement, type MemorySample } from './bench-goals.js';
import type { CaseId } from './bench-cases.js';
import { percentile, type LoadSummary } from './load-generator.js';

const samples = (...rss: number[]): MemorySample[] =>
  rss.map((r, i) => ({ label: `s${i}`, rssMb: r, heapUsedMb: 40, peakRssMb: r }));

const measured = (caseId: CaseId, workload: string, requestsPerSecond: number, p99Ms: number): Measurement => ({
  caseId,
  title: caseId,
  workload,
  upstreamCalls: 0,
  serverCpuMicrosPerRequest: 100,
  summary: {
    requestsPerSecond,
    p50Ms: 1,
    p99Ms,
    ok: 1,
    non2xx: 0,
    errors: 0,
    timeouts: 0,
    durationSeconds: 10,
    statusCodes: {},
  } satisfies LoadSummary,
});

describe('memoryVerdict', () => {
  it('calls RSS that settles after the warm-up steady, and checks the limit', () => {
    const v = memoryVerdict(samples(120, 150, 151, 150));
    expect(v.growing).toBe(false);
    expect(v.underLimit).toBe(true);
    expect(v.maxRssMb).toBe(151);
  });

  it('calls RSS that rises at every run-to-run step growing', () => {
    expect(memoryVerdict(samples(120, 130, 140, 150)).growing).toBe(true);
  });

  it('ignores small run-to-run wobble', () => {
    expect(memoryVerdict(samples(120, 130, 131, 132)).growing).toBe(false);
  });

  it('calls a post-GC heap that rises at every step growing even when RSS does not', () => {
    const heapGrows = [40, 41, 43, 45].map((h, i) => ({ label: `s${i}`, rssMb: 150, heapUsedMb: h, peakRssMb: 150 }));
    expect(memoryVerdict(heapGrows).growing).toBe(true);
  });

  it('fails the limit at 200 MB', () => {
    expect(memoryVerdict(samples(190, 199, 200, 199)).underLimit).toBe(false);
  });

  it('holds the limit against the peak under load, not only the RSS left after a full GC', () => {
    const underLoad = samples(150, 160, 160, 160).map((s, i) => ({ ...s, peakRssMb: i === 2 ? 205 : 170 }));
    const v = memoryVerdict(underLoad);
    expect(v.maxRssMb).toBe(205);
    expect(v.underLimit).toBe(false);
  });
});

describe('evaluateGoals', () => {
  const w = 'qqprofile';
  const all = [
    measured('raw-proxy', w, 10_000, 10),
    measured('gateway-miss', w, 8_000, 14),
    measured('gateway-redis-hit', w, 11_000, 5),
    measured('gateway-axios-miss', w, 2_000, 50),
  ];
  const goal = (goals: ReturnType<typeof evaluateGoals>, part: string) => goals.find((g) => g.name.includes(part))!;

  it('takes each ratio against the raw proxy measured in the same run', () => {
    const goals = evaluateGoals(all, [w], undefined, []);
    expect(goal(goals, 'miss path req/s')).toEqual({
      name: `${w}: miss path req/s >= 0.75x raw proxy`,
      actual: '0.80x',
      met: true,
    });
    expect(goal(goals, 'p99').actual).toBe('1.40x');
    expect(goal(goals, 'p99').met).toBe(true);
    expect(goal(goals, 'Redis hit').actual).toBe('1.10x');
    expect(goal(goals, 'Redis hit').met).toBe(false);
    expect(goal(goals, 'axios').actual).toBe('4.00x');
    expect(goal(goals, 'axios').met).toBe(true);
  });

  it('marks a goal skipped when its case did not run (no Redis here)', () => {
    const goals = evaluateGoals(
      all.filter((m) => m.caseId !== 'gateway-redis-hit'),
      [w],
      undefined,
      [],
    );
    expect(goal(goals, 'Redis hit').met).toBe('skipped');
  });

  it('reports memory and single-flight verdicts as goals', () => {
    const goals = evaluateGoals(all, [w], memoryVerdict(samples(120, 150, 151, 150)), [
      { store: 'memory', requests: 200, upstreamCalls: 2, allAnswered: true, pass: false },
    ]);
    expect(goal(goals, 'RSS <').met).toBe(true);
    expect(goal(goals, 'not growing').met).toBe(true);
    expect(goal(goals, 'single-flight')).toEqual({
      name: 'single-flight (memory): 200 concurrent cold misses -> 1 upstream call',
      actual: '2 call(s)',
      met: false,
    });
  });
});

describe('percentile', () => {
  it('is nearest-rank over sorted values', () => {
    const values = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(Number.isNaN(percentile([], 50))).toBeTruthy();
  });
});
