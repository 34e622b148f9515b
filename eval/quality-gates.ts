import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { HarnessError } from './harness-error.js';
import type { ItemResult } from './item-result.js';
import { metricAt } from './summarize-results.js';

export interface Threshold {
  /** Summary key path, e.g. `citations.precision` or `byType.list.citations.recall`. */
  metric: string;
  value: number;
  /** `min`: the metric must be ≥ value; `max`: ≤ value (rates where lower is better, latency). */
  bound: 'min' | 'max';
}

export interface ThresholdFailure {
  threshold: Threshold;
  actual: number | null;
}

/** Parses `metric=value` as given to --min or --max. */
export function parseThreshold(text: string, bound: Threshold['bound']): Threshold {
  const match = /^([A-Za-z0-9_.-]+)=(-?\d+(?:\.\d+)?)$/.exec(text.trim());
  if (!match) throw new HarnessError(`--${bound} ${JSON.stringify(text)}: expected metric=value, e.g. citations.precision=0.9`);
  return { metric: match[1] ?? '', value: Number(match[2]), bound };
}

/** Reads a thresholds file: `{ "min": { "metric": value }, "max": { … } }`. */
export async function loadThresholdFile(path: string): Promise<Threshold[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new HarnessError(`${path}: cannot read thresholds (${(error as Error).message})`);
  }
  const thresholds: Threshold[] = [];
  for (const bound of ['min', 'max'] as const) {
    const section = (parsed as Record<string, unknown>)[bound];
    if (section === undefined) continue;
    if (section === null || typeof section !== 'object') throw new HarnessError(`${path}: "${bound}" must be an object of metric: number`);
    for (const [metric, value] of Object.entries(section)) {
      if (typeof value !== 'number') throw new HarnessError(`${path}: ${bound}.${metric} must be a number`);
      thresholds.push({ metric, value, bound });
    }
  }
  return thresholds;
}

/** Thresholds the summary misses. A metric path that does not exist is a harness error; a null metric fails. */
export function checkThresholds(summary: unknown, thresholds: readonly Threshold[]): ThresholdFailure[] {
  const failures: ThresholdFailure[] = [];
  for (const threshold of thresholds) {
    const actual = metricAt(summary, threshold.metric);
    if (actual === undefined) throw new HarnessError(`unknown metric "${threshold.metric}" (use a summary.json key path such as citations.precision)`);
    const ok = actual !== null && (threshold.bound === 'min' ? actual >= threshold.value : actual <= threshold.value);
    if (!ok) failures.push({ threshold, actual });
  }
  return failures;
}

export interface Regression {
  kind: 'item' | 'metric';
  /** Item id or metric path. */
  name: string;
  detail: string;
}

/** Metrics compared against a summary baseline, with the direction that is better. */
const comparedMetrics: Array<[string, 'higher' | 'lower']> = [
  ['retrieval.recallAt1', 'higher'],
  ['retrieval.recallAt5', 'higher'],
  ['retrieval.recallAt10', 'higher'],
  ['retrieval.mrrAt10', 'higher'],
  ['retrieval.ndcgAt10', 'higher'],
  ['citations.precision', 'higher'],
  ['citations.recall', 'higher'],
  ['citations.validity', 'higher'],
  ['keyFacts.recall', 'higher'],
  ['abstention.recall', 'higher'],
  ['abstention.falseRate', 'lower'],
  ['crag.score', 'higher'],
];

export interface Baseline {
  path: string;
  /** Item id → passed, when per-item results are known. */
  items?: Map<string, boolean>;
  summary?: unknown;
}

function parseResultsJsonl(text: string, path: string): Map<string, boolean> {
  const items = new Map<string, boolean>();
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new HarnessError(`${path}:${index + 1}: baseline line is not JSON`);
    }
    const record = value as Partial<ItemResult>;
    if (typeof record.id !== 'string' || typeof record.pass !== 'boolean') throw new HarnessError(`${path}:${index + 1}: baseline line needs "id" and "pass"`);
    items.set(record.id, record.pass);
  });
  return items;
}

/** A previous results.jsonl, or a summary.json (then a results.jsonl beside it is used too, if present). */
export async function loadBaseline(path: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new HarnessError(`--baseline ${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (path.endsWith('.jsonl')) return { path, items: parseResultsJsonl(text, path) };
  let summary: unknown;
  try {
    summary = JSON.parse(text);
  } catch {
    throw new HarnessError(`--baseline ${path}: neither results.jsonl nor a summary.json`);
  }
  const beside = join(dirname(path), 'results.jsonl');
  const besideText = await readFile(beside, 'utf8').catch(() => undefined);
  return { path, summary, items: besideText === undefined ? undefined : parseResultsJsonl(besideText, beside) };
}

/** Items that passed in the baseline and fail now; metrics that got worse than the baseline summary. */
export function findRegressions(baseline: Baseline, results: readonly ItemResult[], summary: unknown): Regression[] {
  const regressions: Regression[] = [];
  if (baseline.items) {
    for (const result of results) {
      if (baseline.items.get(result.id) === true && !result.pass) {
        regressions.push({ kind: 'item', name: result.id, detail: `pass → fail (${result.failure ?? 'failed'})` });
      }
    }
  }
  if (baseline.summary !== undefined) {
    for (const [metric, better] of comparedMetrics) {
      const before = metricAt(baseline.summary, metric);
      const after = metricAt(summary, metric);
      if (typeof before !== 'number' || typeof after !== 'number') continue;
      const worse = better === 'higher' ? after < before - 1e-9 : after > before + 1e-9;
      if (worse) regressions.push({ kind: 'metric', name: metric, detail: `${before} → ${after}` });
    }
  }
  return regressions;
}
