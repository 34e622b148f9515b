import type { ItemResult } from './item-result.js';
import { meanOf, percentile } from './percentile.js';

/** Aggregate metrics; keys are stable (CI thresholds and baselines name them by path). Null = no data. */
export interface MetricSummary {
  items: number;
  passed: number;
  failed: number;
  answerable: number;
  unanswerable: number;
  retrieval: {
    k: number;
    recallAt1: number | null;
    recallAt5: number | null;
    recallAt10: number | null;
    recallAtK: number | null;
    mrrAt10: number | null;
    ndcgAt10: number | null;
  };
  citations: { precision: number | null; recall: number | null; validity: number | null };
  keyFacts: { recall: number | null };
  abstention: { recall: number | null; falseRate: number | null };
  crag: { score: number | null };
  latency: { p50Ms: number | null; p95Ms: number | null };
  judge?: { faithfulness: number | null; correctness: number | null };
}

export interface RunManifest {
  startedAt: string;
  finishedAt: string;
  gitSha: string | null;
  goldenSet: { path: string; sha256: string; items: number };
  corpus: Array<{ file: string; sha256: string }>;
  mode: 'in-process' | 'http';
  url: string | null;
  answerers: string[];
  models: Record<string, string>;
  k: number;
  judge: string | null;
  node: string;
}

export interface EvaluationSummary extends MetricSummary {
  byType: Record<string, MetricSummary>;
  manifest: RunManifest;
}

/** Unrounded, so a gate never passes on a value that only rounding lifted to the threshold. */
const orNull = (value: number | undefined): number | null => (value === undefined ? null : value);
const ratio = (count: number, total: number): number | null => (total === 0 ? null : orNull(count / total));

/**
 * Means are over the items where a metric is defined: retrieval, citation recall and key facts over
 * answerable items; citation precision over answerable items that cited something; citation
 * validity over all citations of all items (micro); abstention recall over unanswerable items; the
 * false-abstention rate over answerable items; CRAG and latency over all items.
 */
export function summarizeMetrics(results: readonly ItemResult[], k: number): MetricSummary {
  const answerable = results.filter((result) => result.answerable);
  const unanswerable = results.filter((result) => !result.answerable);
  const mean = (pick: (result: ItemResult) => number | null, from: readonly ItemResult[] = answerable) =>
    orNull(meanOf(from.map((result) => pick(result) ?? undefined)));
  let validCitations = 0;
  let allCitations = 0;
  for (const result of results) {
    const distinct = new Set(result.citations.map((citation) => citation.id));
    allCitations += distinct.size;
    validCitations += distinct.size - new Set(result.invalidCitations).size;
  }
  const latencies = results.map((result) => result.latencyMs);
  const judged = results.filter((result) => result.judge !== null);
  const summary: MetricSummary = {
    items: results.length,
    passed: results.filter((result) => result.pass).length,
    failed: results.filter((result) => !result.pass).length,
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    retrieval: {
      k,
      recallAt1: mean((result) => result.metrics.recallAt1),
      recallAt5: mean((result) => result.metrics.recallAt5),
      recallAt10: mean((result) => result.metrics.recallAt10),
      recallAtK: mean((result) => result.metrics.recallAtK),
      mrrAt10: mean((result) => result.metrics.mrrAt10),
      ndcgAt10: mean((result) => result.metrics.ndcgAt10),
    },
    citations: {
      precision: mean((result) => result.metrics.citationPrecision),
      recall: mean((result) => result.metrics.citationRecall),
      validity: ratio(validCitations, allCitations),
    },
    keyFacts: { recall: mean((result) => result.metrics.keyFactRecall) },
    abstention: {
      recall: ratio(unanswerable.filter((result) => result.abstained && result.error === null).length, unanswerable.length),
      falseRate: ratio(answerable.filter((result) => result.abstained).length, answerable.length),
    },
    crag: { score: mean((result) => result.metrics.crag, results) },
    latency: { p50Ms: orNull(percentile(latencies, 50)), p95Ms: orNull(percentile(latencies, 95)) },
  };
  if (judged.length > 0) {
    summary.judge = {
      faithfulness: mean((result) => result.judge?.faithfulness ?? null, judged),
      correctness: mean((result) => result.judge?.correctness ?? null, judged),
    };
  }
  return summary;
}

export function summarizeByType(results: readonly ItemResult[], k: number): Record<string, MetricSummary> {
  const types = [...new Set(results.map((result) => result.type))].sort();
  return Object.fromEntries(types.map((type) => [type, summarizeMetrics(results.filter((result) => result.type === type), k)]));
}

/** Reads a summary value by dotted path, e.g. `citations.precision`; undefined when the path is not a number or null. */
export function metricAt(summary: unknown, path: string): number | null | undefined {
  let value: unknown = summary;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || !(key in value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  if (value === null) return null;
  return typeof value === 'number' ? value : undefined;
}
