import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { createAnswerService } from '../src/answer/create-answer-service.js';
import { PARSER_VERSION } from '../src/corpus/parse-resolution.js';
import { createHybridRetriever, defaultFusion } from '../src/retrieval/hybrid-retriever.js';
import { INDEX_FILES, INDEX_FORMAT_VERSION } from '../src/retrieval/index-layout.js';
import { loadSearchIndex, writeSearchIndex } from '../src/retrieval/index-store.js';
import { createLocalEmbedder } from '../src/retrieval/local-embedder.js';
import { fuseHits } from '../src/retrieval/rank-fusion.js';
import type { UnitHit } from '../src/retrieval/search-index.js';
import { DEFAULT_VECTOR_PARAMETERS, VectorIndex } from '../src/retrieval/vector-index.js';
import { packedVectorRows } from '../src/retrieval/vector-rows.js';
import { generateScaleCorpus, SCALE_CACHE_DIRECTORY } from './generate-scale-corpus.js';
import { label, report, type BuildFigures, type QueryFigures } from './retrieval-report.js';
import { SCALE_QUERIES } from './support/benchmark-queries.js';
import { readFlag, readListFlag, readNumberFlag } from './support/command-flags.js';
import { residentMegabytes, type RunEnvironment } from './support/run-environment.js';
import { scaleDocumentsAndChunks, exactTopRows } from './support/scale-index.js';
import { formatMilliseconds, summarizeTimings } from './support/timing-statistics.js';

/**
 * Retrieval cost at 10k, 100k and 1M units. Each size runs as two child processes — build, then a cold
 * load and queries — so RSS and load time are those of a fresh server, not of the builder.
 *   npm run bench -- retrieval [--sizes 10000,100000,1000000] [--passes 5] [--reuse] [--ef-construction 64]
 * --reuse keeps an index already built for a size (and its recorded build figures) if the code still
 * reads its format; --render <result json> re-renders a saved run's markdown with the current text.
 */
const indexDirectory = (size: number) => join(SCALE_CACHE_DIRECTORY, `index-${size}`);

async function directoryMegabytes(directory: string): Promise<number> {
  let bytes = 0;
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    if (entry.isFile()) bytes += (await stat(join(directory, entry.name))).size;
  }
  return bytes / 1024 ** 2;
}

async function buildPhase(size: number, efConstruction: number): Promise<BuildFigures> {
  const embedder = await createLocalEmbedder();
  const corpusStarted = performance.now();
  const corpus = await generateScaleCorpus({ size, embedder });
  const corpusSeconds = (performance.now() - corpusStarted) / 1000;
  const { documents, chunks } = scaleDocumentsAndChunks(corpus);
  const parameters = { ...DEFAULT_VECTOR_PARAMETERS, efConstruction };
  await rm(indexDirectory(size), { recursive: true, force: true });
  const started = performance.now();
  let previous = { time: started, inserted: 0 };
  await writeSearchIndex(indexDirectory(size), {
    documents,
    chunks,
    vectors: corpus.vectors,
    onGraphProgress: (inserted, total) => {
      const now = performance.now();
      // The first interval also covers writing the JSON-lines and vector files.
      const rate = (inserted - previous.inserted) / ((now - previous.time) / 1000);
      previous = { time: now, inserted };
      console.error(`retrieval ${label(size)}: hnsw ${inserted}/${total} points, ${rate.toFixed(0)} points/s over the last interval, ${((now - started) / 1000).toFixed(0)} s into the write, ${new Date().toISOString()}`);
    },
    manifest: {
      parserVersion: PARSER_VERSION,
      embedder: { modelId: embedder.modelId, dimension: embedder.dimension },
      vector: { space: 'cosine', m: parameters.m, efConstruction: parameters.efConstruction, efSearch: parameters.efSearch, count: chunks.length },
      documents: documents.map((document) => ({ sourceFile: document.sourceFile, checksum: document.checksum, symbol: document.symbol, units: document.units.length })),
      createdAt: new Date().toISOString(),
    },
  });
  const buildSeconds = (performance.now() - started) / 1000;
  return { size, method: corpus.method, efConstruction, corpusSeconds, buildSeconds, diskMegabytes: await directoryMegabytes(indexDirectory(size)), builderRssMegabytes: residentMegabytes() };
}

async function queryPhase(size: number, passes: number): Promise<QueryFigures> {
  const embedder = await createLocalEmbedder();
  const rssBefore = residentMegabytes();
  const started = performance.now();
  const index = await loadSearchIndex(indexDirectory(size), embedder);
  const loadSeconds = (performance.now() - started) / 1000;
  const rssAfterLoadMegabytes = residentMegabytes();
  const retriever = createHybridRetriever({ index, embedder });
  const answers = createAnswerService({ index, embedder, config: loadConfig({}) });

  const samples = { embed: [] as number[], bm25: [] as number[], ann: [] as number[], fusion: [] as number[], stagesTotal: [] as number[], retriever: [] as number[], answer: [] as number[] };
  const time = async <T>(into: number[], task: () => T | Promise<T>): Promise<T> => {
    const begun = performance.now();
    const value = await task();
    into.push(performance.now() - begun);
    return value;
  };
  // Warm-up: the first encoder call compiles tfjs kernels; BM25 buffers are allocated and hnswlib warms its caches.
  for (const query of SCALE_QUERIES.slice(0, 3)) await answers.answer({ messages: [{ role: 'user', content: query }] });

  const queryVectors: Float32Array[] = [];
  for (let pass = 0; pass < passes; pass += 1) {
    for (const query of SCALE_QUERIES) {
      const begun = performance.now();
      const [vector] = await time(samples.embed, () => embedder.embed([query]));
      const lexical = await time(samples.bm25, () => index.searchLexical(query, 40));
      const dense = await time(samples.ann, () => index.searchDense(vector!, 40));
      await time(samples.fusion, () => fuseHits(lexical, dense, defaultFusion));
      samples.stagesTotal.push(performance.now() - begun);
      if (pass === 0) queryVectors.push(vector!);
      await time(samples.retriever, () => retriever.retrieve({ query, k: 10 }));
      await time(samples.answer, () => answers.answer({ messages: [{ role: 'user', content: query }] }));
    }
  }

  // Measured before the recall check below reads the raw vectors and a second graph for its own use.
  const rssAfterQueriesMegabytes = residentMegabytes();
  // Recall@10 of the hnsw search against an exact scan of the same stored vectors.
  const dimension = embedder.dimension;
  const packedVectors = await readVectors(size, dimension);
  const rowOfUnit = new Map(index.chunks.map((chunk, row) => [chunk.unitId, row]));
  const exact = queryVectors.map((vector) => exactTopTen(packedVectors, dimension, vector));
  const recallOf = (hits: readonly UnitHit[], position: number) => {
    const { rows, tenthScore } = exact[position]!;
    const byRow = hits.filter((hit) => rows.has(rowOfUnit.get(hit.unitId) ?? -1)).length / 10;
    // Units made of one sentence share that sentence's vector, so the exact top 10 can be one pick among
    // equal scores; a hit scoring at least the exact 10th score is then as right as the row it replaced.
    const withTies = hits.filter((hit) => rows.has(rowOfUnit.get(hit.unitId) ?? -1) || hit.score >= tenthScore - TIE_TOLERANCE).length / 10;
    return { byRow, withTies };
  };
  let recallSum = 0;
  let recallByRowSum = 0;
  queryVectors.forEach((vector, position) => {
    const recall = recallOf(index.searchDense(vector, 10), position);
    recallSum += recall.withTies;
    recallByRowSum += recall.byRow;
  });
  void rssBefore;
  // The same stored graph searched at other efSearch values: what recall costs at this size.
  const graph = await VectorIndex.read(join(indexDirectory(size), 'vectors.hnsw'), packedVectorRows(packedVectors, dimension), dimension, index.chunks.map((chunk) => chunk.unitId), { ...DEFAULT_VECTOR_PARAMETERS, ...index.manifest.vector });
  const efSweep: QueryFigures['efSweep'] = [];
  for (const efSearch of [64, 128, 256, 512]) {
    graph.setEfSearch(efSearch);
    const timings: number[] = [];
    let sum = 0;
    let byRowSum = 0;
    queryVectors.forEach((vector, position) => {
      const begun = performance.now();
      const hits = graph.search(vector, 10);
      timings.push(performance.now() - begun);
      const recall = recallOf(hits, position);
      sum += recall.withTies;
      byRowSum += recall.byRow;
    });
    efSweep.push({ efSearch, recallAt10: sum / queryVectors.length, recallAt10ByRow: byRowSum / queryVectors.length, annMedian: summarizeTimings(timings).median });
  }
  return {
    efSweep,
    size,
    loadSeconds,
    rssAfterLoadMegabytes,
    rssAfterQueriesMegabytes,
    queries: samples.embed.length,
    embed: summarizeTimings(samples.embed),
    bm25: summarizeTimings(samples.bm25),
    ann: summarizeTimings(samples.ann),
    fusion: summarizeTimings(samples.fusion),
    stagesTotal: summarizeTimings(samples.stagesTotal),
    retriever: summarizeTimings(samples.retriever),
    answer: summarizeTimings(samples.answer),
    recallAt10: recallSum / queryVectors.length,
    recallAt10ByRow: recallByRowSum / queryVectors.length,
    recallQueries: queryVectors.length,
  };
}

/** Cosines equal to float32 precision count as ties. */
const TIE_TOLERANCE = 1e-5;

/** The exact top 10 rows and the 10th best cosine (rows are unit length). */
function exactTopTen(packed: Float32Array, dimension: number, vector: Float32Array): { rows: Set<number>; tenthScore: number } {
  const rows = exactTopRows(packed, dimension, vector, 10);
  const last = rows[rows.length - 1]!;
  let norm = 0;
  for (const value of vector) norm += value * value;
  let dot = 0;
  for (let index = 0; index < dimension; index += 1) dot += vector[index]! * packed[last * dimension + index]!;
  return { rows: new Set(rows), tenthScore: dot / (Math.sqrt(norm) || 1) };
}

async function readVectors(size: number, dimension: number): Promise<Float32Array> {
  const { readFile } = await import('node:fs/promises');
  const bytes = await readFile(join(indexDirectory(size), 'vectors.f32'));
  const vectors = new Float32Array(bytes.length / 4);
  new Uint8Array(vectors.buffer).set(bytes);
  if (vectors.length !== size * dimension) throw new Error(`vectors.f32 holds ${vectors.length / dimension} rows, expected ${size}`);
  return vectors;
}

function runChild<T>(phase: string, size: number, passes: number, efConstruction: number): T {
  const flags = ['--phase', phase, '--size', String(size), '--passes', String(passes), '--ef-construction', String(efConstruction)];
  const output = execFileSync(process.execPath, ['--import', 'tsx', '--max-old-space-size=16384', 'bench/bench-command.ts', 'retrieval', ...flags], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = output.split('\n').reverse().find((candidate) => candidate.startsWith('RESULT '));
  if (!line) throw new Error(`retrieval ${phase} at ${size} printed no result`);
  return JSON.parse(line.slice('RESULT '.length)) as T;
}

/** Format of the index stored for a size, so --reuse never reuses one the current code refuses. */
function storedFormatVersion(size: number): number | undefined {
  try {
    return (JSON.parse(readFileSync(join(indexDirectory(size), INDEX_FILES.manifest), 'utf8')) as { formatVersion?: number }).formatVersion;
  } catch {
    return undefined;
  }
}


export async function runBenchmark(parameters: string[]): Promise<void> {
  const phase = readFlag(parameters, 'phase');
  const passes = readNumberFlag(parameters, 'passes', 5);
  const efConstruction = readNumberFlag(parameters, 'ef-construction', DEFAULT_VECTOR_PARAMETERS.efConstruction);
  if (phase) {
    const size = readNumberFlag(parameters, 'size', 10_000);
    const figures = phase === 'build' ? await buildPhase(size, efConstruction) : await queryPhase(size, passes);
    console.log(`RESULT ${JSON.stringify(figures)}`);
    return;
  }
  const rendered = readFlag(parameters, 'render');
  if (rendered) {
    // Re-renders a saved run (e.g. one whose parent process predates a change of the report text).
    const saved = JSON.parse(readFileSync(rendered, 'utf8')) as { environment: RunEnvironment; data: { passes: number; results: Array<{ build: BuildFigures; query: QueryFigures }> } };
    await report(saved.data.results, saved.data.passes, saved.environment);
    return;
  }
  const sizes = readListFlag(parameters, 'sizes', ['10000', '100000', '1000000']).map(Number);
  const results: Array<{ build: BuildFigures; query: QueryFigures }> = [];
  for (const size of sizes) {
    const cached = join(SCALE_CACHE_DIRECTORY, `index-${size}.build.json`);
    let build: BuildFigures;
    if (parameters.includes('--reuse') && existsSync(cached) && storedFormatVersion(size) === INDEX_FORMAT_VERSION) build = JSON.parse(readFileSync(cached, 'utf8')) as BuildFigures;
    else {
      console.error(`retrieval: building ${label(size)} (efConstruction ${efConstruction})…`);
      build = runChild<BuildFigures>('build', size, passes, efConstruction);
      writeFileSync(cached, JSON.stringify(build));
    }
    console.error(`retrieval: built ${label(size)} in ${build.buildSeconds.toFixed(1)} s; querying…`);
    const query = runChild<QueryFigures>('query', size, passes, efConstruction);
    results.push({ build, query });
    console.error(`retrieval: ${label(size)} total p50 ${formatMilliseconds(query.stagesTotal.median)} ms, answer p50 ${formatMilliseconds(query.answer.median)} ms`);
  }
  await report(results, passes);
}

