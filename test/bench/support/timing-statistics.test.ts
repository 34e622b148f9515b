import { describe, expect, it } from 'vitest';
import { percentile, summarizeTimings, timeRepeatedly } from '../../../bench/support/timing-statistics.js';

describe('timing statistics', () => {
  it('should take nearest-rank percentiles of unsorted samples', () => {
    const samples = [5, 1, 4, 2, 3, 100, 6, 7, 8, 9];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 99)).toBe(100);
    expect(percentile(samples, 0)).toBe(1);
    expect(percentile([], 50)).toBeNaN();
  });

  it('should summarise median, p99, mean and extremes', () => {
    const summary = summarizeTimings([10, 20, 30, 40]);
    expect(summary).toEqual({ runs: 4, median: 20, p99: 40, mean: 25, min: 10, max: 40 });
  });

  it('should run the warm-up unmeasured and record each measured run', async () => {
    const seen: number[] = [];
    const samples = await timeRepeatedly((run) => seen.push(run), 3, 2);
    expect(seen).toEqual([-1, -2, 0, 1, 2]);
    expect(samples).toHaveLength(3);
    expect(samples.every((sample) => sample >= 0)).toBe(true);
  });
});
