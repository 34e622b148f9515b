import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCorpusStore } from '../../src/corpus/corpus-store.js';
import { parseResolution } from '../../src/corpus/parse-resolution.js';
import { isAnswerable, loadGoldenSet } from '../../eval/golden-item.js';
import { normalizeForMatch } from '../../eval/key-fact-match.js';

// The held-out set is written independently of the answer chain; these checks keep the set itself honest
// (ids that exist, key facts that the cited text really says), never the system's score on it.
const holdoutPath = 'eval/holdout.jsonl';
const items = await loadGoldenSet(holdoutPath);
const corpusFiles = ['corpus/A_RES_76_172.txt', 'corpus/A_RES_74_148.txt'];
const corpus = createCorpusStore(corpusFiles.map((file) => parseResolution(readFileSync(file, 'utf8'), { sourceFile: file })));
const publicIds = new Set(
  readFileSync('eval/golden.jsonl', 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { id: string }).id),
);

function unitTexts(id: string): string[] {
  const unit = corpus.getUnit(id);
  if (!unit) return [];
  return [unit.text, unit.leadIn ?? '', ...unit.footnotes.map((footnote) => corpus.getUnit(footnote)?.text ?? '')].map(normalizeForMatch);
}

describe('the held-out golden set', () => {
  it('should have 50 items, at least 10 of them unanswerable', () => {
    expect(items).toHaveLength(50);
    expect(items.filter((item) => !isAnswerable(item)).length).toBeGreaterThanOrEqual(10);
  });

  it('should not reuse an item id of the public set', () => {
    expect(items.map((item) => item.id).filter((id) => publicIds.has(id))).toEqual([]);
  });

  it('should cover facts, look-ups, lists, comparisons, footnotes, metadata, follow-ups and typos', () => {
    const countOf = (type: string) => items.filter((item) => item.type === type).length;
    expect(countOf('fact')).toBeGreaterThanOrEqual(15);
    for (const type of ['lookup', 'list', 'comparison']) expect(countOf(type), type).toBeGreaterThanOrEqual(4);
    for (const type of ['footnote', 'metadata']) expect(countOf(type), type).toBeGreaterThanOrEqual(3);
    for (const type of ['follow-up', 'typo']) expect(countOf(type), type).toBeGreaterThanOrEqual(2);
    expect(items.filter((item) => item.type === 'follow-up').every((item) => (item.history ?? []).length > 0)).toBe(true);
  });

  it('should draw its answerable items from both resolutions, preamble and operative paragraphs', () => {
    const expected = items.flatMap((item) => item.expected_citations);
    expect(expected.some((id) => id.startsWith('A/RES/76/172:PP'))).toBe(true);
    expect(expected.some((id) => id.startsWith('A/RES/76/172:OP'))).toBe(true);
    expect(expected.some((id) => id.startsWith('A/RES/74/148:PP'))).toBe(true);
    expect(expected.some((id) => id.startsWith('A/RES/74/148:OP'))).toBe(true);
  });

  it('should cite both versions in every comparison', () => {
    const comparisons = items.filter((item) => item.type === 'comparison');
    const oneSided = comparisons.filter((item) => {
      const symbols = new Set(item.expected_citations.map((id) => id.split(':')[0]));
      return !(symbols.has('A/RES/76/172') && symbols.has('A/RES/74/148'));
    });
    expect(oneSided.map((item) => item.id)).toEqual([]);
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
      const texts = item.expected_citations.flatMap(unitTexts);
      for (const fact of item.key_facts) {
        if (!texts.some((text) => text.includes(normalizeForMatch(fact)))) missing.push(`${item.id}: "${fact}"`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('should have key facts for every answerable item', () => {
    expect(items.filter((item) => isAnswerable(item) && item.key_facts.length === 0).map((item) => item.id)).toEqual([]);
  });

  it('should only accept a 2019 stand-in for a 2021 paragraph when it carries the same key facts', () => {
    // A yearless question means the latest resolution; its 2019 twin is acceptable only where it says the same.
    const weakTwins: string[] = [];
    for (const item of items) {
      if (item.expected_citations.some((id) => id.startsWith('A/RES/74/148:'))) continue;
      for (const id of (item.acceptable_citations ?? []).filter((acceptable) => acceptable.startsWith('A/RES/74/148:'))) {
        const texts = unitTexts(id);
        const absent = item.key_facts.filter((fact) => !texts.some((text) => text.includes(normalizeForMatch(fact))));
        if (absent.length > 0) weakTwins.push(`${item.id}: ${id} lacks ${absent.join(', ')}`);
      }
    }
    expect(weakTwins).toEqual([]);
  });
});
