import type { CorpusStore } from '../corpus/corpus-store.js';
import type { RetrievalChunk } from '../corpus/retrieval-chunk.js';

/** Written beside the index files; a mismatch with the running code or embedder refuses the load. */
export interface IndexManifest {
  formatVersion: number;
  parserVersion: string;
  embedder: { modelId: string; dimension: number };
  /** hnswlib parameters, recorded so search uses the ef that was measured. */
  vector: { space: 'cosine'; m: number; efConstruction: number; efSearch: number; count: number };
  /** One entry per source document: path, sha256 and the symbol it produced. */
  documents: Array<{ sourceFile: string; checksum: string; symbol: string; units: number }>;
  createdAt: string;
  /** Size and sha256 of each index file by name, checked at load (a truncated or altered file is refused). */
  files?: Record<string, { bytes: number; sha256: string }>;
}

export interface UnitHit {
  unitId: string;
  /** Higher is better. Dense: cosine similarity; lexical: BM25 score. */
  score: number;
}

/** Keeps only units for which it returns true (symbol, year, kind filters). */
export type UnitFilter = (unitId: string) => boolean;

/** A loaded index: the corpus plus dense and lexical search over its chunks, keyed by unit id. */
export interface SearchIndex {
  readonly manifest: IndexManifest;
  readonly corpus: CorpusStore;
  readonly chunks: readonly RetrievalChunk[];
  /** Nearest units to a query vector (best chunk per unit), best first. */
  searchDense(vector: Float32Array, k: number, filter?: UnitFilter): UnitHit[];
  /** BM25 over stemmed terms (no raw substring matching), best unit first. */
  searchLexical(query: string, k: number, filter?: UnitFilter): UnitHit[];
}
