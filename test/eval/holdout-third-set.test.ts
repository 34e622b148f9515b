import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCorpusStore } from '../../src/corpus/corpus-store.js';
import { parseResolutionFile } from '../../src/corpus/parse-resolution-file.js';
import { isAnswerable, loadGoldenSet, parseGoldenSet, type GoldenItem } from '../../eval/golden-item.js';
import { copiedQuestions, unknownUnits, unsupportedFacts } from './held-out-set-checks.js';

// The third held-out set is the final, untouched measurement of the answer chain. These checks keep the
// set itself honest (units that exist, key facts the expected text really says, questions in the asker's
// own words), never the system's score on it.
const setPath = 'eval/holdout-3.jsonl';
const otherSetPaths = ['eval/golden.jsonl', 'eval/holdout.jsonl', 'eval/holdout-2.jsonl'];
const corpusFiles = ['corpus/A_RES_76_172.txt', 'corpus/A_RES_74_148.txt'];

const items = await loadGoldenSet(setPath);
const corpus = createCorpusStore(await Promise.all(corpusFiles.map((file) => parseResolutionFile(file))));

/** Ids only: the other sets are read for clashes, never for their questions. */
function itemIdsOf(path: string): string[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { id: string }).id);
}


describe('the third held-out golden set', () => {
  it('should have 40 items prefixed h3-, at least 8 of them unanswerable', () => {
    expect(items).toHaveLength(40);
    expect(items.filter((item) => !item.id.startsWith('h3-')).map((item) => item.id)).toEqual([]);
    expect(items.filter((item) => !isAnswerable(item)).length).toBeGreaterThanOrEqual(8);
  });

  it('should not reuse an item id of any other golden set', () => {
    const otherIds = new Set(otherSetPaths.flatMap(itemIdsOf));
    expect(otherIds.size).toBeGreaterThan(0);
    expect(items.map((item) => item.id).filter((id) => otherIds.has(id))).toEqual([]);
  });

  it('should cover facts, look-ups, lists, comparisons, footnotes, metadata, follow-ups and a typo', () => {
    const countOf = (type: string) => items.filter((item) => item.type === type).length;
    expect(countOf('fact')).toBeGreaterThanOrEqual(15);
    for (const type of ['lookup', 'list', 'comparison']) expect(countOf(type), type).toBeGreaterThanOrEqual(3);
    for (const type of ['footnote', 'metadata', 'follow-up']) expect(countOf(type), type).toBeGreaterThanOrEqual(2);
    expect(countOf('typo')).toBeGreaterThanOrEqual(1);
    expect(countOf('unanswerable')).toBe(items.filter((item) => !isAnswerable(item)).length);
    expect(items.filter((item) => item.type === 'follow-up' && (item.history ?? []).length === 0)).toEqual([]);
  });

  it('should draw its answerable items from both resolutions, preamble and operative paragraphs', () => {
    const expected = items.flatMap((item) => item.expected_citations);
    for (const prefix of ['A/RES/76/172:PP', 'A/RES/76/172:OP', 'A/RES/74/148:PP', 'A/RES/74/148:OP']) {
      expect(expected.some((id) => id.startsWith(prefix)), prefix).toBe(true);
    }
    const factUnits = new Set(items.filter((item) => item.type === 'fact').flatMap((item) => item.expected_citations));
    expect(factUnits.size).toBeGreaterThanOrEqual(15);
  });

  it('should expect both versions in every comparison and every paragraph of a list', () => {
    const oneSided = items
      .filter((item) => item.type === 'comparison')
      .filter((item) => new Set(item.expected_citations.map((id) => id.split(':')[0])).size < 2);
    expect(oneSided.map((item) => item.id)).toEqual([]);
    const shortLists = items.filter((item) => item.type === 'list' && item.expected_citations.length < 3);
    expect(shortLists.map((item) => item.id)).toEqual([]);
  });

  it('should only name units that exist in the parsed corpus', () => {
    expect(unknownUnits(corpus, items)).toEqual([]);
  });

  it('should find every key fact in the text, lead-in or footnotes of one of the expected units', () => {
    expect(unsupportedFacts(corpus, items)).toEqual([]);
  });

  it('should ask in the staff member\'s own words, not copy five running words from a paragraph', () => {
    expect(copiedQuestions(corpus, items)).toEqual([]);
  });

  it('should report a unit that does not exist, a fact the text does not say and a copied question', () => {
    const broken = parseGoldenSet(
      [
        JSON.stringify({
          id: 'h3-broken-01',
          question: 'Calls upon all States to respect the human rights and inherent dignity of migrants?',
          expected_citations: ['A/RES/76/172:OP5(z)'],
          key_facts: ['alternatives to detention'],
        }),
        JSON.stringify({
          id: 'h3-broken-02',
          question: 'Can migrants be held while their papers are checked?',
          expected_citations: ['A/RES/76/172:OP5(b)'],
          key_facts: ['alternatives to detention'],
        }),
      ].join('\n'),
      'broken.jsonl',
    );
    expect(unknownUnits(corpus, broken)).toEqual(['h3-broken-01: A/RES/76/172:OP5(z)']);
    expect(unsupportedFacts(corpus, broken)).toEqual([
      'h3-broken-01: "alternatives to detention"',
      'h3-broken-02: "alternatives to detention"',
    ]);
    expect(copiedQuestions(corpus, broken)).toEqual(['h3-broken-01: "calls upon all states to"']);
  });
});
