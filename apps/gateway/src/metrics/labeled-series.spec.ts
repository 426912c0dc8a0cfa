import { describe, expect, it } from '@jest/globals';
import { Counter, Histogram, Registry } from 'prom-client';
import { LabeledCounter, LabeledHistogram } from './labeled-series.js';

const BUCKETS = [0.005, 0.01, 0.025, 0.1, 1, 3.1];
const OBSERVATIONS: Array<[string, string, number]> = [
  ['/v1/relation/qqprofile', '2xx', 0.004],
  ['/v1/relation/qqprofile', '2xx', 0.005],
  ['/v1/relation/qqprofile', '5xx', 0.02],
  ['/v1/friend/friend_list', '2xx', 3.2],
  ['/v1/relation/qqprofile', '2xx', 0.5],
  ['/v1/a "quoted"\\route', '4xx', 0],
];

describe('labeled series', () => {
  it('renders histograms exactly as prom-client does for the same observations', async () => {
    const ours = new Registry();
    const theirs = new Registry();
    const a = new LabeledHistogram({
      name: 'h',
      help: 'help',
      labelNames: ['route', 'status_class'],
      buckets: BUCKETS,
      registers: [ours],
    });
    const b = new Histogram({
      name: 'h',
      help: 'help',
      labelNames: ['route', 'status_class'],
      buckets: BUCKETS,
      registers: [theirs],
    });
    for (const [route, statusClass, v] of OBSERVATIONS) {
      a.labels(route, statusClass).observe(v);
      b.observe({ route, status_class: statusClass }, v);
    }
    expect(await ours.metrics()).toBe(await theirs.metrics());
    // prom-client adds `exemplar: null` to bucket values; exemplars are not used here.
    const withoutExemplars = (metrics: Awaited<ReturnType<Registry['getMetricsAsJSON']>>) =>
      metrics.map((m) => ({
        ...m,
        values: m.values.map((v) => {
          const { exemplar: _, ...rest } = v as typeof v & { exemplar?: unknown };
          return rest;
        }),
      }));
    expect(await ours.getMetricsAsJSON()).toEqual(withoutExemplars(await theirs.getMetricsAsJSON()));
  });

  it('renders counters exactly as prom-client does', async () => {
    const ours = new Registry();
    const theirs = new Registry();
    const a = new LabeledCounter({
      name: 'c_total',
      help: 'help',
      labelNames: ['interface', 'outcome'],
      registers: [ours],
    });
    const b = new Counter({ name: 'c_total', help: 'help', labelNames: ['interface', 'outcome'], registers: [theirs] });
    for (const [route, outcome] of OBSERVATIONS) {
      a.labels(route, outcome).inc();
      b.inc({ interface: route, outcome });
    }
    a.labels('x', 'y').inc(5);
    b.inc({ interface: 'x', outcome: 'y' }, 5);
    expect(await ours.metrics()).toBe(await theirs.metrics());
  });

  it('hands back the same series for the same label values, and refuses a wrong count', () => {
    const h = new LabeledHistogram({
      name: 'h2',
      help: 'help',
      labelNames: ['a', 'b'],
      buckets: BUCKETS,
      registers: [],
    });
    expect(h.labels('x', 'y')).toBe(h.labels('x', 'y'));
    expect(h.labels('x', 'y')).not.toBe(h.labels('y', 'x'));
    expect(() => h.labels('x')).toThrow(/takes 2 label values/);
    expect(() => h.labels('x', 'y').observe(Number.NaN)).toThrow(/not a valid number/);
  });
});
