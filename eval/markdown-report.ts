import { summaryColumns, type ReportInput } from './html-report.js';
import type { MetricSummary } from './summarize-results.js';

const formatMetric = (value: number | null | undefined): string => (value === null || value === undefined ? '–' : String(Math.round(value * 1000) / 1000));
/** Keeps table cells on one line and stops `|` from splitting a cell. */
const cell = (text: string): string => text.replace(/\s+/g, ' ').replace(/\|/g, '\\|');

export function renderMarkdownReport(input: ReportInput): string {
  const { summary, results } = input;
  const manifest = summary.manifest;
  const lines: string[] = [];
  lines.push('# Verbatim evaluation', '');
  lines.push(`**${summary.passed} passed, ${summary.failed} failed** of ${summary.items} items (${summary.answerable} answerable, ${summary.unanswerable} unanswerable).`, '');
  lines.push(
    `Mode ${manifest.mode}${manifest.url ? ` (${manifest.url})` : ''}; answerer ${manifest.answerers.join(', ') || 'unknown'}; golden set \`${manifest.goldenSet.path}\` (sha256 \`${manifest.goldenSet.sha256.slice(0, 12)}\`); git \`${manifest.gitSha?.slice(0, 12) ?? 'unknown'}\`.`,
    '',
  );
  if (input.thresholdFailures.length > 0 || input.regressions.length > 0) {
    lines.push('## Gates failed', '');
    for (const failure of input.thresholdFailures) lines.push(`- ${failure.threshold.metric} = ${formatMetric(failure.actual)} (${failure.threshold.bound} ${failure.threshold.value})`);
    for (const regression of input.regressions) lines.push(`- regression: ${regression.name} ${regression.detail}`);
    lines.push('');
  }
  lines.push('## Summary', '');
  lines.push(`| type | items | passed | ${summaryColumns.map(([name]) => name).join(' | ')} |`);
  lines.push(`|---|---:|---:|${summaryColumns.map(() => '---:').join('|')}|`);
  const row = (name: string, metrics: MetricSummary) =>
    `| ${cell(name)} | ${metrics.items} | ${metrics.passed} | ${summaryColumns.map(([, pick]) => formatMetric(pick(metrics))).join(' | ')} |`;
  lines.push(row('all', summary));
  for (const [type, metrics] of Object.entries(summary.byType)) lines.push(row(type, metrics));
  lines.push('', '## Failing items', '');
  const failing = results.filter((result) => !result.pass);
  if (failing.length === 0) lines.push('None.');
  for (const result of failing) {
    lines.push(`### ${result.id} (${result.type}): ${result.failure ?? 'fail'}`, '');
    lines.push(`- Question: ${cell(result.question)}`);
    lines.push(`- Answer${result.abstained ? ' (abstained)' : ''}: ${cell(result.answer) || '(empty)'}`);
    lines.push(`- Expected: ${result.expectedCitations.join(', ') || 'none (abstain)'}${result.acceptableCitations.length ? `; acceptable: ${result.acceptableCitations.join(', ')}` : ''}`);
    lines.push(`- Cited: ${result.citations.map((citation) => citation.id).join(', ') || 'none'}`);
    lines.push(`- Retrieved: ${result.retrieved.slice(0, 10).join(', ') || 'none'}`);
    if (result.missingFacts.length) lines.push(`- Missing key facts: ${result.missingFacts.map((fact) => `"${cell(fact)}"`).join(', ')}`);
    if (result.invalidCitations.length) lines.push(`- Invalid citations: ${result.invalidCitations.join(', ')}`);
    if (result.error) lines.push(`- Error: ${cell(result.error)}`);
    for (const citation of result.citations) {
      const unit = input.unitTexts.get(citation.id);
      lines.push(`  - ${citation.id}: ${unit ? cell(unit.text) : '(no such unit)'}`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
