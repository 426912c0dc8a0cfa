import type { LoadSummary } from './load-generator.js';

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * One case's interleaved rounds as one summary: req/s, p50 and p99 are the medians over the
 * rounds (a round the host slowed down moves them less than a mean would); counts are totals.
 */
export function combineRounds(rounds: readonly LoadSummary[]): LoadSummary {
  if (rounds.length === 0) throw new Error('no rounds to combine');
  const statusCodes: Record<string, number> = {};
  for (const r of rounds)
    for (const [code, n] of Object.entries(r.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + n;
  const sum = (pick: (r: LoadSummary) => number) => rounds.reduce((total, r) => total + pick(r), 0);
  return {
    requestsPerSecond: median(rounds.map((r) => r.requestsPerSecond)),
    p50Ms: median(rounds.map((r) => r.p50Ms)),
    p99Ms: median(rounds.map((r) => r.p99Ms)),
    ok: sum((r) => r.ok),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    durationSeconds: sum((r) => r.durationSeconds),
    statusCodes,
  };
}

/** The order cases run in round `round`: rotated, so that no case always follows the same one. */
export function rotated<T>(items: readonly T[], round: number): T[] {
  if (items.length === 0) return [];
  const shift = round % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}
