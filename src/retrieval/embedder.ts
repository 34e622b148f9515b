/** Turns texts into vectors. Injected everywhere so tests can use a deterministic fake. */
export interface Embedder {
  /** Recorded in the index manifest; an index built by another model is refused at load. */
  readonly modelId: string;
  readonly dimension: number;
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}
