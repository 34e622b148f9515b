import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Embedder } from '../src/retrieval/embedder.js';
import { createSeededRandom } from './support/seeded-random.js';

export const SECURITY_COUNCIL_DIRECTORY = '/work/shared/corpus-extra/security-council';
export const SCALE_CACHE_DIRECTORY = 'data/bench';

/**
 * How scale corpora are made (quoted in the result files):
 * 1. Every Security Council text is cut into paragraphs at blank lines, whitespace is collapsed, and each
 *    paragraph is cut into sentences after `.`, `;` or `:` followed by a capital or digit (resolution
 *    clauses end in `;`). Sentences of 40–400 characters are kept: the sentence pool.
 * 2. A unit is 1–3 sentences drawn at random (seeded) from one document, joined with a space, so each unit
 *    reads like a paragraph of that resolution and its words keep their real co-occurrence.
 * 3. Vectors: with `method: 'encoder'` every unit text is embedded by the bundled encoder. With
 *    `method: 'derived'` each pool sentence is embedded once by the encoder, and a unit's vector is the
 *    L2-normalised weighted sum of its sentences' vectors, with weights drawn uniformly in [0.5, 1]. A
 *    unit of one sentence gets that sentence's vector exactly, so such units repeat vectors. Embedding a million texts on 2 cores would take hours; a mix of real
 *    sentence vectors keeps the real geometry (clusters by topic) that ANN recall depends on.
 */
export const SCALE_CORPUS_METHOD = [
  'Sentence pool: each Security Council text is cut into paragraphs at blank lines and into sentences after `.`, `;` or `:` followed by a capital or digit; sentences of 40–400 characters are kept.',
  'Units: 1–3 sentences drawn at random (seeded, mulberry32) from one document, joined — each reads like a paragraph of that resolution.',
  "Vectors at 10k: every unit text embedded by the bundled encoder (USE lite, 512 dims). At 100k and 1M: each pool sentence is embedded once by the same encoder; a unit's vector is the L2-normalised sum of its sentences' vectors weighted by uniform draws in [0.5, 1]. A unit of one sentence therefore has exactly that sentence's vector: a third of the units share a vector with others (≈ 3 per pool sentence at 100k, ≈ 32 at 1M), which is why recall counts ties.",
].join('\n');

export interface SentencePool {
  sentences: string[];
  /** Index of the source document of each sentence. */
  documentOfSentence: number[];
  /** Sentence indices of each document. */
  sentencesOfDocument: number[][];
  documentNames: string[];
}

export interface ScaleCorpus {
  size: number;
  method: 'encoder' | 'derived';
  texts: string[];
  unitIds: string[];
  /** Pool sentence indices each unit is assembled from. */
  sources: number[][];
  dimension: number;
  /** Unit vectors packed row after row, L2-normalised. */
  vectors: Float32Array;
}

export function splitSentences(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .flatMap((paragraph) => paragraph.split(/(?<=[.;:])\s+(?=[A-Z0-9(])/))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length >= 40 && sentence.length <= 400);
}

export async function loadSentencePool(directory = SECURITY_COUNCIL_DIRECTORY): Promise<SentencePool> {
  const documentNames = (await readdir(directory)).filter((file) => file.endsWith('.txt')).sort();
  const pool: SentencePool = { sentences: [], documentOfSentence: [], sentencesOfDocument: [], documentNames: [] };
  for (const name of documentNames) {
    const sentences = splitSentences(await readFile(join(directory, name), 'utf8'));
    if (sentences.length === 0) continue;
    const documentIndex = pool.documentNames.length;
    pool.documentNames.push(name);
    pool.sentencesOfDocument.push(sentences.map((_, offset) => pool.sentences.length + offset));
    for (const sentence of sentences) {
      pool.sentences.push(sentence);
      pool.documentOfSentence.push(documentIndex);
    }
  }
  return pool;
}

/** Which sentences make each unit: deterministic for a (pool, size, seed). */
export function assembleUnits(pool: SentencePool, size: number, seed = 7): { texts: string[]; unitIds: string[]; sources: number[][] } {
  const random = createSeededRandom(seed);
  const texts: string[] = new Array(size);
  const unitIds: string[] = new Array(size);
  const sources: number[][] = new Array(size);
  const perDocument = new Map<number, number>();
  for (let unit = 0; unit < size; unit += 1) {
    // Picking a sentence first weights documents by their length, as a real corpus would.
    const first = Math.floor(random() * pool.sentences.length);
    const documentIndex = pool.documentOfSentence[first]!;
    const candidates = pool.sentencesOfDocument[documentIndex]!;
    const count = Math.min(candidates.length, 1 + Math.floor(random() * 3));
    const chosen = [first];
    while (chosen.length < count) {
      const next = candidates[Math.floor(random() * candidates.length)]!;
      if (!chosen.includes(next)) chosen.push(next);
    }
    chosen.sort((a, b) => a - b);
    const paragraph = (perDocument.get(documentIndex) ?? 0) + 1;
    perDocument.set(documentIndex, paragraph);
    sources[unit] = chosen;
    texts[unit] = chosen.map((index) => pool.sentences[index]!).join(' ');
    unitIds[unit] = `SCALE/${documentIndex}:P${paragraph}`;
  }
  return { texts, unitIds, sources };
}

function normalizeInPlace(vector: Float32Array): void {
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm) || 1;
  for (let index = 0; index < vector.length; index += 1) vector[index]! /= norm;
}

/** Mixes pool sentence vectors into unit vectors (see SCALE_CORPUS_METHOD). */
export function deriveUnitVectors(sources: readonly number[][], poolVectors: Float32Array, dimension: number, seed = 11): Float32Array {
  const random = createSeededRandom(seed);
  const packed = new Float32Array(sources.length * dimension);
  for (let unit = 0; unit < sources.length; unit += 1) {
    const row = packed.subarray(unit * dimension, (unit + 1) * dimension);
    for (const sentence of sources[unit]!) {
      const weight = 0.5 + random() * 0.5;
      const offset = sentence * dimension;
      for (let index = 0; index < dimension; index += 1) row[index]! += weight * poolVectors[offset + index]!;
    }
    normalizeInPlace(row);
  }
  return packed;
}

async function readCachedVectors(file: string, expectedLength: number): Promise<Float32Array | undefined> {
  try {
    const bytes = await readFile(file);
    if (bytes.byteLength !== expectedLength * 4) return undefined;
    return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  } catch {
    return undefined;
  }
}

async function embedPacked(embedder: Embedder, texts: readonly string[], onProgress?: (done: number) => void): Promise<Float32Array> {
  const packed = new Float32Array(texts.length * embedder.dimension);
  const step = 1024;
  for (let start = 0; start < texts.length; start += step) {
    const vectors = await embedder.embed(texts.slice(start, start + step));
    vectors.forEach((vector, offset) => packed.set(vector, (start + offset) * embedder.dimension));
    onProgress?.(Math.min(texts.length, start + step));
  }
  return packed;
}

/** Embeds texts once per (model, texts) and keeps the vectors as a binary file under data/bench. */
export async function embedWithCache(
  embedder: Embedder,
  texts: readonly string[],
  name: string,
  cacheDirectory = SCALE_CACHE_DIRECTORY,
  onProgress?: (done: number) => void,
): Promise<Float32Array> {
  const digest = createHash('sha256').update(embedder.modelId).update('\n').update(texts.join('\n')).digest('hex').slice(0, 16);
  const file = join(cacheDirectory, `${name}-${digest}.f32`);
  const cached = await readCachedVectors(file, texts.length * embedder.dimension);
  if (cached) return cached;
  const packed = await embedPacked(embedder, texts, onProgress);
  await mkdir(cacheDirectory, { recursive: true });
  await writeFile(file, new Uint8Array(packed.buffer, packed.byteOffset, packed.byteLength));
  return packed;
}

export interface GenerateScaleCorpusOptions {
  size: number;
  embedder: Embedder;
  /** 'encoder' embeds every unit text; 'derived' mixes sentence vectors. Default: encoder up to 20k units. */
  method?: 'encoder' | 'derived';
  pool?: SentencePool;
  seed?: number;
  cacheDirectory?: string;
  onProgress?: (message: string) => void;
}

export async function generateScaleCorpus(options: GenerateScaleCorpusOptions): Promise<ScaleCorpus> {
  const pool = options.pool ?? (await loadSentencePool());
  const method = options.method ?? (options.size <= 20_000 ? 'encoder' : 'derived');
  const { texts, unitIds, sources } = assembleUnits(pool, options.size, options.seed);
  const dimension = options.embedder.dimension;
  const progress = (label: string, total: number) => (done: number) => options.onProgress?.(`${label}: ${done}/${total}`);
  let vectors: Float32Array;
  if (method === 'encoder') {
    vectors = await embedWithCache(options.embedder, texts, `units-${options.size}`, options.cacheDirectory, progress('embedding units', texts.length));
  } else {
    const poolVectors = await embedWithCache(options.embedder, pool.sentences, 'sentence-pool', options.cacheDirectory, progress('embedding sentence pool', pool.sentences.length));
    vectors = deriveUnitVectors(sources, poolVectors, dimension);
  }
  return { size: options.size, method, texts, unitIds, sources, dimension, vectors };
}

/** `tsx bench/generate-scale-corpus.ts 10000 100000` embeds and caches what those sizes need. */
if (import.meta.url === `file://${process.argv[1]}`) {
  const { createParallelEmbedder } = await import('../src/retrieval/parallel-embedder.js');
  const embedder = await createParallelEmbedder();
  const pool = await loadSentencePool();
  console.log(`sentence pool: ${pool.sentences.length} sentences from ${pool.documentNames.length} documents`);
  for (const size of process.argv.slice(2).map(Number)) {
    const started = performance.now();
    const corpus = await generateScaleCorpus({ size, embedder, pool, onProgress: (message) => process.stdout.write(`\r${message}   `) });
    console.log(`\n${size} units (${corpus.method}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  await embedder.close();
}
