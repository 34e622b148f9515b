import type { EvaluationTarget, UnitView } from './evaluation-target.js';
import type { ItemResult } from './item-result.js';
import type { Regression, ThresholdFailure } from './quality-gates.js';
import type { EvaluationSummary, MetricSummary } from './summarize-results.js';

export type UnitTexts = ReadonlyMap<string, UnitView | null>;

/** Every unit the report shows (cited, expected, acceptable), looked up once. */
export async function collectUnitTexts(results: readonly ItemResult[], target: Pick<EvaluationTarget, 'getUnit'>): Promise<Map<string, UnitView | null>> {
  const ids = new Set<string>();
  for (const result of results) {
    for (const citation of result.citations) ids.add(citation.id);
    for (const id of [...result.expectedCitations, ...result.acceptableCitations]) ids.add(id);
  }
  const texts = new Map<string, UnitView | null>();
  for (const id of [...ids].sort()) texts.set(id, (await target.getUnit(id)) ?? null);
  return texts;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const formatMetric = (value: number | null | undefined): string => (value === null || value === undefined ? '–' : String(Math.round(value * 1000) / 1000));

/** The metric rows shared by the overall and per-type tables, in display order. */
export const summaryColumns: Array<[string, (summary: MetricSummary) => number | null]> = [
  ['recall@1', (summary) => summary.retrieval.recallAt1],
  ['recall@5', (summary) => summary.retrieval.recallAt5],
  ['recall@10', (summary) => summary.retrieval.recallAt10],
  ['MRR@10', (summary) => summary.retrieval.mrrAt10],
  ['nDCG@10', (summary) => summary.retrieval.ndcgAt10],
  ['cit. precision', (summary) => summary.citations.precision],
  ['cit. recall', (summary) => summary.citations.recall],
  ['cit. validity', (summary) => summary.citations.validity],
  ['key facts', (summary) => summary.keyFacts.recall],
  ['abstention recall', (summary) => summary.abstention.recall],
  ['false abstention', (summary) => summary.abstention.falseRate],
  ['CRAG', (summary) => summary.crag.score],
  ['p50 ms', (summary) => summary.latency.p50Ms],
  ['p95 ms', (summary) => summary.latency.p95Ms],
];

function unitBlock(id: string, texts: UnitTexts, marks: string): string {
  const unit = texts.get(id);
  if (!unit) return `<div class="unit missing"><div class="unit-id">${escapeHtml(id)} ${marks}</div><p>No such unit in the corpus.</p></div>`;
  const leadIn = unit.leadIn ? `<p class="lead-in">${escapeHtml(unit.leadIn)}</p>` : '';
  const footnotes = unit.footnotes
    .map((footnote) => `<li><span class="unit-id">${escapeHtml(footnote.label)}</span> ${escapeHtml(footnote.text)}</li>`)
    .join('');
  return `<div class="unit"><div class="unit-id">${escapeHtml(unit.label)} <code>${escapeHtml(unit.id)}</code> ${marks}</div>${leadIn}<p>${escapeHtml(unit.text)}</p>${
    footnotes ? `<ul class="footnotes">${footnotes}</ul>` : ''
  }</div>`;
}

function itemSection(result: ItemResult, texts: UnitTexts): string {
  const cited = new Set(result.citations.map((citation) => citation.id));
  const expected = new Set(result.expectedCitations);
  const acceptable = new Set(result.acceptableCitations);
  const tag = (id: string) =>
    [
      expected.has(id) ? '<span class="tag ok">expected</span>' : acceptable.has(id) ? '<span class="tag ok">acceptable</span>' : '<span class="tag bad">not expected</span>',
      cited.has(id) ? '<span class="tag">cited</span>' : '<span class="tag bad">not cited</span>',
      result.invalidCitations.includes(id) ? '<span class="tag bad">invalid</span>' : '',
    ].join(' ');
  const history = result.history.map((turn) => `<p class="turn"><b>${escapeHtml(turn.role)}:</b> ${escapeHtml(turn.content)}</p>`).join('');
  const quotes = result.citations
    .map((citation) => `<li><code>${escapeHtml(citation.id)}</code> — “${escapeHtml(citation.quote)}”</li>`)
    .join('');
  const citedUnits = [...cited].map((id) => unitBlock(id, texts, tag(id))).join('');
  const uncitedExpected = [...expected].filter((id) => !cited.has(id)).map((id) => unitBlock(id, texts, tag(id))).join('');
  const retrieved = result.retrieved
    .map((id) => `<li class="${expected.has(id) || acceptable.has(id) ? 'hit' : ''}">${escapeHtml(id)}</li>`)
    .join('');
  const metrics = Object.entries(result.metrics)
    .map(([name, value]) => `<tr><th>${escapeHtml(name)}</th><td>${formatMetric(value)}</td></tr>`)
    .join('');
  const status = result.pass ? '<span class="tag ok">pass</span>' : `<span class="tag bad">${escapeHtml(result.failure ?? 'fail')}</span>`;
  return `<details class="item ${result.pass ? 'passed' : 'failed'}" id="${escapeHtml(result.id)}">
<summary>${status} <code>${escapeHtml(result.id)}</code> <span class="type">${escapeHtml(result.type)}</span> ${escapeHtml(result.question)}</summary>
<div class="body">
${history ? `<div class="history">${history}</div>` : ''}
<p><b>Question:</b> ${escapeHtml(result.question)}</p>
<p><b>Answer</b>${result.abstained ? ' (abstained)' : ''}${result.answerer ? ` [${escapeHtml(result.answerer)}]` : ''}:</p>
<blockquote>${escapeHtml(result.answer) || '<i>(empty)</i>'}</blockquote>
${result.error ? `<p class="bad"><b>Error:</b> ${escapeHtml(result.error)}</p>` : ''}
${result.missingFacts.length ? `<p class="bad"><b>Missing key facts:</b> ${result.missingFacts.map((fact) => `“${escapeHtml(fact)}”`).join(', ')}</p>` : ''}
<p><b>Expected:</b> ${result.expectedCitations.map(escapeHtml).join(', ') || '<i>none — should abstain</i>'}${
    result.acceptableCitations.length ? `; <b>acceptable:</b> ${result.acceptableCitations.map(escapeHtml).join(', ')}` : ''
  }</p>
${quotes ? `<p><b>Citations and quotes:</b></p><ul>${quotes}</ul>` : '<p><b>Citations:</b> none</p>'}
${citedUnits ? `<h4>Cited paragraphs</h4>${citedUnits}` : ''}
${uncitedExpected ? `<h4>Expected paragraphs not cited</h4>${uncitedExpected}` : ''}
<div class="columns"><div><h4>Retrieved (sources, in order)</h4><ol class="plain">${retrieved || '<li>none</li>'}</ol></div>
<div><h4>Metrics</h4><table>${metrics}<tr><th>latency ms</th><td>${formatMetric(result.latencyMs)}</td></tr></table></div></div>
</div></details>`;
}

function summaryTable(summary: EvaluationSummary): string {
  const header = `<tr><th>type</th><th>items</th><th>passed</th>${summaryColumns.map(([name]) => `<th>${escapeHtml(name)}</th>`).join('')}</tr>`;
  const row = (name: string, metrics: MetricSummary) =>
    `<tr><th>${escapeHtml(name)}</th><td>${metrics.items}</td><td>${metrics.passed}</td>${summaryColumns
      .map(([, pick]) => `<td>${formatMetric(pick(metrics))}</td>`)
      .join('')}</tr>`;
  return `<div class="table-wrap"><table class="summary">${header}${row('all', summary)}${Object.entries(summary.byType)
    .map(([type, metrics]) => row(type, metrics))
    .join('')}</table></div>`;
}

export interface ReportInput {
  summary: EvaluationSummary;
  results: readonly ItemResult[];
  unitTexts: UnitTexts;
  thresholdFailures: readonly ThresholdFailure[];
  regressions: readonly Regression[];
}

/** One self-contained page: styles and the filter script inline, every text escaped. */
export function renderHtmlReport(input: ReportInput): string {
  const { summary, results } = input;
  const gates = [
    ...input.thresholdFailures.map(
      (failure) => `<li>${escapeHtml(failure.threshold.metric)} = ${formatMetric(failure.actual)} (${failure.threshold.bound} ${failure.threshold.value})</li>`,
    ),
    ...input.regressions.map((regression) => `<li>regression: ${escapeHtml(regression.name)} ${escapeHtml(regression.detail)}</li>`),
  ].join('');
  const manifest = summary.manifest;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Verbatim evaluation — ${summary.passed} passed, ${summary.failed} failed</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:1.5rem;color:#1d1d1f;max-width:1200px}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #ccd;padding:.2rem .45rem;text-align:right}th{background:#f3f4f8;text-align:left}
.summary td{font-variant-numeric:tabular-nums}
details.item{border:1px solid #ccd;border-radius:6px;margin:.35rem 0;padding:.3rem .6rem}
details.failed{border-left:5px solid #c62828}details.passed{border-left:5px solid #2e7d32}
summary{cursor:pointer}.type{color:#555;font-size:12px;background:#eef;padding:0 .3rem;border-radius:3px}
.tag{font-size:11px;padding:0 .35rem;border-radius:3px;background:#e8e8ee}.tag.ok{background:#d7f0da;color:#1b5e20}.tag.bad{background:#fbdada;color:#8e0000}
.bad{color:#8e0000}.unit{border:1px solid #dde;background:#fafafe;padding:.4rem .6rem;margin:.4rem 0;border-radius:4px}
.unit.missing{background:#fff3f3}.unit-id{font-weight:600}.lead-in{color:#555;font-style:italic}.footnotes{font-size:12px;color:#444}
blockquote{margin:.3rem 0;padding:.4rem .7rem;background:#f6f6f9;border-left:3px solid #99a;white-space:pre-wrap}
.columns{display:flex;gap:2rem;flex-wrap:wrap}ol.plain li.hit{font-weight:600;color:#1b5e20}.history{color:#555}
body.only-failed details.passed{display:none}.table-wrap{overflow-x:auto}
</style></head><body>
<h1>Verbatim evaluation</h1>
<p><b>${summary.passed} passed, ${summary.failed} failed</b> of ${summary.items} items (${summary.answerable} answerable, ${summary.unanswerable} unanswerable).
Mode ${escapeHtml(manifest.mode)}${manifest.url ? ` (${escapeHtml(manifest.url)})` : ''}; answerer ${escapeHtml(manifest.answerers.join(', ') || 'unknown')};
golden set <code>${escapeHtml(manifest.goldenSet.path)}</code> sha256 <code>${escapeHtml(manifest.goldenSet.sha256.slice(0, 12))}</code>;
git <code>${escapeHtml(manifest.gitSha?.slice(0, 12) ?? 'unknown')}</code>; ${escapeHtml(manifest.finishedAt)}.</p>
${gates ? `<h2>Gates failed</h2><ul class="bad">${gates}</ul>` : ''}
<h2>Summary</h2>${summaryTable(summary)}
<h2>Items</h2>
<p><label><input type="checkbox" id="only-failed"> show failing items only</label></p>
${results.map((result) => itemSection(result, input.unitTexts)).join('\n')}
<script>
document.getElementById('only-failed').addEventListener('change', function (event) {
  document.body.classList.toggle('only-failed', event.target.checked);
});
</script>
</body></html>
`;
}
