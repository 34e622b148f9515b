/** Summary of repeated timings in milliseconds. Medians and tails, never a single run. */
export interface TimingStatistics {
  runs: number;
  median: number;
  p99: number;
  mean: number;
  min: number;
  max: number;
}

/** Nearest-rank percentile (p in 0..100) of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function summarizeTimings(samples: readonly number[]): TimingStatistics {
  const total = samples.reduce((sum, value) => sum + value, 0);
  return {
    runs: samples.length,
    median: percentile(samples, 50),
    p99: percentile(samples, 99),
    mean: samples.length ? total / samples.length : Number.NaN,
    min: samples.length ? Math.min(...samples) : Number.NaN,
    max: samples.length ? Math.max(...samples) : Number.NaN,
  };
}

/** Runs `task` `warmup` times unmeasured, then `runs` times, and returns each run's milliseconds. */
export async function timeRepeatedly(task: (run: number) => unknown, runs: number, warmup = 2): Promise<number[]> {
  for (let run = 0; run < warmup; run += 1) await task(-1 - run);
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await task(run);
    samples.push(performance.now() - started);
  }
  return samples;
}

export function formatMilliseconds(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}
