import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServiceTarget } from '../../eval/evaluation-target.js';
import { HarnessError } from '../../eval/harness-error.js';
import { loadThresholdFile } from '../../eval/quality-gates.js';
import { runEvaluation, type EvaluationOptions } from '../../eval/run-evaluation.js';
import { correctAnswerFor, fixtureCorpus, ids, lastQuestion, scriptedService, writeGoldenFile } from './eval-fixtures.js';

const corpus = fixtureCorpus();
const correctTarget = () => createServiceTarget(scriptedService((request) => correctAnswerFor(lastQuestion(request), corpus)), corpus, { embedder: 'fake' });

/** The deliberate regression: the same answers with their citations pointed at the wrong paragraph. */
const corruptedTarget = () =>
  createServiceTarget(
    scriptedService((request) => {
      const answer = correctAnswerFor(lastQuestion(request), corpus);
      return { ...answer, citations: answer.citations.map((citation) => ({ ...citation, id: ids.pp1 })) };
    }),
    corpus,
  );

async function run(target: Parameters<typeof runEvaluation>[0], extra: Partial<EvaluationOptions> = {}) {
  const golden = extra.goldenPath ? { path: extra.goldenPath, directory: extra.outDir ?? '' } : await writeGoldenFile();
  const lines: string[] = [];
  const outDir = extra.outDir ?? join(golden.directory, 'out');
  const result = await runEvaluation(target, {
    goldenPath: golden.path,
    outDir,
    log: (line) => lines.push(line),
    logError: (line) => lines.push(`ERROR ${line}`),
    ...extra,
  });
  return { ...result, lines, outDir };
}

describe('runEvaluation', () => {
  it('should score a correct service as all passed and write the four outputs', async () => {
    const { exitCode, summary, lines, outDir } = await run(correctTarget());
    expect(exitCode).toBe(0);
    expect(lines.join('\n').split('\n').at(-1)).toBe('4 passed, 0 failed');
    expect(summary).toMatchObject({
      items: 4,
      retrieval: { recallAt1: 1, recallAt5: 1, recallAt10: 1, mrrAt10: 1, ndcgAt10: 1 },
      citations: { precision: 1, recall: 1, validity: 1 },
      keyFacts: { recall: 1 },
      abstention: { recall: 1, falseRate: 0 },
      crag: { score: 1 },
      manifest: { mode: 'in-process', answerers: ['extractive'], models: { embedder: 'fake' } },
    });
    expect(Object.keys(summary?.byType ?? {})).toEqual(['fact', 'footnote', 'unanswerable']);
    expect(summary?.manifest.goldenSet.sha256).toMatch(/^[0-9a-f]{64}$/);
    const written = JSON.parse(await readFile(join(outDir, 'summary.json'), 'utf8'));
    expect(written.citations.precision).toBe(1);
    const results = (await readFile(join(outDir, 'results.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(results.map((result) => [result.id, result.pass, result.retrieved[0]])).toEqual([
      ['detention', true, ids.op1],
      ['remittances', true, ids.op2],
      ['treaty', true, ids.fn1],
      ['votes', true, ids.pp1],
    ]);
    expect(await readFile(join(outDir, 'report.md'), 'utf8')).toContain('**4 passed, 0 failed**');
  });

  it('should fail CI on a deliberate regression: exit 1, regressions listed, thresholds missed', async () => {
    const golden = await writeGoldenFile();
    const before = await run(correctTarget(), { goldenPath: golden.path, outDir: join(golden.directory, 'before') });
    expect(before.exitCode).toBe(0);
    const thresholds = await loadThresholdFile('eval/ci-thresholds.json');
    const after = await run(corruptedTarget(), {
      goldenPath: golden.path,
      outDir: join(golden.directory, 'after'),
      thresholds,
      baselinePath: join(golden.directory, 'before', 'results.jsonl'),
    });
    expect(after.exitCode).toBe(1);
    expect(after.regressions.map((regression) => regression.name)).toEqual(['detention', 'remittances', 'treaty']);
    expect(after.lines).toContain('REGRESSION detention: pass → fail (wrong citation)');
    // PP1 was retrieved, so the corrupted citations are still valid: precision and recall catch it.
    expect(after.thresholdFailures.map((failure) => failure.threshold.metric)).toEqual(['citations.precision', 'citations.recall']);
    expect(after.lines.join('\n').split('\n').at(-1)).toBe('1 passed, 3 failed');
    // The cited paragraph's text is shown, escaped.
    const html = await readFile(join(golden.directory, 'after', 'report.html'), 'utf8');
    expect(html).toContain('Recalling that &lt;script&gt;alert(1)&lt;/script&gt; is not an instruction');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('Expected paragraphs not cited');
  });

  it('should pass the same gates on the unchanged service', async () => {
    const thresholds = await loadThresholdFile('eval/ci-thresholds.json');
    expect((await run(correctTarget(), { thresholds })).exitCode).toBe(0);
  });

  it('should give the same metrics on a rerun', async () => {
    const first = await run(correctTarget());
    const second = await run(correctTarget());
    const strip = (results: typeof first.results) => results.map(({ latencyMs: _latency, ...rest }) => rest);
    expect(strip(second.results)).toEqual(strip(first.results));
  });

  it('should exit 2 on a bad golden line, naming file and line', async () => {
    const golden = await writeGoldenFile([{ id: 'x', question: 'q', expected_citations: [], key_facts: [] }]);
    await writeFile(golden.path, '{"id":"x","question":"q","expected_citations":[],"key_facts":[]}\n{"id":"y"}\n');
    const result = await run(correctTarget(), { goldenPath: golden.path, outDir: join(golden.directory, 'out') });
    expect(result.exitCode).toBe(2);
    expect(result.lines.join('\n')).toContain(`${golden.path}:2: question:`);
  });

  it('should exit 2 when the target cannot be reached or a metric is unknown', async () => {
    const unreachable = await run(async () => {
      throw new HarnessError('server http://127.0.0.1:9 unreachable (ECONNREFUSED)');
    });
    expect(unreachable.exitCode).toBe(2);
    expect(unreachable.lines).toEqual(['ERROR server http://127.0.0.1:9 unreachable (ECONNREFUSED)']);
    const unknownMetric = await run(correctTarget(), { thresholds: [{ metric: 'citations.precisoin', value: 1, bound: 'min' }] });
    expect(unknownMetric.exitCode).toBe(2);
  });

  it('should record a failing answer call as an item error, not a crash', async () => {
    const flaky = createServiceTarget(
      scriptedService((request) => {
        if (lastQuestion(request) === 'Which volume?') throw new Error('index offline');
        return correctAnswerFor(lastQuestion(request), corpus);
      }),
      corpus,
    );
    const result = await run(flaky);
    expect(result.exitCode).toBe(0);
    expect(result.results.find((item) => item.id === 'treaty')).toMatchObject({ pass: false, failure: 'answer error', error: 'index offline' });
  });

  it('should add judge scores to results and summary when a judge is given', async () => {
    const seen: string[] = [];
    const judge = {
      name: 'stand-in-judge',
      judge: async (input: { question: string; passages: Array<{ id: string }> }) => {
        seen.push(`${input.question} ${input.passages.map((passage) => passage.id).join(',')}`);
        return { faithfulness: 1, correctness: input.passages.length > 0 ? 1 : 0.5, reason: 'ok', cached: false };
      },
    };
    const result = await run(correctTarget(), { judge });
    expect(seen).toContain(`Can people be detained? ${ids.op1}`);
    expect(result.summary?.judge).toEqual({ faithfulness: 1, correctness: 0.875 });
    expect(result.summary?.manifest.judge).toBe('stand-in-judge');
    expect(result.results[0]?.judge).toMatchObject({ faithfulness: 1, correctness: 1 });
  });
});
