import { createLocalEmbedder } from '../src/retrieval/local-embedder.js';
import { readStoredIndex, readStoredVectors } from '../src/retrieval/index-store.js';
import { DEFAULT_VECTOR_PARAMETERS } from '../src/retrieval/vector-index.js';
import { measureVectorRecall } from '../src/retrieval/vector-recall.js';

/**
 * Recall@10 of the hnswlib search against exact search for several efSearch values, on the stored
 * vectors of an index (held-out chunks as queries). Usage: tsx bench/vector-recall.ts <index dir> [queries]
 */
const directory = process.argv[2] ?? 'data/index';
const queryCount = Number(process.argv[3] ?? 300);
const { modelId, dimension } = await createLocalEmbedder();
const stored = await readStoredIndex(directory, { modelId, dimension });
const started = performance.now();
const measurements = measureVectorRecall({
  packed: await readStoredVectors(stored),
  dimension,
  chunkUnitIds: stored.chunks.map((chunk) => chunk.unitId),
  efValues: [10, 16, 32, 64, 128],
  queryCount,
  seed: 7,
  parameters: DEFAULT_VECTOR_PARAMETERS,
});
console.log(`${stored.chunks.length} chunks in ${directory}, ${queryCount} held-out queries, M=${DEFAULT_VECTOR_PARAMETERS.m}, efConstruction=${DEFAULT_VECTOR_PARAMETERS.efConstruction}`);
for (const { efSearch, recall } of measurements) console.log(`efSearch=${efSearch}: recall@10 = ${recall.toFixed(4)}`);
console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s including the graph build)`);
