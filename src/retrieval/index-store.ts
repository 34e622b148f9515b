import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PARSER_VERSION } from '../corpus/parse-resolution.js';
import type { ResolutionDocument } from '../corpus/resolution-document.js';
import type { RetrievalChunk } from '../corpus/retrieval-chunk.js';
import { replaceDirectoryAtomically, resolveCurrentDirectory } from './atomic-directory.js';
import { fingerprintFile, syncPath, writeFileDurably } from './durable-file.js';
import { fingerprintFiles } from './fingerprint-files.js';
import { createSearchIndex, packVectors } from './in-memory-search-index.js';
import { IndexLoadError } from './index-load-error.js';
import { CHECKED_FILES, INDEX_FILES, INDEX_FORMAT_VERSION, indexManifestSchema } from './index-layout.js';
import { LexicalIndex } from './lexical-index.js';
import { readStoredChunks, readStoredDocuments } from './stored-contents.js';
import type { IndexManifest, SearchIndex } from './search-index.js';
import { DEFAULT_VECTOR_PARAMETERS, VectorIndex } from './vector-index.js';
import { fileVectorRows, type VectorRows } from './vector-rows.js';

export interface SearchIndexContents {
  documents: readonly ResolutionDocument[];
  chunks: readonly RetrievalChunk[];
  /** One vector per chunk, or all of them packed row after row. */
  vectors: readonly Float32Array[] | Float32Array;
  /** Everything but what the writer fills in itself (format version, file fingerprints). */
  manifest: Omit<IndexManifest, 'formatVersion' | 'files'>;
  /** Called while the hnsw graph is built (every 10 000 points), the slow step of a large write. */
  onGraphProgress?: (inserted: number, total: number) => void;
}

/** A stored index read and verified, without building the search structures. */
export interface StoredIndex {
  /** The folder actually read (the target, or its `.previous` twin after an interrupted swap). */
  directory: string;
  manifest: IndexManifest;
  documents: ResolutionDocument[];
  chunks: RetrievalChunk[];
  /** Path of the verified vectors file; `readStoredVectors` loads it when a caller needs the numbers. */
  vectorsFile: string;
}

function* jsonLines(items: readonly unknown[]): Generator<string> {
  for (const item of items) yield `${JSON.stringify(item)}\n`;
}

/**
 * Writes an index folder: everything goes to a temp folder beside `directory`, each file is fsynced,
 * then the folder is swapped in by rename. A failure or crash at any point leaves the previous index.
 */
export async function writeSearchIndex(directory: string, contents: SearchIndexContents): Promise<IndexManifest> {
  const { dimension } = contents.manifest.embedder;
  const packed = contents.vectors instanceof Float32Array ? contents.vectors : packVectors(contents.vectors, dimension);
  if (packed.length !== contents.chunks.length * dimension) {
    throw new Error(`writeSearchIndex: ${contents.chunks.length} chunks but ${packed.length / dimension} vectors of ${dimension} dimensions`);
  }
  const parameters = { ...DEFAULT_VECTOR_PARAMETERS, ...contents.manifest.vector };
  let manifest: IndexManifest | undefined;
  await replaceDirectoryAtomically(directory, async (temporary) => {
    const files: Record<string, { bytes: number; sha256: string }> = {};
    files[INDEX_FILES.documents] = await writeFileDurably(join(temporary, INDEX_FILES.documents), jsonLines(contents.documents));
    files[INDEX_FILES.chunks] = await writeFileDurably(join(temporary, INDEX_FILES.chunks), jsonLines(contents.chunks));
    files[INDEX_FILES.vectors] = await writeFileDurably(join(temporary, INDEX_FILES.vectors), [new Uint8Array(packed.buffer, packed.byteOffset, packed.byteLength)]);
    const vectorIndex = VectorIndex.build(packed, dimension, contents.chunks.map((chunk) => chunk.unitId), parameters, contents.onGraphProgress);
    const graphPath = join(temporary, INDEX_FILES.graph);
    await vectorIndex.write(graphPath);
    await syncPath(graphPath);
    files[INDEX_FILES.graph] = await fingerprintFile(graphPath);
    files[INDEX_FILES.lexical] = await writeFileDurably(join(temporary, INDEX_FILES.lexical), LexicalIndex.build(contents.chunks).serialize());
    manifest = {
      ...contents.manifest,
      formatVersion: INDEX_FORMAT_VERSION,
      vector: { ...contents.manifest.vector, count: contents.chunks.length },
      files,
    };
    // Written last: a folder without a manifest is never mistaken for a complete index.
    await writeFileDurably(join(temporary, INDEX_FILES.manifest), [`${JSON.stringify(manifest, null, 2)}\n`]);
  });
  return manifest!;
}

/**
 * Reads and verifies an index folder: manifest, format and parser versions, embedder model and
 * dimension, then each file's size and checksum and the counts between files. Any mismatch throws
 * IndexLoadError naming the file.
 */
export async function readStoredIndex(directory: string, embedder: { modelId: string; dimension: number }): Promise<StoredIndex> {
  const current = await resolveCurrentDirectory(directory, INDEX_FILES.manifest);
  if (!current) throw new IndexLoadError(directory, INDEX_FILES.manifest, 'missing (no index has been built here)');
  const fail = (file: string, reason: string): never => {
    throw new IndexLoadError(current, file, reason);
  };

  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(join(current, INDEX_FILES.manifest), 'utf8'));
  } catch (error) {
    fail(INDEX_FILES.manifest, `unreadable or not valid JSON (${(error as Error).message})`);
  }
  const parsed = indexManifestSchema.safeParse(raw);
  if (!parsed.success) fail(INDEX_FILES.manifest, `malformed (${parsed.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')})`);
  const manifest = parsed.data! as IndexManifest & { files: Record<string, { bytes: number; sha256: string }> };

  if (manifest.formatVersion !== INDEX_FORMAT_VERSION) fail(INDEX_FILES.manifest, `format version ${manifest.formatVersion}, this code reads ${INDEX_FORMAT_VERSION}`);
  if (manifest.parserVersion !== PARSER_VERSION) fail(INDEX_FILES.manifest, `built by parser ${manifest.parserVersion}, this code's parser is ${PARSER_VERSION}`);
  if (manifest.embedder.modelId !== embedder.modelId) fail(INDEX_FILES.manifest, `built with embedder ${manifest.embedder.modelId}, the configured embedder is ${embedder.modelId}`);
  if (manifest.embedder.dimension !== embedder.dimension) fail(INDEX_FILES.manifest, `vectors have ${manifest.embedder.dimension} dimensions, the configured embedder gives ${embedder.dimension}`);

  for (const file of CHECKED_FILES) if (!manifest.files[file]) fail(INDEX_FILES.manifest, `records no checksum for ${file}`);
  // Checksums are computed (on a worker thread for a large index) while the JSON lines are parsed;
  // a checksum failure is reported in preference to a parse error of the same damaged file.
  const verification = fingerprintFiles(CHECKED_FILES.map((file) => join(current, file))).then((fingerprints) => {
    CHECKED_FILES.forEach((file, position) => {
      const expected = manifest.files[file]!;
      const actual = fingerprints[position];
      if (!actual) fail(file, 'missing');
      if (actual!.bytes !== expected.bytes) fail(file, `is ${actual!.bytes} bytes, the manifest says ${expected.bytes} (truncated or replaced)`);
      if (actual!.sha256 !== expected.sha256) fail(file, 'checksum does not match the manifest (corrupted or edited)');
    });
  });
  verification.catch(() => {});
  let documents: ResolutionDocument[];
  let chunks: RetrievalChunk[];
  try {
    documents = await readStoredDocuments(current);
    if (documents.length !== manifest.documents.length) fail(INDEX_FILES.documents, `holds ${documents.length} documents, the manifest lists ${manifest.documents.length}`);
    chunks = await readStoredChunks(current, documents);
    if (chunks.length !== manifest.vector.count) fail(INDEX_FILES.chunks, `holds ${chunks.length} chunks, the manifest says ${manifest.vector.count}`);
  } catch (error) {
    await verification;
    throw error;
  }
  await verification;

  // The vectors stay on disk: hnswlib holds its own copy, and exact search reads rows from the file.
  const vectorBytes = manifest.files[INDEX_FILES.vectors]!.bytes;
  if (vectorBytes !== chunks.length * manifest.embedder.dimension * 4) fail(INDEX_FILES.vectors, `is ${vectorBytes} bytes, expected ${chunks.length} × ${manifest.embedder.dimension} float32`);

  return { directory: current, manifest, documents, chunks, vectorsFile: join(current, INDEX_FILES.vectors) };
}

/** All stored vectors packed row after row (for a rebuild that reuses them, or a recall measurement). */
export async function readStoredVectors(stored: StoredIndex): Promise<Float32Array> {
  const bytes = await readFile(stored.vectorsFile);
  const expected = stored.chunks.length * stored.manifest.embedder.dimension * 4;
  if (bytes.length !== expected) throw new IndexLoadError(stored.directory, INDEX_FILES.vectors, `is ${bytes.length} bytes, expected ${expected} (changed since it was verified)`);
  // Copy into an aligned buffer: a Buffer's offset into its pool need not be a multiple of 4.
  const packed = new Float32Array(bytes.length / 4);
  new Uint8Array(packed.buffer).set(bytes);
  return packed;
}

/** Loads a verified index ready to search. Throws IndexLoadError with the fix when it cannot. */
export async function loadSearchIndex(directory: string, embedder: { modelId: string; dimension: number }): Promise<SearchIndex> {
  const stored = await readStoredIndex(directory, embedder);
  const { manifest, chunks } = stored;
  const unitIds = chunks.map((chunk) => chunk.unitId);
  let rows: VectorRows;
  try {
    rows = fileVectorRows(stored.vectorsFile, chunks.length, manifest.embedder.dimension);
  } catch (error) {
    throw new IndexLoadError(stored.directory, INDEX_FILES.vectors, (error as Error).message);
  }
  // hnswlib reads its graph on the libuv thread pool, so the lexical index is decoded meanwhile.
  const [vectorIndex, lexicalIndex] = await Promise.all([
    VectorIndex.read(join(stored.directory, INDEX_FILES.graph), rows, manifest.embedder.dimension, unitIds, { ...DEFAULT_VECTOR_PARAMETERS, ...manifest.vector }).catch((error: Error) => {
      throw new IndexLoadError(stored.directory, INDEX_FILES.graph, error.message);
    }),
    LexicalIndex.read(join(stored.directory, INDEX_FILES.lexical), unitIds).catch((error: Error) => {
      throw new IndexLoadError(stored.directory, INDEX_FILES.lexical, error.message);
    }),
  ]);
  return createSearchIndex({ manifest, documents: stored.documents, chunks, vectorIndex, lexicalIndex });
}
