import { contentWords, stem, tokenize } from '../retrieval/text-terms.js';
import type { WordNetLookup } from '../retrieval/wordnet-synonyms.js';

/** A question word the corpus never uses, with the corpus stems WordNet links it to (if any). */
export interface UnknownTopicWord {
  word: string;
  /** Stems of corpus words one WordNet link away ("citizen" → citizenship, "female" → person). */
  relatedStems: string[];
}

export interface UnknownTopicDetectorOptions {
  /** Stems of every word the corpus uses. */
  vocabulary: ReadonlySet<string>;
  wordNet: WordNetLookup;
}

export type UnknownTopicDetector = (text: string, added: ReadonlyArray<{ from: string }>) => UnknownTopicWord[];

/** Words about documents rather than topics: never evidence that a topic is missing. */
const metaWords = new Set(
  'version versions volume volumes symbol symbols reference references footnote footnotes citation citations title wording text document documents copy number numbers series'.split(' '),
);

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
    const found: UnknownTopicWord[] = [];
    for (const word of new Set(contentWords(text))) {
      if (/\d/.test(word) || metaWords.has(word) || vocabulary.has(stem(word)) || expandedFrom.has(word)) continue;
      const partsOfSpeech = wordNet.partsOfSpeech(word);
      const topic = partsOfSpeech.length === 0 ? capitalised.has(word) : !partsOfSpeech.includes('verb') && !partsOfSpeech.includes('adv');
      if (!topic) continue;
      const related = new Set(family(stem(word)));
      for (const lemma of wordNet.relatedWords(word)) {
        const parts = tokenize(lemma).map(stem);
        // Only single corpus words: "medium of exchange" shares "of" with everything.
        if (parts.length === 1 && vocabulary.has(parts[0]!)) related.add(parts[0]!);
      }
      found.push({ word, relatedStems: [...related] });
    }
    return found;
  };
}
