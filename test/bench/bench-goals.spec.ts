import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateGoals, memoryVerdict, type Measurement, type MemorySample } from './bench-goals.js';
import type { CaseId } from './bench-cases.js';
import { percentile, type LoadSummary } from './load-generator.js';

const samples = (...rss: number[]): MemorySample[] => rss.map((r, i) => ({ label: `s${i}`, rssMb: r, heapUsedMb: 40, peakRssMb: r }));

const measured = (caseId: CaseId, workload: string, requestsPerSecond: number, p99Ms: number): Measurement => ({
  caseId,
  title: caseId,
  workload,
  upstreamCalls: 0,
  serverCpuMicrosPerRequest: 100,
  summary: { requestsPerSecond, p50Ms: 1, p99Ms, ok: 1, non2xx: 0, errors: 0, timeouts: 0, durationSeconds: 10, statusCodes: {} } satisfies LoadSummary,
});

describe('memoryVerdict', () => {
  it('calls RSS that settles after the warm-up steady, and checks the limit', () => {
    const v = memoryVerdict(samples(120, 150, 151, 150));
    assert.equal(v.growing, false);
    assert.equal(v.underLimit, true);
    assert.equal(v.maxRssMb, 151);
  });

  it('calls RSS that rises at every run-to-run step growing', () => {
    assert.equal(memoryVerdict(samples(120, 130, 140, 150)).growing, true);
  });

  it('ignores small run-to-run wobble', () => {
    assert.equal(memoryVerdict(samples(120, 130, 131, 132)).growing, false);
  });

  it('calls a post-GC heap that rises at every step growing even when RSS does not', () => {
    const heapGrows = [40, 41, 43, 45].map((h, i) => ({ label: `s${i}`, rssMb: 150, heapUsedMb: h, peakRssMb: 150 }));
    assert.equal(memoryVerdict(heapGrows).growing, true);
  });

  it('fails the limit at 200 MB', () => {
    assert.equal(memoryVerdict(samples(190, 199, 200, 199)).underLimit, false);
  });

  it('holds the limit against the peak under load, not only the RSS left after a full GC', () => {
    const underLoad = samples(150, 160, 160, 160).map((s, i) => ({ ...s, peakRssMb: i === 2 ? 205 : 170 }));
    const v = memoryVerdict(underLoad);
    assert.equal(v.maxRssMb, 205);
    assert.equal(v.underLimit, false);
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
    assert.deepEqual(goal(goals, 'miss path req/s'), { name: `${w}: miss path req/s >= 0.75x raw proxy`, actual: '0.80x', met: true });
    assert.equal(goal(goals, 'p99').actual, '1.40x');
    assert.equal(goal(goals, 'p99').met, true);
    assert.equal(goal(goals, 'Redis hit').actual, '1.10x');
    assert.equal(goal(goals, 'Redis hit').met, false);
    assert.equal(goal(goals, 'axios').actual, '4.00x');
    assert.equal(goal(goals, 'axios').met, true);
  });

  it('marks a goal skipped when its case did not run (no Redis here)', () => {
    const goals = evaluateGoals(all.filter((m) => m.caseId !== 'gateway-redis-hit'), [w], undefined, []);
    assert.equal(goal(goals, 'Redis hit').met, 'skipped');
  });

  it('reports memory and single-flight verdicts as goals', () => {
    const goals = evaluateGoals(all, [w], memoryVerdict(samples(120, 150, 151, 150)), [
      { store: 'memory', requests: 200, upstreamCalls: 2, allAnswered: true, pass: false },
    ]);
    assert.equal(goal(goals, 'RSS <').met, true);
    assert.equal(goal(goals, 'not growing').met, true);
    assert.deepEqual(goal(goals, 'single-flight'), { name: 'single-flight (memory): 200 concurrent cold misses -> 1 upstream call', actual: '2 call(s)', met: false });
  });
});

describe('percentile', () => {
  it('is nearest-rank over sorted values', () => {
    const values = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    assert.equal(percentile(values, 50), 50);
    assert.equal(percentile(values, 99), 99);
    assert.equal(percentile(values, 100), 100);
    assert.equal(percentile([7], 99), 7);
    assert.ok(Number.isNaN(percentile([], 50)));
  });
});
