import type { Config } from '../config.js';
import { listCorpusFiles } from '../corpus/list-corpus-files.js';
import { resolveCurrentDirectory } from './atomic-directory.js';
import { buildSearchIndex } from './build-search-index.js';
import { createIngestEmbedder } from './create-ingest-embedder.js';
import type { Embedder } from './embedder.js';
import { INDEX_FILES } from './index-layout.js';
import { loadSearchIndex } from './index-store.js';
import { LOCAL_EMBEDDER_MODEL_ID } from './local-embedder.js';
import type { SearchIndex } from './search-index.js';

export interface EnsureSearchIndexOptions {
  /** A faster embedder for the one-off ingest (the worker pool); must produce the same model's vectors. */
  ingestEmbedder?: Embedder;
}

/**
 * Loads the index from INDEX_DIR, first ingesting CORPUS_DIR when no index exists there (so `npm start`
 * works on a fresh clone). An existing but unusable index is not overwritten: the load error tells the
 * operator to re-ingest, since it may hold a corpus other than the bundled one.
 */
export async function ensureSearchIndex(
  config: Config,
  embedder: Embedder,
  log: (message: string) => void = () => {},
  options: EnsureSearchIndexOptions = {},
): Promise<SearchIndex> {
  if (!(await resolveCurrentDirectory(config.INDEX_DIR, INDEX_FILES.manifest))) {
    log(`No index in ${config.INDEX_DIR}; ingesting ${config.CORPUS_DIR} first.`);
    const files = await listCorpusFiles([config.CORPUS_DIR]);
    if (files.length === 0) throw new Error(`No corpus files found in ${config.CORPUS_DIR} (set CORPUS_DIR or run npm run ingest -- <files>).`);
    // The bundled encoder ingests ~2× faster as a worker pool; same model, so the vectors agree.
    const pool = !options.ingestEmbedder && config.EMBEDDINGS === 'local' && embedder.modelId === LOCAL_EMBEDDER_MODEL_ID ? await createIngestEmbedder(config) : undefined;
    let summary;
    try {
      summary = await buildSearchIndex({ files, outputDirectory: config.INDEX_DIR, embedder: options.ingestEmbedder ?? pool ?? embedder });
    } finally {
      await pool?.close();
    }
    log(`Ingested ${summary.documents} documents, ${summary.units} units, ${summary.chunks} chunks in ${summary.seconds.toFixed(1)} s.`);
  }
  return loadSearchIndex(config.INDEX_DIR, embedder);
}
