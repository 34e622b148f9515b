import { creditedPositions, type RelevanceJudgement } from './relevance-credit.js';

/**
 * Ranking metrics by unit id over the retrieved ids (the answer's sources, in order). All are
 * undefined for an item with no expected ids: there is nothing to retrieve.
 */

/** Credited ids in the top k over the number of expected ids. */
export function recallAtK(ranked: readonly string[], judgement: RelevanceJudgement, k: number): number | undefined {
  if (judgement.expected.length === 0) return undefined;
  const credited = creditedPositions(ranked.slice(0, k), judgement).filter(Boolean).length;
  return credited / new Set(judgement.expected).size;
}

/** 1 / rank of the first expected or acceptable id within the top k, else 0. */
export function reciprocalRankAtK(ranked: readonly string[], judgement: RelevanceJudgement, k: number): number | undefined {
  if (judgement.expected.length === 0) return undefined;
  const position = creditedPositions(ranked.slice(0, k), judgement).indexOf(true);
  return position < 0 ? 0 : 1 / (position + 1);
}

/**
 * Binary-gain nDCG: DCG = Σ credited 1/log2(rank + 1); the ideal ranks every expected id first,
 * min(|expected|, k) of them.
 */
export function ndcgAtK(ranked: readonly string[], judgement: RelevanceJudgement, k: number): number | undefined {
  const expectedCount = new Set(judgement.expected).size;
  if (expectedCount === 0) return undefined;
  const credited = creditedPositions(ranked.slice(0, k), judgement);
  let dcg = 0;
  credited.forEach((isCredited, index) => {
    if (isCredited) dcg += 1 / Math.log2(index + 2);
  });
  let ideal = 0;
  for (let index = 0; index < Math.min(expectedCount, k); index += 1) ideal += 1 / Math.log2(index + 2);
  return dcg / ideal;
}
