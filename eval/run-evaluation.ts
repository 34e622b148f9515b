import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChatMessage } from '../src/answer/answer-types.js';
import type { AnswerJudge } from './answer-judge.js';
import { renderConsoleTable } from './console-table.js';
import { evaluateItem, type ItemOutcome } from './evaluate-item.js';
import type { EvaluationTarget, UnitView } from './evaluation-target.js';
import { GoldenSetError, parseGoldenSet, type GoldenItem } from './golden-item.js';
import { HarnessError } from './harness-error.js';
import { collectUnitTexts, renderHtmlReport } from './html-report.js';
import type { ItemResult } from './item-result.js';
import { renderMarkdownReport } from './markdown-report.js';
import { checkThresholds, findRegressions, loadBaseline, type Regression, type Threshold, type ThresholdFailure } from './quality-gates.js';
import { currentGitSha, hashCorpusDirectory, sha256 } from './run-manifest.js';
import { summarizeByType, summarizeMetrics, type EvaluationSummary } from './summarize-results.js';

export interface EvaluationOptions {
  goldenPath: string;
  outDir: string;
  /** Retrieval depth for recallAtK and the "retrieval miss" label. */
  k?: number;
  thresholds?: readonly Threshold[];
  baselinePath?: string;
  judge?: AnswerJudge;
  /** Hashed into the manifest. */
  corpusDirectory?: string;
  log?: (line: string) => void;
  /** Where harness errors go; stderr by default. */
  logError?: (line: string) => void;
  clock?: () => number;
}

export type ExitCode = 0 | 1 | 2;

export interface EvaluationRun {
  /** 0 pass, 1 quality below a threshold or a regression against the baseline, 2 harness error. */
  exitCode: ExitCode;
  summary?: EvaluationSummary;
  results: ItemResult[];
  thresholdFailures: ThresholdFailure[];
  regressions: Regression[];
  error?: string;
}

function messagesOf(item: GoldenItem): ChatMessage[] {
  return [...(item.history ?? []).map((turn) => ({ role: turn.role, content: turn.content })), { role: 'user', content: item.question }];
}

/**
 * Runs every golden item through the target, scores it, writes summary.json, results.jsonl,
 * report.html and report.md into outDir, prints the console table and applies the gates. Never
 * throws: a harness problem becomes exit code 2 with its message.
 */
export async function runEvaluation(
  createTarget: EvaluationTarget | (() => Promise<EvaluationTarget>),
  options: EvaluationOptions,
): Promise<EvaluationRun> {
  const log = options.log ?? ((line: string) => console.log(line));
  const clock = options.clock ?? (() => performance.now());
  const k = options.k ?? 10;
  let target: EvaluationTarget | undefined;
  try {
    if (!Number.isInteger(k) || k < 1) throw new HarnessError(`--k must be a positive integer (got ${k})`);
    const goldenText = await readFile(options.goldenPath, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new HarnessError(`${options.goldenPath}: cannot read golden set (${error.code ?? error.message})`);
    });
    const items = parseGoldenSet(goldenText, options.goldenPath);
    const baseline = options.baselinePath ? await loadBaseline(options.baselinePath) : undefined;
    const startedAt = new Date().toISOString();
    target = typeof createTarget === 'function' ? await createTarget() : createTarget;
    const activeTarget = target;

    const units = new Map<string, UnitView | null>();
    const lookUp = async (id: string) => {
      if (!units.has(id)) units.set(id, (await activeTarget.getUnit(id)) ?? null);
      return units.get(id) ?? null;
    };

    const results: ItemResult[] = [];
    for (const item of items) {
      const started = clock();
      const outcome: ItemOutcome = { latencyMs: 0 };
      try {
        outcome.answer = await activeTarget.answer(messagesOf(item));
      } catch (error) {
        if (error instanceof HarnessError) throw error;
        outcome.error = (error as Error).message || String(error);
      }
      outcome.latencyMs = Math.round((clock() - started) * 10) / 10;
      for (const citation of outcome.answer?.citations ?? []) await lookUp(citation.id);
      const result = evaluateItem(item, outcome, { k, unitExists: (id) => (units.get(id) ?? null) !== null });
      if (options.judge && outcome.answer) {
        const passages = await Promise.all(result.citations.map(async (citation) => ({ id: citation.id, text: (await lookUp(citation.id))?.text ?? '' })));
        const verdict = await options.judge.judge({
          question: item.question,
          answer: result.answer,
          passages,
          keyFacts: item.key_facts,
          ...(item.answer !== undefined ? { reference: item.answer } : {}),
        });
        result.judge = verdict;
      }
      results.push(result);
    }

    const gitSha = await currentGitSha();
    const summary: EvaluationSummary = {
      ...summarizeMetrics(results, k),
      byType: summarizeByType(results, k),
      manifest: {
        startedAt,
        finishedAt: new Date().toISOString(),
        gitSha,
        goldenSet: { path: options.goldenPath, sha256: sha256(goldenText), items: items.length },
        corpus: await hashCorpusDirectory(options.corpusDirectory ?? 'corpus'),
        mode: activeTarget.mode,
        url: activeTarget.url,
        answerers: [...new Set(results.map((result) => result.answerer).filter((name): name is string => name !== null))].sort(),
        models: activeTarget.models,
        k,
        judge: options.judge?.name ?? null,
        node: process.version,
      },
    };
    const thresholdFailures = checkThresholds(summary, options.thresholds ?? []);
    const regressions = baseline ? findRegressions(baseline, results, summary) : [];

    const unitTexts = await collectUnitTexts(results, { getUnit: async (id) => (await lookUp(id)) ?? undefined });
    const reportInput = { summary, results, unitTexts, thresholdFailures, regressions };
    await mkdir(options.outDir, { recursive: true });
    await writeFile(join(options.outDir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
    await writeFile(join(options.outDir, 'results.jsonl'), results.map((result) => JSON.stringify(result)).join('\n') + '\n');
    await writeFile(join(options.outDir, 'report.html'), renderHtmlReport(reportInput));
    await writeFile(join(options.outDir, 'report.md'), renderMarkdownReport(reportInput));

    for (const failure of thresholdFailures) {
      log(`GATE FAILED ${failure.threshold.metric} = ${failure.actual ?? 'null'} (${failure.threshold.bound} ${failure.threshold.value})`);
    }
    for (const regression of regressions) log(`REGRESSION ${regression.name}: ${regression.detail}`);
    log(`Wrote ${join(options.outDir, 'summary.json')}, results.jsonl, report.html, report.md`);
    log(renderConsoleTable(summary, results));
    const exitCode: ExitCode = thresholdFailures.length > 0 || regressions.length > 0 ? 1 : 0;
    return { exitCode, summary, results, thresholdFailures, regressions };
  } catch (error) {
    const known = error instanceof HarnessError || error instanceof GoldenSetError;
    const message = known ? (error as Error).message : `harness error: ${(error as Error).stack ?? String(error)}`;
    (options.logError ?? ((line: string) => console.error(line)))(message);
    return { exitCode: 2, results: [], thresholdFailures: [], regressions: [], error: message };
  } finally {
    await target?.close?.();
  }
}
