import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HarnessError } from '../../eval/harness-error.js';
import { checkThresholds, findRegressions, loadBaseline, loadThresholdFile, parseThreshold } from '../../eval/quality-gates.js';
import type { ItemResult } from '../../eval/item-result.js';

const summary = { citations: { precision: 0.8, recall: 0.95 }, abstention: { falseRate: 0.1, recall: null } };

describe('quality gates', () => {
  it('should parse metric=value and reject anything else', () => {
    expect(parseThreshold('citations.precision=0.9', 'min')).toEqual({ metric: 'citations.precision', value: 0.9, bound: 'min' });
    expect(() => parseThreshold('citations.precision>0.9', 'min')).toThrow(HarnessError);
  });

  it('should report minimums and maximums that are missed, and a null metric as missed', () => {
    const failures = checkThresholds(summary, [
      { metric: 'citations.precision', value: 0.9, bound: 'min' },
      { metric: 'citations.recall', value: 0.85, bound: 'min' },
      { metric: 'abstention.falseRate', value: 0.05, bound: 'max' },
      { metric: 'abstention.recall', value: 0.9, bound: 'min' },
    ]);
    expect(failures.map((failure) => [failure.threshold.metric, failure.actual])).toEqual([
      ['citations.precision', 0.8],
      ['abstention.falseRate', 0.1],
      ['abstention.recall', null],
    ]);
  });

  it('should treat an unknown metric as a harness error', () => {
    expect(() => checkThresholds(summary, [{ metric: 'citations.precisoin', value: 1, bound: 'min' }])).toThrow(/unknown metric/);
  });

  it('should load the CI thresholds file', async () => {
    const thresholds = await loadThresholdFile('eval/ci-thresholds.json');
    expect(thresholds).toContainEqual({ metric: 'retrieval.recallAt5', value: 0.95, bound: 'min' });
    expect(thresholds).toContainEqual({ metric: 'abstention.falseRate', value: 0.05, bound: 'max' });
  });

  it('should list items that went from pass to fail, and metrics that got worse', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'verbatim-baseline-'));
    await writeFile(join(directory, 'results.jsonl'), ['{"id":"a","pass":true}', '{"id":"b","pass":false}', '{"id":"c","pass":true}'].join('\n'));
    await writeFile(join(directory, 'summary.json'), JSON.stringify({ citations: { precision: 0.9 }, abstention: { falseRate: 0.02 } }));
    const now = [
      { id: 'a', pass: false, failure: 'wrong citation' },
      { id: 'b', pass: false, failure: 'missing fact' },
      { id: 'c', pass: true, failure: null },
    ] as ItemResult[];
    const fromResults = findRegressions(await loadBaseline(join(directory, 'results.jsonl')), now, summary);
    expect(fromResults).toEqual([{ kind: 'item', name: 'a', detail: 'pass → fail (wrong citation)' }]);
    const fromSummary = findRegressions(await loadBaseline(join(directory, 'summary.json')), now, summary);
    expect(fromSummary.map((regression) => regression.name)).toEqual(['a', 'citations.precision', 'abstention.falseRate']);
  });
});
