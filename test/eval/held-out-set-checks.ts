import type { CorpusStore } from '../../src/corpus/corpus-store.js';
import type { GoldenItem } from '../../eval/golden-item.js';
import { normalizeForMatch } from '../../eval/key-fact-match.js';

// Checks that keep a held-out set itself honest (units that exist, key facts the expected text really
// says, questions in the asker's own words) — never the system's score on it. Shared by the validity
// tests of the third and fourth held-out sets.

function unitTexts(store: CorpusStore, id: string): string[] {
  const unit = store.getUnit(id);
  if (!unit) return [];
  const footnotes = unit.footnotes.map((footnote) => store.getUnit(footnote)?.text ?? '');
  return [unit.text, unit.leadIn ?? '', ...footnotes].map(normalizeForMatch);
}

export function unknownUnits(store: CorpusStore, set: readonly GoldenItem[]): string[] {
  return set.flatMap((item) =>
    [...item.expected_citations, ...(item.acceptable_citations ?? [])]
      .filter((id) => !store.getUnit(id))
      .map((id) => `${item.id}: ${id}`),
  );
}

export function unsupportedFacts(store: CorpusStore, set: readonly GoldenItem[]): string[] {
  const problems: string[] = [];
  for (const item of set) {
    const texts = item.expected_citations.flatMap((id) => unitTexts(store, id));
    for (const fact of item.key_facts) {
      if (!texts.some((text) => text.includes(normalizeForMatch(fact)))) problems.push(`${item.id}: "${fact}"`);
    }
  }
  return problems;
}

export function wordsOf(text: string): string[] {
  return normalizeForMatch(text)
    .replace(/[^a-z0-9/ -]+/g, ' ')
    .split(' ')
    .filter((word) => word !== '');
}

function phrasesOf(text: string, length: number): Set<string> {
  const words = wordsOf(text);
  const phrases = new Set<string>();
  for (let start = 0; start + length <= words.length; start += 1) phrases.add(words.slice(start, start + length).join(' '));
  return phrases;
}

/** Five running words shared with a paragraph means the question was copied, not asked in plain words. */
const copiedPhraseLength = 5;

/** Items whose question copies a run of words from a paragraph of the corpus, with the run. */
export function copiedQuestions(corpus: CorpusStore, set: readonly GoldenItem[]): string[] {
  const corpusPhrases = new Set(corpus.documents().flatMap((document) => document.units.flatMap((unit) => [...phrasesOf(unit.text, copiedPhraseLength)])));
  return set.flatMap((item) => {
    const copied = [...phrasesOf(item.question, copiedPhraseLength)].filter((phrase) => corpusPhrases.has(phrase));
    return copied.length > 0 ? [`${item.id}: "${copied[0]}"`] : [];
  });
}
