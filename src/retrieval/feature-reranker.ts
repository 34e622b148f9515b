import type { CorpusStore } from '../corpus/corpus-store.js';
import type { UnitKind } from '../corpus/resolution-document.js';
import type { RetrievedUnit } from './retrieval-types.js';
import { contentWords, stem, tokenize } from './text-terms.js';

export interface RerankQuery {
  text: string;
  /** Formal terms added by query expansion; they count, but less than the user's own words. */
  expansionTerms?: string[];
}

/** A rerank stage over fused candidates; swap in a cross-encoder or an LLM judge behind it. */
export interface Reranker {
  rerank(query: RerankQuery, candidates: RetrievedUnit[]): RetrievedUnit[] | Promise<RetrievedUnit[]>;
}

export interface FeatureWeights {
  fused: number;
  overlap: number;
  expansionOverlap: number;
  leadIn: number;
  phrase: number;
  kind: Record<UnitKind, number>;
}

export const defaultFeatureWeights: FeatureWeights = {
  fused: 0.5,
  overlap: 1,
  expansionOverlap: 0.35,
  leadIn: 0.25,
  phrase: 0.15,
  kind: { operative: 0.04, preamble: 0, annex: 0, footnote: -0.15, header: -0.2, footer: -0.2 },
};

/** Inverse document frequency of stems over the corpus units. */
export interface TermWeights {
  idf(stemmed: string): number;
}

export function createTermWeights(corpus: CorpusStore): TermWeights {
  const frequency = new Map<string, number>();
  let total = 0;
  for (const document of corpus.documents()) {
    for (const unit of document.units) {
      total += 1;
      for (const stemmed of new Set(tokenize(unit.text).map(stem))) frequency.set(stemmed, (frequency.get(stemmed) ?? 0) + 1);
    }
  }
  return { idf: (stemmed) => Math.log(1 + (total + 1) / ((frequency.get(stemmed) ?? 0) + 0.5)) };
}

/**
 * A cheap, explainable reranker: the fused score plus how much of the question (weighted by rarity)
 * the unit itself contains, a bonus for the sub-paragraph's lead-in, for exact two-word phrases, and a
 * small prior by kind (operative paragraphs carry the decisions; footnotes and headers rarely answer).
 */
export function createFeatureReranker(corpus: CorpusStore, weights: FeatureWeights = defaultFeatureWeights): Reranker {
  const termWeights = createTermWeights(corpus);
  // Stemming every candidate's text again for each question was half of an answer's CPU time; a unit's
  // text never changes, so its stems are computed once (held as long as the unit object lives).
  const unitFeatures = new WeakMap<RetrievedUnit['unit'], UnitFeatures>();
  const featuresOf = (unit: RetrievedUnit['unit']): UnitFeatures => {
    let features = unitFeatures.get(unit);
    if (!features) {
      const tokens = tokenize(unit.text).map(stem);
      features = { stems: new Set(tokens), leadInStems: new Set(tokenize(unit.leadIn ?? '').map(stem)), bigrams: new Set(pairs(tokens)) };
      unitFeatures.set(unit, features);
    }
    return features;
  };
  return {
    rerank(query, candidates) {
      const queryStems = [...new Set(contentWords(query.text).map(stem))];
      const expansionStems = [...new Set((query.expansionTerms ?? []).flatMap((term) => contentWords(term).map(stem)))].filter(
        (stemmed) => !queryStems.includes(stemmed),
      );
      const queryWeight = queryStems.reduce((sum, stemmed) => sum + termWeights.idf(stemmed), 0) || 1;
      const bigrams = pairs(contentWords(query.text).map(stem));
      const bestFused = Math.max(...candidates.map((candidate) => candidate.scores.fused), Number.EPSILON);
      const rescored = candidates.map((candidate) => {
        const { stems: unitStems, leadInStems, bigrams: unitBigrams } = featuresOf(candidate.unit);
        let overlap = 0;
        let leadIn = 0;
        for (const stemmed of queryStems) {
          if (unitStems.has(stemmed)) overlap += termWeights.idf(stemmed);
          else if (leadInStems.has(stemmed)) leadIn += termWeights.idf(stemmed);
        }
        let expansion = 0;
        for (const stemmed of expansionStems) if (unitStems.has(stemmed)) expansion += termWeights.idf(stemmed);
        const phraseHits = bigrams.filter((bigram) => unitBigrams.has(bigram)).length;
        const rerank =
          weights.fused * (candidate.scores.fused / bestFused) +
          weights.overlap * (overlap / queryWeight) +
          weights.expansionOverlap * Math.min(1, expansion / queryWeight) +
          weights.leadIn * (leadIn / queryWeight) +
          weights.phrase * Math.min(3, phraseHits) +
          weights.kind[candidate.unit.kind];
        return { ...candidate, score: rerank, scores: { ...candidate.scores, rerank } };
      });
      return rescored.sort((left, right) => right.score - left.score || left.unit.id.localeCompare(right.unit.id));
    },
  };
}

interface UnitFeatures {
  stems: Set<string>;
  leadInStems: Set<string>;
  bigrams: Set<string>;
}

function pairs(stems: string[]): string[] {
  const result: string[] = [];
  for (let position = 0; position + 1 < stems.length; position += 1) result.push(`${stems[position]} ${stems[position + 1]}`);
  return result;
}
