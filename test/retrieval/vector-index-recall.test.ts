import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../src/corpus/chunk-document.js';
import { parseResolutionFile } from '../../src/corpus/parse-resolution-file.js';
import { packVectors } from '../../src/retrieval/in-memory-search-index.js';
import { createParallelEmbedder } from '../../src/retrieval/parallel-embedder.js';
import { DEFAULT_VECTOR_PARAMETERS } from '../../src/retrieval/vector-index.js';
import { measureVectorRecall, seededRandom } from '../../src/retrieval/vector-recall.js';

const SECURITY_COUNCIL = '/work/shared/corpus-extra/security-council';

/**
 * Real embeddings of the bundled corpus plus a seeded sample of Security Council texts; the chosen
 * efSearch must reach recall@10 ≥ 0.98 against exact search. Takes ~15 s on an idle 2-core machine (it runs the real encoder), minutes under heavy load.
 */
describe('vector index recall', () => {
  it('should reach recall@10 of at least 0.98 against exact search with the default efSearch', async () => {
    const random = seededRandom(2024);
    const councilFiles = (await readdir(SECURITY_COUNCIL)).sort().filter(() => random() < 0.015).map((name) => join(SECURITY_COUNCIL, name));
    const files = ['corpus/A_RES_76_172.txt', 'corpus/A_RES_74_148.txt', ...councilFiles];
    const chunks = (await Promise.all(files.map(parseResolutionFile))).flatMap((document) => chunkDocument(document));
    expect(chunks.length).toBeGreaterThan(350);

    const embedder = await createParallelEmbedder({ workers: 2 });
    let vectors: Float32Array[];
    try {
      vectors = await embedder.embed(chunks.map((chunk) => chunk.text));
    } finally {
      await embedder.close();
    }
    const measurements = measureVectorRecall({
      packed: packVectors(vectors, 512),
      dimension: 512,
      chunkUnitIds: chunks.map((chunk) => chunk.unitId),
      efValues: [10, 32, DEFAULT_VECTOR_PARAMETERS.efSearch, 128],
      queryCount: 100,
      seed: 7,
      parameters: DEFAULT_VECTOR_PARAMETERS,
    });
    console.info(`${chunks.length} chunks, ${measurements[0]!.queries} held-out queries: ${measurements.map((m) => `ef=${m.efSearch} recall@10=${m.recall.toFixed(4)}`).join('; ')}`);
    const atDefault = measurements.find((measurement) => measurement.efSearch === DEFAULT_VECTOR_PARAMETERS.efSearch);
    expect(atDefault!.recall).toBeGreaterThanOrEqual(0.98);
  }, 300_000);
});
