import type { DocumentUnit, UnitKind } from '../corpus/resolution-document.js';

export interface RetrievalFilters {
  symbols?: string[];
  years?: number[];
  kinds?: UnitKind[];
}

export interface RetrievalScores {
  lexical?: number;
  dense?: number;
  fused: number;
  rerank?: number;
}

export interface RetrievedUnit {
  unit: DocumentUnit;
  /** Final score used for ordering (rerank score when a reranker ran, fused score otherwise). */
  score: number;
  scores: RetrievalScores;
}

export interface RetrievalRequest {
  query: string;
  filters?: RetrievalFilters;
  /** How many units to return. */
  k?: number;
  signal?: AbortSignal;
}

export interface Retriever {
  retrieve(request: RetrievalRequest): Promise<RetrievedUnit[]>;
}
