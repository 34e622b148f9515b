import { describe, expect, it } from 'vitest';
import { createFeatureReranker } from '../../src/retrieval/feature-reranker.js';
import { createHybridRetriever } from '../../src/retrieval/hybrid-retriever.js';
import { createQueryExpansion, loadDomainThesaurus } from '../../src/retrieval/query-expansion.js';
import { sampleDocuments } from '../answer/sample-documents.js';
import { createFakeEmbedder } from '../support/fake-embedder.js';
import { createInMemorySearchIndex } from '../support/in-memory-search-index.js';

const embedder = createFakeEmbedder();
const index = await createInMemorySearchIndex(sampleDocuments(), embedder);
const expansion = createQueryExpansion({ thesaurus: loadDomainThesaurus() });
const retriever = createHybridRetriever({ index, embedder, expansion, reranker: createFeatureReranker(index.corpus) });
const plain = createHybridRetriever({ index, embedder });

const topUnits = async (query: string, k = 2) => (await retriever.retrieve({ query, k })).map((hit) => hit.unit.unit);

describe('createHybridRetriever', () => {
  it('should find "children" when asked about kids', async () => {
    expect(await topUnits('Can kids be locked up?')).toContain('OP2(b)');
  });

  it('should find detention when asked about being locked up while papers are checked', async () => {
    expect(await topUnits('Can migrants be locked up while their papers are checked?', 1)).toEqual(['OP2(a)']);
  });

  it('should find employment and labour when asked about jobs', async () => {
    expect(await topUnits('jobs', 1)).toEqual(['OP2(c)']);
  });

  it('should need expansion for plain language: without it "jobs" matches no word of the paragraph', async () => {
    const hits = await plain.retrieve({ query: 'jobs', k: 20 });
    expect(hits.every((hit) => hit.scores.lexical === undefined)).toBe(true);
    const expanded = await retriever.retrieve({ query: 'jobs', k: 1 });
    expect(expanded[0]?.scores.lexical).toBeGreaterThan(0);
  });

  it('should return identical paragraphs of both resolutions as separate hits', async () => {
    const hits = await retriever.retrieve({ query: 'trafficking in persons smuggling of migrants', k: 4 });
    const ids = hits.map((hit) => hit.unit.id);
    expect(ids).toContain('A/RES/76/172:OP3');
    expect(ids).toContain('A/RES/74/148:OP3');
  });

  it('should apply symbol, year and kind filters', async () => {
    const bySymbol = await retriever.retrieve({ query: 'trafficking', filters: { symbols: ['A/RES/74/148'] } });
    expect(bySymbol.length).toBeGreaterThan(0);
    expect(bySymbol.every((hit) => hit.unit.id.startsWith('A/RES/74/148:'))).toBe(true);
    const byYear = await retriever.retrieve({ query: 'trafficking', filters: { years: [2021] } });
    expect(byYear.every((hit) => hit.unit.id.startsWith('A/RES/76/172:'))).toBe(true);
    const byKind = await retriever.retrieve({ query: 'Treaty Series', filters: { kinds: ['footnote'] } });
    expect(byKind.length).toBeGreaterThan(0);
    expect(byKind.every((hit) => hit.unit.kind === 'footnote')).toBe(true);
  });

  it('should record lexical, dense, fused and rerank scores', async () => {
    const [best] = await retriever.retrieve({ query: 'detention of migrant children', k: 1 });
    expect(best?.scores.fused).toBeGreaterThan(0);
    expect(best?.scores.rerank).toBe(best?.score);
    expect(best?.scores.lexical ?? best?.scores.dense).toBeDefined();
  });

  it('should stop when the request is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(retriever.retrieve({ query: 'children', signal: controller.signal })).rejects.toThrow();
  });
});
