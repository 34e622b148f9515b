import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createInProcessTarget } from '../../eval/in-process-target.js';
import { loadThresholdFile } from '../../eval/quality-gates.js';
import { runEvaluation } from '../../eval/run-evaluation.js';

/**
 * The CI gate: the public golden set through the real chain (real encoder, index ingested into a
 * temporary directory, default extractive answerer) against eval/ci-thresholds.json. Slower than the
 * other tests by design (it ingests the corpus and answers every item): about half a minute.
 */
describe('the public golden set through the real chain', () => {
  it('should meet the CI thresholds', { timeout: 240_000 }, async () => {
    const directory = await mkdtemp(join(tmpdir(), 'verbatim-ci-eval-'));
    const config = loadConfig({ CORPUS_DIR: 'corpus', INDEX_DIR: join(directory, 'index'), DATA_DIR: directory, LOG_LEVEL: 'silent' });
    const lines: string[] = [];
    const run = await runEvaluation(() => createInProcessTarget(config), {
      goldenPath: 'eval/golden.jsonl',
      outDir: join(directory, 'out'),
      thresholds: await loadThresholdFile('eval/ci-thresholds.json'),
      corpusDirectory: 'corpus',
      log: (line) => lines.push(line),
      logError: (line) => lines.push(line),
    });
    expect(run.error).toBeUndefined();
    // On failure the message lists the missed gates and the report folder to open.
    expect(
      run.thresholdFailures.map((failure) => `${failure.threshold.metric}=${failure.actual} (${failure.threshold.bound} ${failure.threshold.value}); see ${join(directory, 'out', 'report.html')}`),
    ).toEqual([]);
    expect(run.exitCode).toBe(0);
  });
});
