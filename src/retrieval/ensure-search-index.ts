import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { listCorpusFiles } from '../corpus/list-corpus-files.js';
import { resolveCurrentDirectory } from './atomic-directory.js';
import { buildSearchIndex } from './build-search-index.js';
import { createIngestEmbedder } from './create-ingest-embedder.js';
import type { Embedder } from './embedder.js';
import { INDEX_FILES, INDEX_FORMAT_VERSION } from './index-layout.js';
import { loadSearchIndex } from './index-store.js';
import { LOCAL_EMBEDDER_MODEL_ID } from './local-embedder.js';
import type { SearchIndex } from './search-index.js';

export interface EnsureSearchIndexOptions {
  /** A faster embedder for the one-off ingest (the worker pool); must produce the same model's vectors. */
  ingestEmbedder?: Embedder;
}

/**
 * Source files of an index an older version of this code wrote, when every one of them is still on
 * disk unchanged, so rebuilding it loses nothing; undefined for any other index.
 */
async function sourcesOfOlderFormatIndex(directory: string): Promise<string[] | undefined> {
  const current = await resolveCurrentDirectory(directory, INDEX_FILES.manifest);
  if (!current) return undefined;
  let manifest: { formatVersion?: unknown; documents?: Array<{ sourceFile?: unknown; checksum?: unknown }> };
  try {
    manifest = JSON.parse(await readFile(join(current, INDEX_FILES.manifest), 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof manifest.formatVersion !== 'number' || manifest.formatVersion >= INDEX_FORMAT_VERSION || !Array.isArray(manifest.documents)) return undefined;
  const files: string[] = [];
  for (const document of manifest.documents) {
    if (typeof document.sourceFile !== 'string') return undefined;
    try {
      if (createHash('sha256').update(await readFile(document.sourceFile)).digest('hex') !== document.checksum) return undefined;
    } catch {
      return undefined;
    }
    files.push(document.sourceFile);
  }
  return files.length > 0 ? files : undefined;
}

/**
 * Loads the index from INDEX_DIR, first ingesting CORPUS_DIR when no index exists there (so `npm start`
 * works on a fresh clone). An index in an older file format is rebuilt from its own source files when
 * they are all still there unchanged. Any other unusable index is not overwritten: the load error tells
 * the operator to re-ingest, since it may hold a corpus other than the bundled one.
 */
export async function ensureSearchIndex(
  config: Config,
  embedder: Embedder,
  log: (message: string) => void = () => {},
  options: EnsureSearchIndexOptions = {},
): Promise<SearchIndex> {
  const ingest = async (files: readonly string[]) => {
    // The bundled encoder ingests ~2× faster as a worker pool; same model, so the vectors agree.
    const pool = !options.ingestEmbedder && config.EMBEDDINGS === 'local' && embedder.modelId === LOCAL_EMBEDDER_MODEL_ID ? await createIngestEmbedder(config) : undefined;
    try {
      return await buildSearchIndex({ files, outputDirectory: config.INDEX_DIR, embedder: options.ingestEmbedder ?? pool ?? embedder });
    } finally {
      await pool?.close();
    }
  };
  if (!(await resolveCurrentDirectory(config.INDEX_DIR, INDEX_FILES.manifest))) {
    log(`No index in ${config.INDEX_DIR}; ingesting ${config.CORPUS_DIR} first.`);
    const files = await listCorpusFiles([config.CORPUS_DIR]);
    if (files.length === 0) throw new Error(`No corpus files found in ${config.CORPUS_DIR} (set CORPUS_DIR or run npm run ingest -- <files>).`);
    const summary = await ingest(files);
    log(`Ingested ${summary.documents} documents, ${summary.units} units, ${summary.chunks} chunks in ${summary.seconds.toFixed(1)} s.`);
  }
  const olderSources = await sourcesOfOlderFormatIndex(config.INDEX_DIR);
  if (olderSources) {
    log(`The index in ${config.INDEX_DIR} has an older file format; rebuilding it from its ${olderSources.length} source files.`);
    const summary = await ingest(olderSources);
    log(`Rebuilt ${summary.documents} documents, ${summary.chunks} chunks in ${summary.seconds.toFixed(1)} s.`);
  }
  return loadSearchIndex(config.INDEX_DIR, embedder);
}
