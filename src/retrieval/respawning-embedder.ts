import type { Embedder } from './embedder.js';

/** An embedder that can tell it will never work again (its worker thread died). */
export interface BreakableEmbedder extends Embedder {
  readonly broken: boolean;
  close?(): Promise<void>;
}

export interface RespawningEmbedderOptions {
  /** Milliseconds since epoch or any monotonic clock; injected so tests need no waiting. */
  clock: () => number;
  /** After a failed respawn, calls fail fast for this long before the next attempt. */
  retryDelayMs?: number;
}

/**
 * A long-lived query embedder that replaces its worker-backed embedder once that one breaks. Without
 * it, one crashed encoder thread would leave the server unable to answer until someone restarted it.
 * The call that met the broken embedder still fails (its vectors are lost); the next call gets a
 * fresh one. Respawns are spaced by `retryDelayMs` so a model that cannot load does not spin.
 */
export function createRespawningEmbedder(
  first: BreakableEmbedder,
  create: () => Promise<BreakableEmbedder>,
  options: RespawningEmbedderOptions,
): Embedder {
  const retryDelayMs = options.retryDelayMs ?? 5_000;
  let current: BreakableEmbedder = first;
  let respawning: Promise<BreakableEmbedder> | undefined;
  let lastFailure: { at: number; error: unknown } | undefined;

  const usable = async (): Promise<BreakableEmbedder> => {
    if (!current.broken) return current;
    if (respawning) return respawning;
    if (lastFailure && options.clock() - lastFailure.at < retryDelayMs) throw lastFailure.error;
    const broken = current;
    respawning = create().then(
      (fresh) => {
        current = fresh;
        lastFailure = undefined;
        broken.close?.().catch(() => undefined);
        return fresh;
      },
      (error: unknown) => {
        lastFailure = { at: options.clock(), error };
        throw error;
      },
    );
    try {
      return await respawning;
    } finally {
      respawning = undefined;
    }
  };

  return {
    modelId: first.modelId,
    dimension: first.dimension,
    async embed(texts) {
      return (await usable()).embed(texts);
    },
  };
}
