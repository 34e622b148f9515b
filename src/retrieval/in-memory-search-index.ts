import { createCorpusStore } from '../corpus/corpus-store.js';
import type { ResolutionDocument } from '../corpus/resolution-document.js';
import type { RetrievalChunk } from '../corpus/retrieval-chunk.js';
import type { Embedder } from './embedder.js';
import { INDEX_FORMAT_VERSION } from './index-layout.js';
import { LexicalIndex, type LexicalIndexOptions } from './lexical-index.js';
import type { IndexManifest, SearchIndex } from './search-index.js';
import { DEFAULT_VECTOR_PARAMETERS, VectorIndex, type VectorIndexParameters } from './vector-index.js';

export interface SearchIndexParts {
  manifest: IndexManifest;
  documents: readonly ResolutionDocument[];
  chunks: readonly RetrievalChunk[];
  vectorIndex: VectorIndex;
  lexicalIndex: LexicalIndex;
}

/** A SearchIndex over parts already in memory (loaded from disk, or built by a test). */
export function createSearchIndex(parts: SearchIndexParts): SearchIndex {
  const corpus = createCorpusStore(parts.documents);
  return {
    manifest: parts.manifest,
    corpus,
    chunks: parts.chunks,
    searchDense: (vector, k, filter) => parts.vectorIndex.search(vector, k, filter),
    searchLexical: (query, k, filter) => parts.lexicalIndex.searchUnits(query, k, filter),
  };
}

/** Packs one vector per chunk into one Float32Array, row after row. */
export function packVectors(vectors: readonly Float32Array[], dimension: number): Float32Array {
  const packed = new Float32Array(vectors.length * dimension);
  vectors.forEach((vector, row) => {
    if (vector.length !== dimension) throw new Error(`vector ${row} has ${vector.length} dimensions, expected ${dimension}`);
    packed.set(vector, row * dimension);
  });
  return packed;
}

/**
 * Embeds the chunks and builds a SearchIndex without touching disk: for tests of retrieval and answer
 * code (with the fake embedder) and for one-off experiments.
 */
export async function buildInMemorySearchIndex(input: {
  documents: readonly ResolutionDocument[];
  chunks: readonly RetrievalChunk[];
  embedder: Embedder;
  parserVersion?: string;
  vectorParameters?: VectorIndexParameters;
  lexical?: LexicalIndexOptions;
}): Promise<SearchIndex> {
  const parameters = input.vectorParameters ?? DEFAULT_VECTOR_PARAMETERS;
  const vectors = input.chunks.length > 0 ? await input.embedder.embed(input.chunks.map((chunk) => chunk.text)) : [];
  const packed = packVectors(vectors, input.embedder.dimension);
  const manifest: IndexManifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    parserVersion: input.parserVersion ?? 'in-memory',
    embedder: { modelId: input.embedder.modelId, dimension: input.embedder.dimension },
    vector: { space: 'cosine', m: parameters.m, efConstruction: parameters.efConstruction, efSearch: parameters.efSearch, count: input.chunks.length },
    documents: input.documents.map((document) => ({
      sourceFile: document.sourceFile,
      checksum: document.checksum,
      symbol: document.symbol,
      units: document.units.length,
    })),
    createdAt: new Date().toISOString(),
  };
  return createSearchIndex({
    manifest,
    documents: input.documents,
    chunks: input.chunks,
    vectorIndex: VectorIndex.build(packed, input.embedder.dimension, input.chunks.map((chunk) => chunk.unitId), parameters),
    lexicalIndex: LexicalIndex.build(input.chunks, input.lexical),
  });
}
