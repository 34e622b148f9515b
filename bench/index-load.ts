import { join } from 'node:path';
import { INDEX_FILES } from '../src/retrieval/index-layout.js';
import { loadSearchIndex, readStoredIndex } from '../src/retrieval/index-store.js';
import { LexicalIndex } from '../src/retrieval/lexical-index.js';
import { LOCAL_EMBEDDER_DIMENSION, LOCAL_EMBEDDER_MODEL_ID } from '../src/retrieval/local-embedder.js';

/**
 * Load time of a stored index, and the lexical index read from its JSON-lines file vs rebuilt from the
 * chunks (the choice index-store makes), side by side. Usage: tsx bench/index-load.ts <index dir> [runs]
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
const full: number[] = [];
const read: number[] = [];
const rebuilt: number[] = [];
for (let run = 0; run < runs; run += 1) {
  full.push(await time(() => loadSearchIndex(directory, embedder)));
  read.push(await time(() => LexicalIndex.read(join(stored.directory, INDEX_FILES.lexical), unitIds)));
  rebuilt.push(await time(() => LexicalIndex.build(stored.chunks)));
}
console.log(`${stored.documents.length} documents, ${stored.chunks.length} chunks in ${directory}; medians of ${runs} runs`);
console.log(`loadSearchIndex (verify checksums, read all, hnsw, lexical): ${median(full).toFixed(0)} ms`);
console.log(`lexical index read from ${INDEX_FILES.lexical}: ${median(read).toFixed(0)} ms; rebuilt from chunks: ${median(rebuilt).toFixed(0)} ms; ratio ${(median(rebuilt) / median(read)).toFixed(2)}`);
// The first rebuild runs with a cold stemmer memo, as at server start; later ones are warm.
console.log(`runs (ms): load ${full.map((value) => value.toFixed(0)).join(', ')}; read ${read.map((value) => value.toFixed(0)).join(', ')}; rebuild ${rebuilt.map((value) => value.toFixed(0)).join(', ')}`);
