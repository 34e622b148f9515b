import type { CorpusStore } from '../corpus/corpus-store.js';
import type { AlignedPair, DocumentAlignment } from './alignment-types.js';
import { createStemWeights, type StemWeight } from './text-similarity.js';
import { unitStems } from './unit-stems.js';

/** How much of a question's topic a text holds, 0 (none of it) to 1 (all of it). */
export interface TopicRelevance {
  ofStems(stems: ReadonlySet<string>): number;
  ofUnits(ids: readonly string[]): number;
  /** Of the words of both versions of a pair together. */
  ofPair(pair: AlignedPair): number;
}

const weightsByAlignment = new WeakMap<DocumentAlignment, StemWeight>();

/** For a topic stem, stems of the formal words that stand in for it ("kid" → child, "lock" → detent). */
export type TopicAlternatives = ReadonlyMap<string, readonly string[]>;

/** A formal stand-in counts for most, not all, of the plain word it replaces. */
const ALTERNATIVE_CREDIT = 0.8;

/**
 * Rare stems weigh more. A stem neither version uses ("notification" in "consular notification")
 * cannot tell paragraphs apart, so it weighs as little as the commonest stem instead of the most:
 * the words the texts do use decide, and a topic made only of absent words still scores 0.
 */
function weightsOf(corpus: CorpusStore, alignment: DocumentAlignment): StemWeight {
  let weight = weightsByAlignment.get(alignment);
  if (!weight) {
    const stemSets = alignment.pairs.flatMap((pair) =>
      [...pair.fromIds, ...pair.toIds].map((id) => corpus.getUnit(id)).filter((unit) => unit !== undefined).map(unitStems),
    );
    const idf = createStemWeights(stemSets);
    const known = new Set(stemSets.flatMap((stems) => [...stems]));
    const lightest = Math.min(...[...known].map(idf));
    weight = (stem) => (known.has(stem) ? idf(stem) : lightest);
    weightsByAlignment.set(alignment, weight);
  }
  return weight;
}

/**
 * Scores texts against the topic stems of a question, each stem weighted by how rare it is in the
 * two versions: "remittances" names one paragraph where "human" and "rights" name dozens, so a
 * paragraph holding the rare words of a question is the one it asks about.
 */
export function topicRelevance(
  corpus: CorpusStore,
  alignment: DocumentAlignment,
  topic: readonly string[],
  alternatives: TopicAlternatives = new Map(),
): TopicRelevance {
  const stemWeight = weightsOf(corpus, alignment);
  const lightest = stemWeight('');
  // A plain word counts through the formal word standing in for it, also one the texts use in another
  // sense ("holding" children → detention); a word the texts lack ("kids") weighs as its stand-in does.
  const standIns = (stem: string): readonly string[] => alternatives.get(stem) ?? [];
  const weight = (stem: string): number => {
    const own = stemWeight(stem);
    return own > lightest ? own : Math.max(own, ...standIns(stem).map(stemWeight));
  };
  const total = topic.reduce((sum, stem) => sum + weight(stem), 0);
  const ofStems = (stems: ReadonlySet<string>): number => {
    if (total === 0) return 0;
    let held = 0;
    for (const stem of topic) {
      if (stems.has(stem)) held += weight(stem);
      else if (standIns(stem).some((alternative) => stems.has(alternative))) held += ALTERNATIVE_CREDIT * weight(stem);
    }
    return held / total;
  };
  const stemsOf = (ids: readonly string[]): Set<string> => {
    const stems = new Set<string>();
    for (const id of ids) {
      const unit = corpus.getUnit(id);
      if (unit) for (const stem of unitStems(unit)) stems.add(stem);
    }
    return stems;
  };
  return {
    ofStems,
    ofUnits: (ids) => ofStems(stemsOf(ids)),
    ofPair: (pair) => ofStems(stemsOf([...pair.fromIds, ...pair.toIds])),
  };
}
