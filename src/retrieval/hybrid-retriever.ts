import type { Embedder } from './embedder.js';
import type { Reranker } from './feature-reranker.js';
import type { QueryExpansion } from './query-expansion.js';
import { fuseHits, type FusionOptions } from './rank-fusion.js';
import type { RetrievalFilters, RetrievalRequest, RetrievedUnit, Retriever } from './retrieval-types.js';
import type { SearchIndex, UnitFilter } from './search-index.js';

export interface HybridRetrieverOptions {
  index: SearchIndex;
  embedder: Embedder;
  reranker?: Reranker;
  expansion?: QueryExpansion;
  /** Defaults to weighted-score fusion, dense 0.5 (measured best, see bench/results/retrieval-ablation.md). */
  fusion?: FusionOptions;
  /** Which lists to use; both by default. For ablation. */
  sources?: { lexical: boolean; dense: boolean };
  /** Candidates taken from each list before fusion. */
  candidates?: number;
}

export const defaultFusion: FusionOptions = { method: 'weighted-score', denseWeight: 0.5 };

export function createUnitFilter(index: SearchIndex, filters: RetrievalFilters | undefined): UnitFilter | undefined {
  if (!filters || (!filters.symbols?.length && !filters.years?.length && !filters.kinds?.length)) return undefined;
  return (unitId) => {
    const document = index.corpus.documentOf(unitId);
    const unit = index.corpus.getUnit(unitId);
    if (!document || !unit) return false;
    if (filters.symbols?.length && !filters.symbols.includes(document.symbol)) return false;
    if (filters.years?.length && (document.year === undefined || !filters.years.includes(document.year))) return false;
    if (filters.kinds?.length && !filters.kinds.includes(unit.kind)) return false;
    return true;
  };
}

/**
 * BM25 and dense search fused by unit id, then an optional rerank. Expansion feeds the lexical side
 * (it adds formal words BM25 needs); the encoder sees the user's own words, which it already
 * understands better than a bag of appended synonyms.
 */
export function createHybridRetriever(options: HybridRetrieverOptions): Retriever {
  const { index, embedder } = options;
  const fusion = options.fusion ?? defaultFusion;
  const sources = options.sources ?? { lexical: true, dense: true };
  const candidates = options.candidates ?? 40;
  return {
    async retrieve(request: RetrievalRequest): Promise<RetrievedUnit[]> {
      const k = request.k ?? 10;
      const filter = createUnitFilter(index, request.filters);
      const expanded = options.expansion?.expand(request.query);
      const lexicalHits = sources.lexical ? index.searchLexical(expanded?.text ?? request.query, candidates, filter) : [];
      let denseHits: ReturnType<SearchIndex['searchDense']> = [];
      if (sources.dense) {
        request.signal?.throwIfAborted();
        const [vector] = await embedder.embed([request.query]);
        if (vector) denseHits = index.searchDense(vector, candidates, filter);
      }
      request.signal?.throwIfAborted();
      let retrieved: RetrievedUnit[] = [];
      for (const hit of fuseHits(lexicalHits, denseHits, fusion)) {
        const unit = index.corpus.getUnit(hit.unitId);
        if (!unit) continue;
        retrieved.push({
          unit,
          score: hit.fused,
          scores: {
            fused: hit.fused,
            ...(hit.lexical !== undefined ? { lexical: hit.lexical } : {}),
            ...(hit.dense !== undefined ? { dense: hit.dense } : {}),
          },
        });
      }
      if (options.reranker && retrieved.length > 0) {
        retrieved = await options.reranker.rerank(
          { text: request.query, expansionTerms: expanded?.added.map((entry) => entry.term) ?? [] },
          retrieved,
        );
      }
      return retrieved.slice(0, k);
    },
  };
}
