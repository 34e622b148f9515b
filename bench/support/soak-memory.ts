import { loadavg } from 'node:os';
import { percentile } from './timing-statistics.js';

/** One look at the server process: RSS from /proc, the V8/Node split from its /metrics. Megabytes. */
export interface MemorySample {
  minute: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  /** 1-minute load average of the machine, to tell a slow server from a busy machine. */
  loadAverage: number;
}

const megabytes = (bytes: number) => Math.round((bytes / 1024 ** 2) * 10) / 10;

function gauge(metrics: string, name: string): number {
  return Number(new RegExp(`^${name}\\s+(\\S+)`, 'm').exec(metrics)?.[1] ?? Number.NaN);
}

export async function sampleMemory(url: string, minute: number, residentMegabytes: () => number): Promise<MemorySample> {
  const metrics = await (await fetch(`${url}/metrics`)).text();
  return {
    minute,
    rss: residentMegabytes(),
    heapUsed: megabytes(gauge(metrics, 'nodejs_heap_size_used_bytes')),
    heapTotal: megabytes(gauge(metrics, 'nodejs_heap_size_total_bytes')),
    external: megabytes(gauge(metrics, 'nodejs_external_memory_bytes')),
    arrayBuffers: megabytes(gauge(metrics, 'nodejs_array_buffers_bytes')),
    loadAverage: Math.round(loadavg()[0]! * 10) / 10,
  };
}

/**
 * Growth is measured between two windows of the soak, both after warm-up, by medians so one GC
 * cycle's peak or trough does not decide it: the baseline is minutes 2–5, the end is the last
 * 5 minutes. Shorter runs scale the windows (20–50 % and the second half of the run).
 */
export interface GrowthWindows {
  baseline: [number, number];
  end: [number, number];
}

export function growthWindows(minutes: number): GrowthWindows {
  if (minutes >= 10) return { baseline: [2, 5], end: [minutes - 5, minutes] };
  return { baseline: [minutes * 0.2, minutes * 0.5], end: [minutes * 0.5, minutes] };
}

export interface Growth {
  baseline: number;
  end: number;
  /** (end − baseline) / baseline; NaN when a window holds no sample. */
  ratio: number;
}

/**
 * `median` is the headline figure. `floor` (each window's lowest sample) follows the heap just after
 * a full GC, i.e. what is really retained; V8 lets garbage pile up to several times that between
 * full collections, so medians swing with where the windows fall in that sawtooth.
 */
export function windowGrowth(samples: MemorySample[], field: keyof Omit<MemorySample, 'minute'>, windows: GrowthWindows, statistic: 'median' | 'floor' = 'median'): Growth {
  const within = ([from, to]: [number, number]) => samples.filter((sample) => sample.minute >= from && sample.minute <= to).map((sample) => sample[field]);
  const summarize = (values: number[]) => (statistic === 'median' ? percentile(values, 50) : values.length ? Math.min(...values) : Number.NaN);
  const baseline = summarize(within(windows.baseline));
  const end = summarize(within(windows.end));
  return { baseline, end, ratio: (end - baseline) / baseline };
}

/** Reads a labelled counter's value from Prometheus text, e.g. the shed count by reason. */
export function counterValue(metrics: string, name: string, labels = ''): number {
  const escaped = `${name}${labels}`.replace(/[{}"=]/g, (character) => `\\${character}`);
  return Number(new RegExp(`^${escaped}\\s+(\\S+)`, 'm').exec(metrics)?.[1] ?? 0);
}
