import type { ResolutionDocument, DocumentUnit } from '../../src/corpus/resolution-document.js';
import type { RetrievalChunk } from '../../src/corpus/retrieval-chunk.js';
import type { ScaleCorpus } from '../generate-scale-corpus.js';

/**
 * Shapes a scale corpus as the index store expects it: one document per source resolution, one unit and
 * one chunk per assembled paragraph, so the benchmark writes and loads indexes through the real code.
 */
export function scaleDocumentsAndChunks(corpus: ScaleCorpus): { documents: ResolutionDocument[]; chunks: RetrievalChunk[] } {
  const documents = new Map<string, ResolutionDocument>();
  const chunks: RetrievalChunk[] = new Array(corpus.size);
  for (let row = 0; row < corpus.size; row += 1) {
    const id = corpus.unitIds[row]!;
    const [symbol, unitName] = id.split(':') as [string, string];
    let document = documents.get(symbol);
    if (!document) {
      document = {
        symbol,
        title: `Scale document ${symbol}`,
        body: 'Security Council',
        url: `https://example.invalid/${symbol}`,
        sourceFile: `${symbol}.txt`,
        checksum: symbol,
        units: [],
      };
      documents.set(symbol, document);
    }
    const text = corpus.texts[row]!;
    const label = `${symbol}, para. ${unitName.slice(1)}`;
    const unit: DocumentUnit = { id, unit: unitName, kind: 'operative', label, text, rawText: text, footnotes: [], order: document.units.length, line: document.units.length + 1 };
    document.units.push(unit);
    chunks[row] = { chunkId: `${id}#0`, unitId: id, text, metadata: { symbol, unitId: id, label, kind: 'operative', title: document.title, footnoteTexts: [] } };
  }
  return { documents: [...documents.values()], chunks };
}

/** Top-k rows by exact cosine (rows are L2-normalised), the reference for ANN recall. */
export function exactTopRows(vectors: Float32Array, dimension: number, query: Float32Array, k: number): number[] {
  const rows = vectors.length / dimension;
  const best: Array<{ row: number; score: number }> = [];
  for (let row = 0; row < rows; row += 1) {
    let dot = 0;
    const offset = row * dimension;
    for (let index = 0; index < dimension; index += 1) dot += query[index]! * vectors[offset + index]!;
    if (best.length < k || dot > best[best.length - 1]!.score) {
      best.push({ row, score: dot });
      best.sort((a, b) => b.score - a.score);
      if (best.length > k) best.pop();
    }
  }
  return best.map((entry) => entry.row);
}
