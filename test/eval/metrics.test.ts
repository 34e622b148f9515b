import { describe, expect, it } from 'vitest';
import { citationPrecision, citationRecall, citationValidity } from '../../eval/citation-metrics.js';
import { containsKeyFact, keyFactRecall, missingKeyFacts, normalizeForMatch } from '../../eval/key-fact-match.js';
import { meanOf, percentile } from '../../eval/percentile.js';
import { creditedPositions } from '../../eval/relevance-credit.js';
import { ndcgAtK, recallAtK, reciprocalRankAtK } from '../../eval/retrieval-metrics.js';

const judgement = { expected: ['A', 'B'], acceptable: ['a'] };

describe('retrieval metrics', () => {
  it('should compute recall@k over expected ids, counting an acceptable id as a stand-in', () => {
    const ranked = ['x', 'A', 'y', 'a', 'B'];
    expect(recallAtK(ranked, judgement, 1)).toBe(0);
    expect(recallAtK(ranked, judgement, 2)).toBe(0.5);
    // 'a' stands in for the missing B at rank 4.
    expect(recallAtK(ranked, judgement, 4)).toBe(1);
    expect(recallAtK(['x', 'y'], judgement, 10)).toBe(0);
  });

  it('should never credit more ids than are expected', () => {
    expect(creditedPositions(['a', 'A', 'B'], judgement)).toEqual([true, true, false]);
    expect(recallAtK(['a', 'A', 'B'], judgement, 3)).toBe(1);
    expect(creditedPositions(['A', 'A'], { expected: ['A', 'B'] })).toEqual([true, false]);
  });

  it('should compute MRR@10 from the first relevant rank', () => {
    expect(reciprocalRankAtK(['x', 'y', 'B'], judgement, 10)).toBeCloseTo(1 / 3, 10);
    expect(reciprocalRankAtK(['a'], judgement, 10)).toBe(1);
    expect(reciprocalRankAtK(['x', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7', 'x8', 'x9', 'x10', 'A'], judgement, 10)).toBe(0);
  });

  it('should compute nDCG@10 with binary gains against the ideal ranking', () => {
    // Relevant at ranks 1 and 3: DCG = 1 + 1/log2(4) = 1.5; IDCG = 1 + 1/log2(3).
    const expected = 1.5 / (1 + 1 / Math.log2(3));
    expect(ndcgAtK(['A', 'x', 'B'], judgement, 10)).toBeCloseTo(expected, 10);
    expect(ndcgAtK(['A', 'B'], judgement, 10)).toBe(1);
    expect(ndcgAtK(['x'], judgement, 10)).toBe(0);
  });

  it('should be undefined for unanswerable items', () => {
    const none = { expected: [] };
    expect(recallAtK(['A'], none, 5)).toBeUndefined();
    expect(reciprocalRankAtK(['A'], none, 10)).toBeUndefined();
    expect(ndcgAtK(['A'], none, 10)).toBeUndefined();
  });
});

describe('citation metrics', () => {
  it('should count expected and acceptable ids as correct for precision', () => {
    expect(citationPrecision(['A', 'a', 'x', 'y'], judgement)).toBe(0.5);
    expect(citationPrecision(['A', 'A'], judgement)).toBe(1);
    expect(citationPrecision([], judgement)).toBeUndefined();
  });

  it('should compute recall over expected ids with acceptable stand-ins', () => {
    expect(citationRecall(['A'], judgement)).toBe(0.5);
    expect(citationRecall(['A', 'a'], judgement)).toBe(1);
    expect(citationRecall(['a'], { expected: ['A'], acceptable: ['a', 'b'] })).toBe(1);
    expect(citationRecall([], judgement)).toBe(0);
  });

  it('should call a citation valid only when it exists and was retrieved', () => {
    const exists = (id: string) => id !== 'ghost';
    const validity = citationValidity(['A', 'ghost', 'B', 'A'], ['A', 'C'], exists);
    expect(validity).toEqual({ valid: 1, total: 3, unknown: ['ghost'], unretrieved: ['B'] });
  });
});

describe('key-fact matching', () => {
  it('should ignore case, whitespace runs and markdown emphasis', () => {
    expect(containsKeyFact('Calls for  ALTERNATIVES\nto *detention*.', 'alternatives to detention')).toBe(true);
  });

  it('should treat per cent, percent and % alike', () => {
    expect(containsKeyFact('less than 3% of the amount', 'less than 3 per cent')).toBe(true);
    expect(containsKeyFact('less than 3 percent of the amount', 'less than 3 per cent')).toBe(true);
    expect(containsKeyFact('less than 3 per cent', 'less than 3%')).toBe(true);
  });

  it('should treat curly and straight quotes and hyphen variants alike', () => {
    expect(containsKeyFact('the Secretary‑General’s brief', "Secretary-General's brief")).toBe(true);
    expect(containsKeyFact('“COVID-19 and people on the move”', '"COVID–19 and people on the move"')).toBe(true);
    expect(containsKeyFact('slow - onset disasters', 'slow-onset disasters')).toBe(true);
  });

  it('should not match a different fact', () => {
    expect(containsKeyFact('less than 5 per cent', 'less than 3 per cent')).toBe(false);
    expect(normalizeForMatch('Vol.  1577 , No.')).toBe('vol. 1577 , no.');
  });

  it('should compute the share of facts found and list the missing ones', () => {
    expect(keyFactRecall('vol. 1577, No. 27531 and 2030', ['vol. 1577, No. 27531', '2030', 'Marrakech'])).toBeCloseTo(2 / 3, 10);
    expect(missingKeyFacts('2030', ['2030', 'Marrakech'])).toEqual(['Marrakech']);
    expect(keyFactRecall('anything', [])).toBeUndefined();
  });
});

describe('percentile', () => {
  it('should use the nearest rank', () => {
    const values = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(100);
    expect(percentile([5, 1, 3], 50)).toBe(3);
    expect(percentile([], 50)).toBeUndefined();
    expect(meanOf([1, undefined, 3])).toBe(2);
  });
});
