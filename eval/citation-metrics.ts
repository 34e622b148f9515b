import { creditedPositions, isRelevant, type RelevanceJudgement } from './relevance-credit.js';

/** Citation metrics for one answer, by unit id. Duplicated citations count once. */

/** Share of distinct cited ids that are expected or acceptable; undefined when nothing is cited. */
export function citationPrecision(cited: readonly string[], judgement: RelevanceJudgement): number | undefined {
  const distinct = [...new Set(cited)];
  if (distinct.length === 0) return undefined;
  return distinct.filter((id) => isRelevant(id, judgement)).length / distinct.length;
}

/** Credited citations over expected ids (an acceptable id stands in for one expected id). */
export function citationRecall(cited: readonly string[], judgement: RelevanceJudgement): number | undefined {
  const expectedCount = new Set(judgement.expected).size;
  if (expectedCount === 0) return undefined;
  return creditedPositions(cited, judgement).filter(Boolean).length / expectedCount;
}

export interface CitationValidity {
  valid: number;
  total: number;
  /** Cited ids that do not exist in the corpus. */
  unknown: string[];
  /** Cited ids that exist but were not among the retrieved sources. */
  unretrieved: string[];
}

/** A citation is valid when its id exists in the corpus and was among the retrieved sources. */
export function citationValidity(
  cited: readonly string[],
  retrieved: readonly string[],
  exists: (id: string) => boolean,
): CitationValidity {
  const distinct = [...new Set(cited)];
  const sources = new Set(retrieved);
  const unknown = distinct.filter((id) => !exists(id));
  const unretrieved = distinct.filter((id) => exists(id) && !sources.has(id));
  return { valid: distinct.length - unknown.length - unretrieved.length, total: distinct.length, unknown, unretrieved };
}
