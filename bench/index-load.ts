import { join } from 'node:path';
import { fingerprintFile } from '../src/retrieval/durable-file.js';
import { CHECKED_FILES, INDEX_FILES } from '../src/retrieval/index-layout.js';
import { loadSearchIndex, readStoredIndex } from '../src/retrieval/index-store.js';
import { LexicalIndex } from '../src/retrieval/lexical-index.js';
import { LOCAL_EMBEDDER_DIMENSION, LOCAL_EMBEDDER_MODEL_ID } from '../src/retrieval/local-embedder.js';
import { readStoredChunks, readStoredDocuments } from '../src/retrieval/stored-contents.js';
import { DEFAULT_VECTOR_PARAMETERS, VectorIndex } from '../src/retrieval/vector-index.js';
import { fileVectorRows } from '../src/retrieval/vector-rows.js';

/**
 * Where the load time of a stored index goes: checksums per file, documents and chunks JSON lines, the
 * hnsw graph, the lexical index read vs rebuilt from the chunks; then loadSearchIndex as a whole.
 * Usage: tsx bench/index-load.ts <index dir> [runs]
 */
const directory = process.argv[2] ?? 'data/index';
const runs = Number(process.argv[3] ?? 3);
const embedder = { modelId: LOCAL_EMBEDDER_MODEL_ID, dimension: LOCAL_EMBEDDER_DIMENSION };
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const time = async (action: () => Promise<unknown> | unknown): Promise<number> => {
  const started = performance.now();
  await action();
  return performance.now() - started;
};

const stored = await readStoredIndex(directory, embedder);
const unitIds = stored.chunks.map((chunk) => chunk.unitId);
const stages = new Map<string, number[]>();
const record = (name: string, milliseconds: number) => stages.set(name, [...(stages.get(name) ?? []), milliseconds]);
for (let run = 0; run < runs; run += 1) {
  for (const file of CHECKED_FILES) record(`sha256 ${file}`, await time(() => fingerprintFile(join(stored.directory, file))));
  let documents = stored.documents;
  record('documents.jsonl parsed', await time(async () => (documents = await readStoredDocuments(stored.directory))));
  record('chunks.jsonl parsed', await time(() => readStoredChunks(stored.directory, documents)));
  const rows = fileVectorRows(stored.vectorsFile, stored.chunks.length, embedder.dimension);
  record('hnsw graph read', await time(() => VectorIndex.read(join(stored.directory, INDEX_FILES.graph), rows, embedder.dimension, unitIds, { ...DEFAULT_VECTOR_PARAMETERS, ...stored.manifest.vector })));
  record(`lexical read from ${INDEX_FILES.lexical}`, await time(() => LexicalIndex.read(join(stored.directory, INDEX_FILES.lexical), unitIds)));
  record('lexical rebuilt from chunks', await time(() => LexicalIndex.build(stored.chunks)));
  record('loadSearchIndex (all of it)', await time(() => loadSearchIndex(directory, embedder)));
}
console.log(`${stored.documents.length} documents, ${stored.chunks.length} chunks in ${directory}; medians of ${runs} runs (ms)`);
for (const [name, values] of stages) console.log(`${name.padEnd(40)} ${median(values).toFixed(0).padStart(7)}   (${values.map((value) => value.toFixed(0)).join(', ')})`);
