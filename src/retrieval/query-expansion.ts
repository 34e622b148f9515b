import { readFileSync } from 'node:fs';
import { contentWords, isStopWord, stem, tokenize } from './text-terms.js';
import type { WordNetLookup } from './wordnet-synonyms.js';

export interface ExpandedQuery {
  /** The original text followed by the added formal terms. */
  text: string;
  /** Terms added, each with the plain-language word that produced it. */
  added: Array<{ from: string; term: string; source: 'thesaurus' | 'wordnet' }>;
}

export interface QueryExpansion {
  expand(text: string): ExpandedQuery;
}

export type Thesaurus = Record<string, string[]>;

export function loadDomainThesaurus(path = new URL('./domain-thesaurus.json', import.meta.url)): Thesaurus {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const thesaurus: Thesaurus = {};
  for (const [phrase, targets] of Object.entries(parsed)) {
    if (phrase.startsWith('_') || !Array.isArray(targets)) continue;
    thesaurus[phrase.toLowerCase()] = targets.filter((target): target is string => typeof target === 'string');
  }
  return thesaurus;
}

export interface QueryExpansionOptions {
  thesaurus?: Thesaurus;
  wordNet?: WordNetLookup;
  /** Stems of the corpus vocabulary: WordNet synonyms outside it cannot match anything. */
  vocabulary?: ReadonlySet<string>;
}

/**
 * Plain language → the formal wording of resolutions. The thesaurus maps phrases ("locked up") and
 * words ("kids"); WordNet is consulted only for words the corpus never uses, and only synonyms the
 * corpus does use are kept, so expansion adds reach without drowning the query.
 */
export function createQueryExpansion(options: QueryExpansionOptions): QueryExpansion {
  const thesaurus = options.thesaurus ?? {};
  // Split once, longest first; a phrase is tried only where the question contains its first word.
  const phrases = Object.keys(thesaurus)
    .map((phrase) => ({ phrase, parts: wordsWithForms(tokenize(phrase)) }))
    .sort((left, right) => right.parts.words.length - left.parts.words.length);
  // One answer expands the same search text twice (the answer service for composition, the retriever
  // for BM25); remembering the last result does that work once.
  let last: { text: string; expanded: ExpandedQuery } | undefined;
  const expand = (text: string): ExpandedQuery => {
    if (last?.text === text) return last.expanded;
    const expanded = expandText(text);
    last = { text, expanded };
    return expanded;
  };
  const expandText = (text: string): ExpandedQuery => {
    const added: ExpandedQuery['added'] = [];
    const seen = new Set(contentWords(text).map(stem));
    const add = (from: string, term: string, source: 'thesaurus' | 'wordnet') => {
      const key = tokenize(term).map(stem).join(' ');
      if (seen.has(key)) return;
      seen.add(key);
      added.push({ from, term, source });
    };
    const words = tokenize(text);
    const question = wordsWithForms(words);
    const covered = new Set<number>();
    const present = new Set(question.forms);
    for (const { phrase, parts } of phrases) {
      if (parts.words.length === 0 || !present.has(parts.forms[0]!)) continue;
      for (let start = 0; start + parts.words.length <= words.length; start += 1) {
        // Every form of the entry's words; the longest phrase claims its words, so "hold captive" is not
        // also read as "hold" (custody).
        const positions = phrasePositions(parts, question, start, covered);
        if (!positions) continue;
        // The question's own words, not the entry's: later stages look them up in the question.
        const from = positions.map((position) => words[position]).join(' ');
        for (const target of thesaurus[phrase]!) add(from, target, 'thesaurus');
        for (const position of positions) covered.add(position);
      }
    }
    if (options.wordNet && options.vocabulary) {
      const vocabulary = options.vocabulary;
      // Two everyday words can be one idiom the corpus says in one formal word: "take part" → participate.
      words.forEach((word, position) => {
        const next = words[position + 1];
        if (!next || covered.has(position) || covered.has(position + 1) || /\d/.test(word + next)) return;
        const phrase = `${word}_${next}`;
        if (!options.wordNet!.isKnownWord(phrase)) return;
        for (const synonym of options.wordNet!.synonyms(phrase)) {
          const parts = tokenize(synonym);
          if (parts.length === 1 && !isStopWord(parts[0]!) && vocabulary.has(stem(parts[0]!))) add(`${word} ${next}`, synonym, 'wordnet');
        }
      });
      words.forEach((word, position) => {
        if (covered.has(position) || isStopWord(word) || /\d/.test(word) || vocabulary.has(stem(word))) return;
        for (const synonym of options.wordNet!.synonyms(word)) {
          const parts = tokenize(synonym);
          if (parts.length > 0 && parts.every((part) => vocabulary.has(stem(part)))) add(word, synonym, 'wordnet');
        }
        // The corpus often says with a noun what a question says with a verb ("expelling" → expulsion).
        // Only forms of the same word (same opening letters): "accept" → "adoption" is a sense, not a form.
        for (const derived of options.wordNet!.derivedWords(word)) {
          const parts = tokenize(derived);
          if (parts.length === 1 && parts[0]!.slice(0, 3) === word.slice(0, 3) && vocabulary.has(stem(parts[0]!))) add(word, derived, 'wordnet');
        }
      });
    }
    return { text: [text, ...added.map((entry) => entry.term)].join(' '), added };
  };
  return { expand };
}

/**
 * A word without its inflection ("locking", "locked" → lock; "decides" → decid; "families" → family;
 * "expelling" → expel), so an entry matches every form of its words. Not Porter: its stems merge words
 * of other meanings ("regularize" and "regular", "criminalize" and "criminal").
 */
export function baseForm(word: string): string {
  if (word.length <= 3) return word;
  // A doubled final consonant is undone in every word alike, so "expelling" meets "expel".
  return word.replace(/ies$/, 'y').replace(/(?:ing|ed|es|e|s)$/, '').replace(/([b-df-hj-np-tv-z])\1$/, '$1');
}

/** The particles of phrasal verbs, which may stand apart from their verb. */
const particleForms = new Set(['back', 'out', 'up', 'down', 'off', 'away'].map(baseForm));

/** Words in order with their base forms. */
export interface WordsWithForms {
  words: readonly string[];
  forms: readonly string[];
}

export function wordsWithForms(words: readonly string[]): WordsWithForms {
  return { words, forms: words.map(baseForm) };
}

/**
 * Where a thesaurus phrase occurs in the question from `start`, or undefined. A question word matches
 * an entry word of the same base form that it is, or inflects ("locking" for "locked"), but not a
 * shorter one: the entry "unions" is no reading of "the African Union". A phrasal verb's object may
 * sit between verb and particle ("sending someone back", "lock them up"), so one word may come before
 * a particle; words a longer phrase claimed never match again.
 */
export function phrasePositions(entry: WordsWithForms, question: WordsWithForms, start: number, claimed: ReadonlySet<number> = new Set()): number[] | undefined {
  const matches = (offset: number, position: number) =>
    question.forms[position] === entry.forms[offset] && (question.words[position] === entry.words[offset] || question.words[position]!.length >= entry.words[offset]!.length);
  const positions: number[] = [];
  let position = start;
  for (let offset = 0; offset < entry.words.length; offset += 1) {
    if (offset > 0 && !matches(offset, position) && particleForms.has(entry.forms[offset]!) && matches(offset, position + 1)) position += 1;
    if (!matches(offset, position) || claimed.has(position)) return undefined;
    positions.push(position);
    position += 1;
  }
  return positions;
}

/** Stems of every word in the given texts. */
export function vocabularyOf(texts: Iterable<string>): Set<string> {
  const vocabulary = new Set<string>();
  for (const text of texts) for (const word of tokenize(text)) vocabulary.add(stem(word));
  return vocabulary;
}
