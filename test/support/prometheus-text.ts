/** Reads one sample from Prometheus text exposition: the value for a name and exact labels. */
export function sampleValue(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (
      Object.entries(labels).every(([k, v]) => found[k] === v) &&
      Object.keys(found).length === Object.keys(labels).length
    )
      return Number(match[3]);
  }
  return undefined;
}

/** The sample names a metric family exposes, by its type. */
const SAMPLE_SUFFIXES: Record<string, string[]> = {
  histogram: ['_bucket', '_count', '_sum'],
  summary: ['', '_count', '_sum'],
};

/**
 * Every sample name a scrape exposes (a histogram's `_bucket`, `_count` and `_sum` too), declared
 * by its `# TYPE` line even before it has a sample, with the label names its samples carry.
 */
export function exportedFamilies(text: string): Map<string, { labelNames: Set<string> }> {
  const families = new Map<string, { labelNames: Set<string> }>();
  for (const [, base, type] of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    for (const suffix of SAMPLE_SUFFIXES[type] ?? ['']) families.set(`${base}${suffix}`, { labelNames: new Set() });
  }
  for (const [, name, labels] of text.matchAll(/^([a-zA-Z_:][\w:]*)\{(.*)\}\s+\S+$/gm)) {
    const family = families.get(name) ?? { labelNames: new Set<string>() };
    for (const [, label] of labels.matchAll(/(\w+)="(?:[^"\\]|\\.)*"/g)) family.labelNames.add(label);
    families.set(name, family);
  }
  return families;
}
