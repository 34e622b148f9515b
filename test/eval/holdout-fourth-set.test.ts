import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCorpusStore } from '../../src/corpus/corpus-store.js';
import { parseResolutionFile } from '../../src/corpus/parse-resolution-file.js';
import { isAnswerable, loadGoldenSet, parseGoldenSet, type GoldenItem } from '../../eval/golden-item.js';
import { copiedQuestions, unknownUnits, unsupportedFacts, wordsOf } from './held-out-set-checks.js';

// The fourth held-out set was written without access to the answer chain and stays untouched until the
// lead measures it once. These checks keep the set itself honest (units that exist, key facts the expected
// text really says, questions in the asker's own words), never the system's score on it.
const setPath = 'eval/holdout-4.jsonl';
const otherSetPaths = ['eval/golden.jsonl', 'eval/holdout.jsonl', 'eval/holdout-2.jsonl', 'eval/holdout-3.jsonl'];
const corpusFiles = ['corpus/A_RES_76_172.txt', 'corpus/A_RES_74_148.txt'];

const items = await loadGoldenSet(setPath);
const corpus = createCorpusStore(await Promise.all(corpusFiles.map((file) => parseResolutionFile(file))));

interface OtherItem {
  id: string;
  question: string;
}

/** Ids and questions are compared by machine only: the set's author never read the other sets' questions. */
function otherItemsOf(path: string): OtherItem[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as OtherItem);
}


function sharedQuestions(set: readonly GoldenItem[], others: readonly OtherItem[]): string[] {
  const otherQuestions = new Set(others.map((other) => wordsOf(other.question).join(' ')));
  return set.filter((item) => otherQuestions.has(wordsOf(item.question).join(' '))).map((item) => item.id);
}

describe('the fourth held-out golden set', () => {
  it('should have 40 items prefixed h4-, 15 to 20 per cent of them unanswerable', () => {
    expect(items).toHaveLength(40);
    expect(items.filter((item) => !item.id.startsWith('h4-')).map((item) => item.id)).toEqual([]);
    const unanswerable = items.filter((item) => !isAnswerable(item)).length;
    expect(unanswerable).toBeGreaterThanOrEqual(6);
    expect(unanswerable).toBeLessThanOrEqual(8);
  });

  it('should share neither an item id nor a question with any other golden set', () => {
    const others = otherSetPaths.flatMap(otherItemsOf);
    expect(others.length).toBeGreaterThan(0);
    const otherIds = new Set(others.map((other) => other.id));
    expect(items.map((item) => item.id).filter((id) => otherIds.has(id))).toEqual([]);
    expect(sharedQuestions(items, others)).toEqual([]);
  });

  it('should cover facts, look-ups, lists, comparisons, metadata and follow-ups', () => {
    const countOf = (type: string) => items.filter((item) => item.type === type).length;
    expect(countOf('fact')).toBeGreaterThanOrEqual(15);
    for (const type of ['lookup', 'list', 'comparison']) expect(countOf(type), type).toBeGreaterThanOrEqual(4);
    for (const type of ['metadata', 'follow-up']) expect(countOf(type), type).toBeGreaterThanOrEqual(2);
    expect(countOf('unanswerable')).toBe(items.filter((item) => !isAnswerable(item)).length);
    expect(items.filter((item) => item.type === 'follow-up' && (item.history ?? []).length === 0)).toEqual([]);
  });

  it('should draw its answerable items from both resolutions, preamble, operative paragraphs and footnotes', () => {
    const expected = items.flatMap((item) => item.expected_citations);
    for (const prefix of ['A/RES/76/172:PP', 'A/RES/76/172:OP', 'A/RES/74/148:PP', 'A/RES/74/148:OP', 'A/RES/74/148:FN']) {
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

  it('should leave unanswerable items without key facts or citations', () => {
    const unanswerable = items.filter((item) => item.type === 'unanswerable');
    expect(unanswerable.filter((item) => item.key_facts.length > 0 || (item.acceptable_citations ?? []).length > 0)).toEqual([]);
  });

  it('should ask in the staff member\'s own words, not copy five running words from a paragraph', () => {
    expect(copiedQuestions(corpus, items)).toEqual([]);
  });

  it('should report a unit that does not exist, a fact the text does not say, a copied and a reused question', () => {
    const broken = parseGoldenSet(
      [
        JSON.stringify({
          id: 'h4-broken-01',
          question: 'Reaffirms the commitments of the New York Declaration?',
          expected_citations: ['A/RES/76/172:OP14(a)'],
          key_facts: ['collective expulsion'],
        }),
        JSON.stringify({
          id: 'h4-broken-02',
          question: 'How cheap should it be to send money home?',
          expected_citations: ['A/RES/76/172:OP5(m)'],
          key_facts: ['less than 3 per cent'],
        }),
      ].join('\n'),
      'broken.jsonl',
    );
    expect(unknownUnits(corpus, broken)).toEqual(['h4-broken-01: A/RES/76/172:OP14(a)']);
    expect(unsupportedFacts(corpus, broken)).toEqual([
      'h4-broken-01: "collective expulsion"',
      'h4-broken-02: "less than 3 per cent"',
    ]);
    expect(copiedQuestions(corpus, broken)).toEqual(['h4-broken-01: "reaffirms the commitments of the"']);
    expect(sharedQuestions(broken, [{ id: 'other-01', question: 'how cheap should it be to send money home' }])).toEqual(['h4-broken-02']);
  });
});
