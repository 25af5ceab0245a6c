// Summary statistics of durations. Means alone hide the long tail that matters in incident
// response, so every figure carries the median, the 90th percentile and how many values (and
// how many unknowns) it is made of.

export interface DurationStats {
  /** Arithmetic mean, rounded to 0.1 minute; null when there are no values. */
  mean: number | null;
  /** The middle value; with an even count, the mean of the two middle values. */
  median: number | null;
  /**
   * The 90th percentile by the nearest-rank method: the value at rank ⌈0.9 × n⌉ (1-based) of the
   * sorted values. Always one of the values, never interpolated: n = 10 gives the 9th, n = 5 the 5th.
   */
  p90: number | null;
  /** How many values the figure is made of. */
  n: number;
  /** How many incidents lack one of the two times (listed elsewhere by id). */
  unknown: number;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Nearest-rank percentile of ascending `sorted` (0 < p ≤ 100). */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

export function median(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  return n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

export function durationStats(values: readonly number[], unknown: number): DurationStats {
  const sorted = [...values].sort((a, b) => a - b);
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    mean: sorted.length ? round1(sum / sorted.length) : null,
    median: median(sorted) === null ? null : round1(median(sorted) as number),
    p90: nearestRank(sorted, 90) === null ? null : round1(nearestRank(sorted, 90) as number),
    n: sorted.length,
    unknown,
  };
}

/** A share 0..1 rounded to 4 places, or null when nothing was measured. */
export function fraction(hits: number, total: number): number | null {
  return total > 0 ? Math.round((hits / total) * 10000) / 10000 : null;
}
