import { median } from './rounds.js';

/** Median, mean and standard error of B - A over paired measurements [A, B]. */
export function pairedDifference(pairs: ReadonlyArray<readonly [number, number]>): {
  median: number;
  mean: number;
  standardError: number;
} {
  if (pairs.length === 0) throw new Error('no pairs to compare');
  const diffs = pairs.map(([a, b]) => b - a);
  const n = diffs.length;
  const mean = diffs.reduce((s, x) => s + x, 0) / n;
  const variance = n > 1 ? diffs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1) : 0;
  return { median: median(diffs), mean, standardError: Math.sqrt(variance / n) };
}
