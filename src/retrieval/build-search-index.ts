import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { chunkDocument } from '../corpus/chunk-document.js';
import { PARSER_VERSION } from '../corpus/parse-resolution.js';
import { parseResolutionFile } from '../corpus/parse-resolution-file.js';
import type { ResolutionDocument } from '../corpus/resolution-document.js';
import type { RetrievalChunk } from '../corpus/retrieval-chunk.js';
import type { Embedder } from './embedder.js';
import { IndexLoadError } from './index-load-error.js';
import { readStoredIndex, readStoredVectors, writeSearchIndex, type StoredIndex } from './index-store.js';
import type { IndexManifest } from './search-index.js';
import { DEFAULT_VECTOR_PARAMETERS, type VectorIndexParameters } from './vector-index.js';

export interface IngestProgress {
  phase: 'parse' | 'embed' | 'write';
  done: number;
  total: number;
}

export interface IngestSummary {
  outputDirectory: string;
  documents: number;
  units: number;
  chunks: number;
  /** Documents parsed and embedded in this run (new or changed since the previous index). */
  embeddedDocuments: number;
  /** Documents whose checksum and parser version were unchanged: their stored vectors were reused. */
  reusedDocuments: number;
  embeddedChunks: number;
  reusedChunks: number;
  seconds: number;
  /** Files left out because an earlier file already gave their symbol. */
  duplicates: Array<{ file: string; symbol: string; keptFile: string }>;
  /** Why the previous index could not be reused, when there was one to consider. */
  previousIndexProblem?: string;
  manifest: IndexManifest;
}

export interface BuildSearchIndexOptions {
  files: readonly string[];
  outputDirectory: string;
  embedder: Embedder;
  /** Index whose unchanged documents are reused; defaults to the output folder itself. */
  previousDirectory?: string;
  onProgress?: (progress: IngestProgress) => void;
  /** Texts handed to the embedder at a time (progress is reported after each). */
  embedBatchSize?: number;
  vectorParameters?: VectorIndexParameters;
}

interface DocumentEntry {
  document: ResolutionDocument;
  chunks: RetrievalChunk[];
  /** Stored vectors, packed, when reused; undefined when the chunks must be embedded. */
  reusedVectors?: Float32Array;
}

/** Reusable documents of a stored index by source checksum, each with its chunks' vector rows. */
async function reusableDocuments(stored: StoredIndex): Promise<Map<string, DocumentEntry>> {
  const { dimension } = stored.manifest.embedder;
  const packedVectors = await readStoredVectors(stored);
  const rowsByUnit = new Map<string, number[]>();
  stored.chunks.forEach((chunk, row) => {
    const rows = rowsByUnit.get(chunk.unitId) ?? [];
    rows.push(row);
    rowsByUnit.set(chunk.unitId, rows);
  });
  const entries = new Map<string, DocumentEntry>();
  for (const document of stored.documents) {
    const rows = document.units.flatMap((unit) => rowsByUnit.get(unit.id) ?? []);
    const chunks = rows.map((row) => stored.chunks[row]!);
    const vectors = new Float32Array(rows.length * dimension);
    rows.forEach((row, position) => vectors.set(packedVectors.subarray(row * dimension, (row + 1) * dimension), position * dimension));
    entries.set(document.checksum, { document, chunks, reusedVectors: vectors });
  }
  return entries;
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Parses, chunks and embeds the files and writes the index atomically. Documents whose bytes (and the
 * parser version) are unchanged since the previous index keep their stored vectors. A document the
 * parser cannot understand fails the whole ingest with the parser's error; nothing is written then.
 * A file repeating an earlier file's symbol is left out and reported in `duplicates`.
 */
export async function buildSearchIndex(options: BuildSearchIndexOptions): Promise<IngestSummary> {
  const started = performance.now();
  const { embedder, onProgress } = options;
  const batchSize = options.embedBatchSize ?? 256;

  let reusable = new Map<string, DocumentEntry>();
  let previousIndexProblem: string | undefined;
  try {
    // readStoredIndex refuses an index of another parser version or embedder, so nothing stale is reused.
    reusable = await reusableDocuments(await readStoredIndex(options.previousDirectory ?? options.outputDirectory, embedder));
  } catch (error) {
    if (!(error instanceof IndexLoadError)) throw error;
    if (!error.reason.startsWith('missing (no index')) previousIndexProblem = error.message;
  }

  const entries: DocumentEntry[] = [];
  const duplicates: IngestSummary['duplicates'] = [];
  const sourceOfSymbol = new Map<string, string>();
  for (const [position, file] of options.files.entries()) {
    const checksum = sha256(await readFile(file));
    const previous = reusable.get(checksum);
    let entry: DocumentEntry;
    if (previous) {
      entry = { ...previous, document: { ...previous.document, sourceFile: file } };
    } else {
      const document = await parseResolutionFile(file);
      entry = { document, chunks: chunkDocument(document) };
    }
    const keptFile = sourceOfSymbol.get(entry.document.symbol);
    if (keptFile === undefined) {
      sourceOfSymbol.set(entry.document.symbol, file);
      entries.push(entry);
    } else {
      // Unit ids would collide. Real collections have mislabelled copies (the Security Council set has
      // two), so the first file keeps the symbol and the ingest reports the other instead of failing.
      duplicates.push({ file, symbol: entry.document.symbol, keptFile });
    }
    onProgress?.({ phase: 'parse', done: position + 1, total: options.files.length });
  }

  const toEmbed = entries.filter((entry) => !entry.reusedVectors).flatMap((entry) => entry.chunks);
  const embedded: Float32Array[] = [];
  onProgress?.({ phase: 'embed', done: 0, total: toEmbed.length });
  for (let start = 0; start < toEmbed.length; start += batchSize) {
    const batch = toEmbed.slice(start, start + batchSize);
    const vectors = await embedder.embed(batch.map((chunk) => chunk.text));
    if (vectors.length !== batch.length) throw new Error(`embedder returned ${vectors.length} vectors for ${batch.length} texts`);
    embedded.push(...vectors);
    onProgress?.({ phase: 'embed', done: embedded.length, total: toEmbed.length });
  }

  const { dimension } = embedder;
  const chunks = entries.flatMap((entry) => entry.chunks);
  const packed = new Float32Array(chunks.length * dimension);
  let row = 0;
  let embeddedRow = 0;
  for (const entry of entries) {
    if (entry.reusedVectors) {
      packed.set(entry.reusedVectors, row * dimension);
      row += entry.chunks.length;
      continue;
    }
    for (let index = 0; index < entry.chunks.length; index += 1) {
      const vector = embedded[embeddedRow++]!;
      if (vector.length !== dimension) throw new Error(`embedder returned a vector of ${vector.length} dimensions, expected ${dimension}`);
      packed.set(vector, row++ * dimension);
    }
  }

  onProgress?.({ phase: 'write', done: 0, total: 1 });
  const parameters = options.vectorParameters ?? DEFAULT_VECTOR_PARAMETERS;
  const documents = entries.map((entry) => entry.document);
  const manifest = await writeSearchIndex(options.outputDirectory, {
    documents,
    chunks,
    vectors: packed,
    manifest: {
      parserVersion: PARSER_VERSION,
      embedder: { modelId: embedder.modelId, dimension },
      vector: { space: 'cosine', m: parameters.m, efConstruction: parameters.efConstruction, efSearch: parameters.efSearch, count: chunks.length },
      documents: documents.map((document) => ({ sourceFile: document.sourceFile, checksum: document.checksum, symbol: document.symbol, units: document.units.length })),
      createdAt: new Date().toISOString(),
    },
  });
  onProgress?.({ phase: 'write', done: 1, total: 1 });

  const reusedEntries = entries.filter((entry) => entry.reusedVectors);
  return {
    outputDirectory: options.outputDirectory,
    documents: documents.length,
    units: documents.reduce((sum, document) => sum + document.units.length, 0),
    chunks: chunks.length,
    embeddedDocuments: entries.length - reusedEntries.length,
    reusedDocuments: reusedEntries.length,
    embeddedChunks: toEmbed.length,
    reusedChunks: chunks.length - toEmbed.length,
    seconds: (performance.now() - started) / 1000,
    duplicates,
    ...(previousIndexProblem ? { previousIndexProblem } : {}),
    manifest,
  };
}
