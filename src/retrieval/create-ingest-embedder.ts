import { availableParallelism } from 'node:os';
import type { Config } from '../config.js';
import { openAiEmbedderOptions } from './create-embedder.js';
import type { Embedder } from './embedder.js';
import { createLocalEmbedder, LOCAL_EMBEDDER_DIMENSION, LOCAL_EMBEDDER_MODEL_ID } from './local-embedder.js';
import { createOpenAiEmbedder } from './openai-embedder.js';
import { createParallelEmbedder } from './parallel-embedder.js';

export interface IngestEmbedder extends Embedder {
  close(): Promise<void>;
}

/**
 * Niceness of bulk embedding (0 normal … 19 lowest). An ingest beside a running server took both cores
 * and doubled the server's p99 (bench/results/ingest-throughput.md); at low priority it gets every cycle
 * the server leaves idle and yields the rest. On an idle machine it runs as fast as before.
 */
export const INGEST_NICENESS = 19;

/**
 * The embedder for bulk ingest. Locally it is a worker pool (one encoder per core, `EMBEDDING_WORKERS`
 * overrides, threads at INGEST_NICENESS), which embedded ~2× faster than one thread on 2 cores
 * (bench/results/ingest.md); with one worker the encoder runs in-process. The model loads on the
 * first call only, so a re-ingest that reuses every stored vector does not pay for it.
 */
export async function createIngestEmbedder(config: Config): Promise<IngestEmbedder> {
  if (config.EMBEDDINGS === 'openai') {
    const embedder = await createOpenAiEmbedder(openAiEmbedderOptions(config));
    return { modelId: embedder.modelId, dimension: embedder.dimension, embed: (texts) => embedder.embed(texts), close: async () => {} };
  }
  const workers = config.EMBEDDING_WORKERS > 0 ? config.EMBEDDING_WORKERS : availableParallelism();
  let started: Promise<Embedder & { close?: () => Promise<void> }> | undefined;
  const start = () => (started ??= workers > 1 ? createParallelEmbedder({ workers, niceness: INGEST_NICENESS }) : createLocalEmbedder());
  return {
    modelId: LOCAL_EMBEDDER_MODEL_ID,
    dimension: LOCAL_EMBEDDER_DIMENSION,
    embed: async (texts) => (await start()).embed(texts),
    close: async () => {
      if (started) await (await started).close?.();
    },
  };
}
