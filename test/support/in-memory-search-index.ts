import MiniSearch from 'minisearch';
import { createCorpusStore } from '../../src/corpus/corpus-store.js';
import type { ResolutionDocument } from '../../src/corpus/resolution-document.js';
import type { RetrievalChunk } from '../../src/corpus/retrieval-chunk.js';
import type { Embedder } from '../../src/retrieval/embedder.js';
import type { SearchIndex, UnitFilter, UnitHit } from '../../src/retrieval/search-index.js';
import { isStopWord, stem, tokenize } from '../../src/retrieval/text-terms.js';

/**
 * A brute-force SearchIndex for tests: exact cosine over every chunk and MiniSearch BM25 over stemmed
 * terms. Independent of hnswlib so retrieval and answer tests run anywhere, fast.
 */
export async function createInMemorySearchIndex(
  documents: readonly ResolutionDocument[],
  embedder: Embedder,
  chunks: readonly RetrievalChunk[] = documents.flatMap(simpleChunks),
): Promise<SearchIndex> {
  const vectors = await embedder.embed(chunks.map((chunk) => chunk.text));
  const lexical = new MiniSearch<{ id: number; text: string }>({
    fields: ['text'],
    processTerm: (term) => {
      const word = term.toLowerCase();
      return isStopWord(word) ? null : stem(word);
    },
    tokenize: (text) => tokenize(text),
  });
  lexical.addAll(chunks.map((chunk, position) => ({ id: position, text: chunk.text })));
  const bestPerUnit = (scored: Array<{ position: number; score: number }>, k: number, filter?: UnitFilter): UnitHit[] => {
    const best = new Map<string, number>();
    for (const { position, score } of scored) {
      const unitId = chunks[position]!.unitId;
      if (filter && !filter(unitId)) continue;
      if (score > (best.get(unitId) ?? -Infinity)) best.set(unitId, score);
    }
    return [...best.entries()]
      .map(([unitId, score]) => ({ unitId, score }))
      .sort((left, right) => right.score - left.score)
      .slice(0, k);
  };
  return {
    manifest: {
      formatVersion: 1,
      parserVersion: 'in-memory',
      embedder: { modelId: embedder.modelId, dimension: embedder.dimension },
      vector: { space: 'cosine', m: 0, efConstruction: 0, efSearch: 0, count: chunks.length },
      documents: documents.map((document) => ({
        sourceFile: document.sourceFile,
        checksum: document.checksum,
        symbol: document.symbol,
        units: document.units.length,
      })),
      createdAt: new Date(0).toISOString(),
    },
    corpus: createCorpusStore(documents),
    chunks,
    searchDense(vector, k, filter) {
      const scored = vectors.map((candidate, position) => ({ position, score: cosine(vector, candidate) }));
      return bestPerUnit(scored, k, filter);
    },
    searchLexical(query, k, filter) {
      const scored = lexical
        .search(query, { combineWith: 'OR' })
        .map((result) => ({ position: Number(result.id), score: result.score }));
      return bestPerUnit(scored, k, filter);
    },
  };
}

function cosine(left: Float32Array, right: Float32Array): number {
  let dot = 0;
  let leftNorm = 0;
  let rightNorm = 0;
  for (let position = 0; position < left.length; position += 1) {
    const a = left[position] ?? 0;
    const b = right[position] ?? 0;
    dot += a * b;
    leftNorm += a * a;
    rightNorm += b * b;
  }
  return dot / (Math.sqrt(leftNorm * rightNorm) || 1);
}

/** One chunk per unit: lead-in + text, the way the real chunker embeds sub-paragraphs. */
function simpleChunks(document: ResolutionDocument): RetrievalChunk[] {
  return document.units.map((unit) => ({
    chunkId: `${unit.id}#0`,
    unitId: unit.id,
    text: [unit.leadIn, unit.text].filter(Boolean).join(' '),
    metadata: {
      symbol: document.symbol,
      unitId: unit.id,
      label: unit.label,
      kind: unit.kind,
      title: document.title,
      ...(document.date ? { date: document.date } : {}),
      ...(document.year !== undefined ? { year: document.year } : {}),
      footnoteTexts: unit.footnotes.map((id) => document.units.find((candidate) => candidate.id === id)?.text ?? ''),
    },
  }));
}
