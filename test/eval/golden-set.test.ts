import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCorpusStore } from '../../src/corpus/corpus-store.js';
import { parseResolution } from '../../src/corpus/parse-resolution.js';
import { isAnswerable, parseGoldenSet } from '../../eval/golden-item.js';
import { normalizeForMatch } from '../../eval/key-fact-match.js';

const goldenPath = 'eval/golden.jsonl';
const items = parseGoldenSet(readFileSync(goldenPath, 'utf8'), goldenPath);
const corpusFiles = ['corpus/A_RES_76_172.txt', 'corpus/A_RES_74_148.txt'];
const corpus = createCorpusStore(corpusFiles.map((file) => parseResolution(readFileSync(file, 'utf8'), { sourceFile: file })));

describe('the public golden set', () => {
  it('should have at least 90 items, at least 15% of them unanswerable', () => {
    expect(items.length).toBeGreaterThanOrEqual(90);
    const unanswerable = items.filter((item) => !isAnswerable(item)).length;
    expect(unanswerable / items.length).toBeGreaterThanOrEqual(0.15);
  });

  it('should cover every required kind of question', () => {
    const types = new Set(items.map((item) => item.type));
    for (const type of ['fact', 'paraphrase', 'typo', 'lookup', 'list', 'comparison', 'footnote', 'metadata', 'follow-up', 'injection', 'unanswerable']) {
      expect(types, type).toContain(type);
    }
    expect(items.filter((item) => item.type === 'injection' && isAnswerable(item)).length).toBeGreaterThan(0);
    expect(items.filter((item) => item.type === 'injection' && !isAnswerable(item)).length).toBeGreaterThan(0);
    expect(items.filter((item) => (item.history ?? []).length > 0).length).toBeGreaterThanOrEqual(5);
  });

  it('should cite both versions in the comparisons that contrast two texts', () => {
    const bothVersions = items.filter((item) => {
      const symbols = new Set(item.expected_citations.map((id) => id.split(':')[0]));
      return item.type === 'comparison' && symbols.has('A/RES/76/172') && symbols.has('A/RES/74/148');
    });
    expect(bothVersions.length).toBeGreaterThanOrEqual(8);
  });

  it('should only name units that exist in the parsed corpus', () => {
    const missing = items.flatMap((item) =>
      [...item.expected_citations, ...(item.acceptable_citations ?? [])].filter((id) => !corpus.getUnit(id)).map((id) => `${item.id}: ${id}`),
    );
    expect(missing).toEqual([]);
  });

  it('should find every key fact in the text of one of the expected units (with lead-in and footnotes)', () => {
    const missing: string[] = [];
    for (const item of items) {
      const texts = item.expected_citations.flatMap((id) => {
        const unit = corpus.getUnit(id);
        if (!unit) return [];
        return [unit.text, unit.leadIn ?? '', ...unit.footnotes.map((footnote) => corpus.getUnit(footnote)?.text ?? '')].map(normalizeForMatch);
      });
      for (const fact of item.key_facts) {
        if (!texts.some((text) => text.includes(normalizeForMatch(fact)))) missing.push(`${item.id}: "${fact}"`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('should have key facts for every answerable item', () => {
    expect(items.filter((item) => isAnswerable(item) && item.key_facts.length === 0).map((item) => item.id)).toEqual([]);
  });
});
