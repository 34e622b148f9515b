import OpenAI from 'openai';
import type { Embedder } from './embedder.js';
import { normalizeVector } from './normalize-vector.js';

export interface OpenAiEmbedderOptions {
  /** Any OpenAI-compatible base URL, e.g. `https://api.openai.com/v1` or `http://localhost:11434/v1`. */
  baseURL: string;
  apiKey?: string;
  model: string;
  /** Requested output size (models that support shortening); otherwise learned from one probe call. */
  dimension?: number;
  /** Inputs per request; endpoints cap the batch (OpenAI: 2048). */
  batchSize?: number;
  timeoutMs?: number;
  maxRetries?: number;
}

/**
 * Embeddings from an OpenAI-compatible `/v1/embeddings` endpoint, selected by configuration in place of
 * the bundled encoder. Vectors are L2-normalised so the index treats both embedders alike.
 */
export async function createOpenAiEmbedder(options: OpenAiEmbedderOptions): Promise<Embedder> {
  const client = new OpenAI({
    baseURL: options.baseURL,
    // Local servers (Ollama, llama.cpp) ignore the key, but the SDK refuses to start without one.
    apiKey: options.apiKey ?? 'unused',
    timeout: options.timeoutMs ?? 30_000,
    maxRetries: options.maxRetries ?? 2,
  });
  const batchSize = options.batchSize ?? 256;

  const request = async (input: string[]): Promise<Float32Array[]> => {
    const response = await client.embeddings.create({
      model: options.model,
      input,
      // Without this the SDK asks for base64; floats work with every compatible server.
      encoding_format: 'float',
      ...(options.dimension ? { dimensions: options.dimension } : {}),
    });
    if (response.data.length !== input.length) {
      throw new Error(`embeddings endpoint returned ${response.data.length} vectors for ${input.length} inputs`);
    }
    // The protocol allows any order; `index` says which input a vector belongs to.
    const ordered = [...response.data].sort((a, b) => a.index - b.index);
    return ordered.map((item) => normalizeVector(item.embedding));
  };

  const dimension = options.dimension ?? (await request(['dimension probe']))[0]?.length;
  if (!dimension) throw new Error(`embeddings endpoint ${options.baseURL} returned an empty vector for model ${options.model}`);

  return {
    modelId: `openai-compatible:${options.model}`,
    dimension,
    async embed(texts) {
      const vectors: Float32Array[] = [];
      for (let start = 0; start < texts.length; start += batchSize) {
        const batch = await request(texts.slice(start, start + batchSize).map((text) => (text === '' ? ' ' : text)));
        for (const vector of batch) {
          if (vector.length !== dimension) throw new Error(`embeddings endpoint returned ${vector.length} dimensions, expected ${dimension}`);
          vectors.push(vector);
        }
      }
      return vectors;
    },
  };
}
