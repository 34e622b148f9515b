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
  const phrases = Object.keys(thesaurus).sort((left, right) => right.split(' ').length - left.split(' ').length);
  return {
    expand(text) {
      const added: ExpandedQuery['added'] = [];
      const seen = new Set(contentWords(text).map(stem));
      const add = (from: string, term: string, source: 'thesaurus' | 'wordnet') => {
        const key = tokenize(term).map(stem).join(' ');
        if (seen.has(key)) return;
        seen.add(key);
        added.push({ from, term, source });
      };
      const words = tokenize(text);
      const covered = new Set<number>();
      for (const phrase of phrases) {
        const parts = phrase.split(' ');
        for (let start = 0; start + parts.length <= words.length; start += 1) {
          const matches = parts.every((part, offset) => words[start + offset] === part);
          if (!matches) continue;
          for (const target of thesaurus[phrase]!) add(phrase, target, 'thesaurus');
          for (let offset = 0; offset < parts.length; offset += 1) covered.add(start + offset);
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
    },
  };
}

/** Stems of every word in the given texts. */
export function vocabularyOf(texts: Iterable<string>): Set<string> {
  const vocabulary = new Set<string>();
  for (const text of texts) for (const word of tokenize(text)) vocabulary.add(stem(word));
  return vocabulary;
}
