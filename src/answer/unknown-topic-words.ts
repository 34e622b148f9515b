import type { DocumentUnit } from '../corpus/resolution-document.js';
import type { TermWeights } from '../retrieval/feature-reranker.js';
import { contentWords, stem, tokenize } from '../retrieval/text-terms.js';
import { termCoverage, type QuestionTerms } from './clause-selection.js';
import type { WordNetLookup } from '../retrieval/wordnet-synonyms.js';

/** A question word the corpus never uses, with the corpus stems WordNet links it to (if any). */
export interface UnknownTopicWord {
  word: string;
  /** Stems of corpus words one WordNet link away ("citizen" → citizenship, "female" → person). */
  relatedStems: string[];
  /**
   * Set when the word names the kind of thing asked for ("in which *city*…"): then the answer must
   * name one, and this tells whether a word of the text is such a thing ("Quito" is a city).
   */
  isInstance?: (word: string) => boolean;
}

export interface UnknownTopicDetectorOptions {
  /** Stems of every word the corpus uses. */
  vocabulary: ReadonlySet<string>;
  wordNet: WordNetLookup;
}

export type UnknownTopicDetector = (text: string, added: ReadonlyArray<{ from: string }>) => UnknownTopicWord[];

/** Words about documents rather than topics: never evidence that a topic is missing. */
const metaWords = new Set(
  'version versions volume volumes symbol symbols reference references footnote footnotes citation citations title wording text document documents copy number numbers series preamble preambular operative'.split(' '),
);

/** Quantifiers and modal adjectives frame a question ("how many", "be able to"); they name no topic. */
const framingWords = new Set('many much every each several various certain whole able unable likely possible'.split(' '));

/** Shortest shared beginning for two stems to count as one word family ("citizen" / "citizenship"). */
const familyPrefix = 6;

/**
 * Topic words the texts lack: nouns and adjectives (never words that are also verbs, which paraphrases
 * are full of) that neither the corpus nor an expansion matches, and capitalised names WordNet does
 * not know. Each comes with the corpus words it is related to, so the answerer can tell "phrased
 * differently" (related, and the paragraph found covers the rest) from "not there at all".
 */
export function createUnknownTopicDetector(options: UnknownTopicDetectorOptions): UnknownTopicDetector {
  const { vocabulary, wordNet } = options;
  const byPrefix = new Map<string, string[]>();
  for (const stemmed of vocabulary) {
    if (stemmed.length < familyPrefix) continue;
    const prefix = stemmed.slice(0, familyPrefix);
    byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), stemmed]);
  }
  const family = (stemmed: string): string[] =>
    stemmed.length < familyPrefix ? [] : (byPrefix.get(stemmed.slice(0, familyPrefix)) ?? []).filter((other) => other.startsWith(stemmed) || stemmed.startsWith(other));
  return (text, added) => {
    const expandedFrom = new Set(added.flatMap((entry) => tokenize(entry.from)));
    const capitalised = new Set((text.match(/(?<=\S\s+)[A-Z][a-z]+/g) ?? []).map((word) => word.toLowerCase()));
    const isUnknownTopic = (word: string): boolean => {
      if (/\d/.test(word) || metaWords.has(word) || framingWords.has(word) || vocabulary.has(stem(word)) || expandedFrom.has(word)) return false;
      const partsOfSpeech = wordNet.partsOfSpeech(word);
      // A long word neither the corpus nor WordNet knows, that the speller left alone, is a new term ("cryptocurrency").
      if (partsOfSpeech.length === 0) return capitalised.has(word) || /^[a-z]{8,}$/.test(word);
      return !partsOfSpeech.includes('verb') && !partsOfSpeech.includes('adv');
    };
    const relatedTo = (term: string): string[] => {
      const related = new Set(term.includes(' ') ? [] : family(stem(term)));
      // A name is only ever another spelling of itself ("Marrakesh"), never its broader class.
      const relatives = capitalised.has(term) ? wordNet.synonyms(term) : wordNet.relatedWords(term);
      for (const lemma of relatives) {
        const parts = tokenize(lemma).map(stem);
        // Only single corpus words: "medium of exchange" shares "of" with everything.
        if (parts.length === 1 && vocabulary.has(parts[0]!)) related.add(parts[0]!);
      }
      return [...related];
    };
    const words = contentWords(text);
    const found: UnknownTopicWord[] = [];
    const seen = new Set<string>();
    for (let position = 0; position < words.length; position += 1) {
      const word = words[position]!;
      const next = words[position + 1];
      // "artificial intelligence" is one concept: its parts' relatives ("information") say nothing about it.
      if (next && (isUnknownTopic(word) || isUnknownTopic(next)) && wordNet.isKnownWord(`${word}_${next}`) && wordNet.relatedWords(`${word}_${next}`).length > 0) {
        const phrase = `${word} ${next}`;
        if (!seen.has(phrase)) found.push({ word: phrase, relatedStems: relatedTo(phrase) });
        seen.add(phrase).add(word).add(next);
        position += 1;
        continue;
      }
      if (seen.has(word) || !isUnknownTopic(word)) continue;
      seen.add(word);
      const asked = new RegExp(`\\b(?:which|what)\\s+(?:[a-z-]+\\s+)?${word}\\b`, 'i').test(text);
      const forms = [word, word.replace(/(?:es|s)$/, ''), word.replace(/ies$/, 'y')];
      found.push({
        word,
        relatedStems: relatedTo(word),
        ...(asked ? { isInstance: (candidate: string) => wordNet.broaderTerms(candidate).some((term) => forms.includes(term)) } : {}),
      });
    }
    return found;
  };
}

export interface AbsenceEvidence {
  unknown: ReadonlyArray<UnknownTopicWord | string>;
  terms: QuestionTerms;
  /** The unit the answer would stand on. */
  best: DocumentUnit | undefined;
  weights: TermWeights;
  /** A figure is asked for: then no unknown word is a mere side detail. */
  expectsNumber: boolean;
  /** Share of the question's other words the best unit must cover to answer despite unknown words… */
  minimumSupport: number;
  /** …when those words carry at most this share of the question's weight. */
  maximumShare: number;
}

/**
 * Unknown topic words that count as evidence the documents are silent. A word is not evidence when the
 * best unit holds a WordNet relative of it, or when that unit covers most of the question's other
 * words and the unknown words are only a side detail of it ("in which *city* was the summit held?").
 */
export function absentTopicWords(evidence: AbsenceEvidence): string[] {
  const { terms, best, weights } = evidence;
  const unknown: UnknownTopicWord[] = evidence.unknown.map((entry) => (typeof entry === 'string' ? { word: entry, relatedStems: [] } : entry));
  if (unknown.length === 0) return [];
  if (!best) return unknown.map((entry) => entry.word);
  const bestStems = new Set(tokenize(`${best.leadIn ?? ''} ${best.text}`).map(stem));
  const unrelated = unknown.filter((entry) => !entry.relatedStems.some((related) => bestStems.has(related)));
  if (unrelated.length === 0) return [];
  const unrelatedStems = new Set(unrelated.flatMap((entry) => tokenize(entry.word).map(stem)));
  const total = terms.own.reduce((sum, stemmed) => sum + weights.idf(stemmed), 0);
  const share = total === 0 ? 1 : [...unrelatedStems].reduce((sum, stemmed) => sum + weights.idf(stemmed), 0) / total;
  const others = { ...terms, own: terms.own.filter((stemmed) => !unrelatedStems.has(stemmed)) };
  const support = others.own.length === 0 ? 0 : termCoverage(others, bestStems, weights);
  // A figure must be evidenced outright: a side detail the texts lack may be the very figure asked for.
  // "In which city…": the unit must name a city, not merely cover the rest of the question.
  const names = (entry: UnknownTopicWord) => (best.text.match(/\b[A-Z][a-z]+\b/g) ?? []).some((name) => entry.isInstance!(name));
  const namesAskedThings = unrelated.every((entry) => entry.isInstance === undefined || names(entry));
  const sideDetail = share <= evidence.maximumShare && support >= evidence.minimumSupport && namesAskedThings;
  if (sideDetail && !evidence.expectsNumber) return [];
  return unrelated.map((entry) => entry.word);
}
