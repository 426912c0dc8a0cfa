import type { Registry } from 'prom-client';

/**
 * Counters and histograms for the request path, exported through a prom-client registry in
 * prom-client's own format. prom-client turns each label object into a hash string and keys
 * histogram buckets by the bound as a property name (a float printed to a string) on every
 * observation: ~13 µs of a gateway miss. Here a label tuple is resolved once to its series
 * (one Map step per label value) and an observation is a few additions.
 */

interface MetricOptions<L extends string> {
  readonly name: string;
  readonly help: string;
  readonly labelNames: readonly L[];
  readonly registers: readonly Registry[];
}

interface ExportedValue {
  readonly value: number;
  readonly labels: Record<string, string | number>;
  readonly sharedLabels?: Record<string, string>;
  readonly metricName?: string;
}

/** What prom-client's Registry reads from a metric when it renders or merges. */
interface ExportedMetric {
  readonly name: string;
  readonly help: string;
  readonly type: 'counter' | 'histogram';
  readonly values: ExportedValue[];
  readonly aggregator: 'sum';
}

/** Series by label values, in insertion order for a stable exposition. */
abstract class LabeledMetric<L extends string, S> {
  readonly name: string;
  readonly help: string;
  readonly aggregator = 'sum';
  abstract readonly type: 'counter' | 'histogram';
  private readonly labelNames: readonly L[];
  private root = new Map<string, unknown>();
  protected series: Array<{ labels: Record<string, string>; series: S }> = [];

  constructor(options: MetricOptions<L>) {
    this.name = options.name;
    this.help = options.help;
    this.labelNames = options.labelNames;
    // prom-client's Registry takes any object with a name and get(); it is typed for its own classes.
    for (const registry of options.registers) registry.registerMetric(this as never);
  }

  /** The series for these label values, in `labelNames` order. */
  labels(...values: string[]): S {
    let level = this.root;
    const last = this.labelNames.length - 1;
    if (values.length !== this.labelNames.length)
      throw new Error(`${this.name} takes ${this.labelNames.length} label values, got ${values.length}`);
    for (let i = 0; i < last; i++) {
      let next = level.get(values[i]) as Map<string, unknown> | undefined;
      if (!next) level.set(values[i], (next = new Map()));
      level = next;
    }
    const found = level.get(values[last]) as S | undefined;
    return found ?? this.add(level, values);
  }

  reset(): void {
    this.root = new Map();
    this.series = [];
  }

  /** For the text exposition (the Registry prefers this form): bucket lines keep their series labels apart. */
  async getForPromString(): Promise<ExportedMetric> {
    return {
      name: this.name,
      help: this.help,
      type: this.type,
      values: this.series.flatMap(({ labels, series }) => this.export(labels, series)),
      aggregator: 'sum',
    };
  }

  /** For JSON, as prom-client gives it: one label object per value. */
  async get(): Promise<ExportedMetric> {
    const metric = await this.getForPromString();
    return {
      ...metric,
      values: metric.values.map(({ sharedLabels, labels, ...rest }) => ({
        ...rest,
        labels: { ...labels, ...sharedLabels },
      })),
    };
  }

  protected abstract create(): S;
  protected abstract export(labels: Record<string, string>, series: S): ExportedValue[];

  private add(level: Map<string, unknown>, values: readonly string[]): S {
    const series = this.create();
    level.set(values[values.length - 1], series);
    this.series.push({ labels: Object.fromEntries(this.labelNames.map((n, i) => [n, values[i]])), series });
    return series;
  }
}

export class CounterSeries {
  value = 0;

  inc(amount = 1): void {
    this.value += amount;
  }
}

export class LabeledCounter<L extends string> extends LabeledMetric<L, CounterSeries> {
  readonly type = 'counter';

  protected create(): CounterSeries {
    return new CounterSeries();
  }

  protected export(labels: Record<string, string>, series: CounterSeries): ExportedValue[] {
    return [{ value: series.value, labels }];
  }
}

export class HistogramSeries {
  /** counts[i]: observations in (bounds[i-1], bounds[i]]; the last slot is above every bound. */
  readonly counts: Float64Array;
  sum = 0;
  count = 0;

  constructor(private readonly bounds: readonly number[]) {
    this.counts = new Float64Array(bounds.length + 1);
  }

  observe(value: number): void {
    if (!Number.isFinite(value)) throw new TypeError(`Value is not a valid number: ${value}`);
    const bounds = this.bounds;
    let i = 0;
    while (i < bounds.length && value > bounds[i]) i++;
    this.counts[i]++;
    this.sum += value;
    this.count++;
  }
}

export class LabeledHistogram<L extends string> extends LabeledMetric<L, HistogramSeries> {
  readonly type = 'histogram';
  private readonly bounds: readonly number[];

  constructor(options: MetricOptions<L> & { readonly buckets: readonly number[] }) {
    super(options);
    this.bounds = [...options.buckets].sort((a, b) => a - b);
  }

  protected create(): HistogramSeries {
    return new HistogramSeries(this.bounds);
  }

  // The same values, names and label order as prom-client's Histogram: bucket lines carry `le`
  // first and the series labels after it, then +Inf, _sum and _count.
  protected export(labels: Record<string, string>, series: HistogramSeries): ExportedValue[] {
    const bucket = `${this.name}_bucket`;
    let cumulative = 0;
    const values: ExportedValue[] = this.bounds.map((le, i) => {
      cumulative += series.counts[i];
      return { labels: { le }, sharedLabels: labels, value: cumulative, metricName: bucket };
    });
    values.push(
      { labels: { le: '+Inf' }, sharedLabels: labels, value: series.count, metricName: bucket },
      { labels: {}, sharedLabels: labels, value: series.sum, metricName: `${this.name}_sum` },
      { labels: {}, sharedLabels: labels, value: series.count, metricName: `${this.name}_count` },
    );
    return values;
  }
}
