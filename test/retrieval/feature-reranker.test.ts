import { describe, expect, it } from 'vitest';
import { createCorpusStore } from '../../src/corpus/corpus-store.js';
import { createFeatureReranker } from '../../src/retrieval/feature-reranker.js';
import type { RetrievedUnit } from '../../src/retrieval/retrieval-types.js';
import { sampleDocuments } from '../answer/sample-documents.js';

const corpus = createCorpusStore(sampleDocuments());
const candidate = (unit: string, fused: number): RetrievedUnit => ({
  unit: corpus.getUnit(`A/RES/76/172:${unit}`)!,
  score: fused,
  scores: { fused },
});

describe('createFeatureReranker', () => {
  const reranker = createFeatureReranker(corpus);

  it('should lift the paragraph that contains the rare words of the question above a better fused score', async () => {
    const ranked = await reranker.rerank({ text: 'ending the detention of migrant children' }, [candidate('OP1', 1), candidate('OP2(b)', 0.6)]);
    expect(ranked.map((hit) => hit.unit.unit)).toEqual(['OP2(b)', 'OP1']);
    expect(ranked[0]!.scores.rerank).toBe(ranked[0]!.score);
  });

  it('should count expansion terms for a plain-language question', async () => {
    const withoutExpansion = await reranker.rerank({ text: 'jobs' }, [candidate('OP3', 1), candidate('OP2(c)', 0.9)]);
    const withExpansion = await reranker.rerank({ text: 'jobs', expansionTerms: ['employment', 'labour'] }, [candidate('OP3', 1), candidate('OP2(c)', 0.9)]);
    expect(withoutExpansion[0]!.unit.unit).toBe('OP3');
    expect(withExpansion[0]!.unit.unit).toBe('OP2(c)');
  });

  it('should prefer an operative paragraph to a footnote with the same words', async () => {
    const footnote = { ...candidate('FN1', 1), unit: corpus.getUnit('A/RES/76/172:FN1')! };
    const ranked = await reranker.rerank({ text: 'Convention on the Rights of the Child' }, [footnote, candidate('PP1', 1)]);
    expect(ranked[0]!.unit.unit).toBe('PP1');
  });
});
