import type { ItemResult } from './item-result.js';
import type { EvaluationSummary } from './summarize-results.js';

const formatMetric = (value: number | null | undefined): string => (value === null || value === undefined ? '–' : (Math.round(value * 1000) / 1000).toFixed(3));
const pad = (text: string, width: number) => (text.length >= width ? text.slice(0, width) : text + ' '.repeat(width - text.length));

/** Failing items, then metrics by type, then the exact closing line `N passed, N failed`. */
export function renderConsoleTable(summary: EvaluationSummary, results: readonly ItemResult[]): string {
  const lines: string[] = [];
  const failing = results.filter((result) => !result.pass);
  if (failing.length > 0) {
    lines.push(`${pad('failing item', 22)} ${pad('type', 12)} ${pad('failure', 18)} question`);
    for (const result of failing) {
      lines.push(`${pad(result.id, 22)} ${pad(result.type, 12)} ${pad(result.failure ?? 'fail', 18)} ${result.question.replace(/\s+/g, ' ').slice(0, 70)}`);
    }
    lines.push('');
  }
  const header = ['type', 'items', 'pass', 'R@5', 'MRR', 'c.prec', 'c.rec', 'c.valid', 'facts', 'abst', 'f.abst', 'crag', 'p95ms'];
  const widths = [12, 6, 5, 6, 6, 6, 6, 7, 6, 6, 6, 6, 8];
  const row = (cells: string[]) => cells.map((text, index) => pad(text, widths[index] ?? 8)).join(' ');
  lines.push(row(header));
  const summaryRow = (name: string, metrics: EvaluationSummary | EvaluationSummary['byType'][string]) =>
    row([
      name,
      String(metrics.items),
      String(metrics.passed),
      formatMetric(metrics.retrieval.recallAt5),
      formatMetric(metrics.retrieval.mrrAt10),
      formatMetric(metrics.citations.precision),
      formatMetric(metrics.citations.recall),
      formatMetric(metrics.citations.validity),
      formatMetric(metrics.keyFacts.recall),
      formatMetric(metrics.abstention.recall),
      formatMetric(metrics.abstention.falseRate),
      formatMetric(metrics.crag.score),
      metrics.latency.p95Ms === null ? '–' : String(Math.round(metrics.latency.p95Ms)),
    ]);
  for (const [type, metrics] of Object.entries(summary.byType)) lines.push(summaryRow(type, metrics));
  lines.push(summaryRow('all', summary));
  lines.push('');
  lines.push(`${summary.passed} passed, ${summary.failed} failed`);
  return lines.join('\n');
}
