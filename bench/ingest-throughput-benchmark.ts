import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSearchIndex } from '../src/retrieval/build-search-index.js';
import type { Embedder } from '../src/retrieval/embedder.js';
import { createLocalEmbedder } from '../src/retrieval/local-embedder.js';
import { createParallelEmbedder } from '../src/retrieval/parallel-embedder.js';
import { goalLine, writeBenchmarkResults } from './support/benchmark-results.js';
import { readGoldenQuestions, SCALE_QUERIES } from './support/benchmark-queries.js';
import { readNumberFlag } from './support/command-flags.js';
import { markdownTable } from './support/markdown-table.js';
import { spawnBundledServer } from './support/server-process.js';
import { formatMilliseconds, summarizeTimings } from './support/timing-statistics.js';
import { parseResolutionFile } from '../src/corpus/parse-resolution-file.js';
import { readdir } from 'node:fs/promises';

/**
 * Ingest throughput with the bundled encoder (single-threaded vs the worker pool, same files, same run)
 * and serving latency while a re-ingest runs beside the server.
 *   npm run bench -- ingest-throughput [--documents 80] [--seconds 20]
 * (bench/results/ingest.md belongs to the ingest engineer; this writes ingest-throughput.md.)
 */
async function ingestableFiles(count: number): Promise<string[]> {
  const directory = '/work/shared/corpus-extra/security-council';
  const files = ['corpus/A_RES_76_172.txt', 'corpus/A_RES_74_148.txt'];
  for (const name of (await readdir(directory)).sort()) {
    if (files.length >= count) break;
    try {
      await parseResolutionFile(join(directory, name));
      files.push(join(directory, name));
    } catch {
      // The parser refuses a few scanned texts; they would fail the whole ingest.
    }
  }
  return files;
}

async function timeIngest(files: string[], embedder: Embedder): Promise<{ seconds: number; chunks: number }> {
  const output = await mkdtemp(join(tmpdir(), 'verbatim-ingest-bench-'));
  try {
    const summary = await buildSearchIndex({ files, outputDirectory: join(output, 'index'), embedder });
    return { seconds: summary.seconds, chunks: summary.chunks };
  } finally {
    await rm(output, { recursive: true, force: true });
  }
}

async function sequentialLatencies(url: string, questions: string[], milliseconds: number): Promise<number[]> {
  const samples: number[] = [];
  const until = performance.now() + milliseconds;
  for (let index = 0; performance.now() < until; index += 1) {
    const started = performance.now();
    const response = await fetch(`${url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content: questions[index % questions.length]! }], stream: false }) });
    await response.text();
    samples.push(performance.now() - started);
  }
  return samples;
}

export async function runBenchmark(parameters: string[]): Promise<void> {
  const documents = readNumberFlag(parameters, 'documents', 80);
  const seconds = readNumberFlag(parameters, 'seconds', 20);
  const files = await ingestableFiles(documents);

  const single = await createLocalEmbedder();
  await single.embed(['warm up']);
  const singleRun = await timeIngest(files, single);
  const parallel = await createParallelEmbedder();
  await parallel.embed(['warm up', 'warm up']);
  const parallelRun = await timeIngest(files, parallel);
  await parallel.close();
  const singleRate = singleRun.chunks / singleRun.seconds;
  const parallelRate = parallelRun.chunks / parallelRun.seconds;

  // Serving latency: one client asking in a loop, first on an idle server, then while `npm run ingest`
  // rebuilds an index of the same files in another process (as an operator would run it).
  const golden = await readGoldenQuestions();
  const questions = golden.length ? golden : SCALE_QUERIES;
  const server = await spawnBundledServer(['--no-cache']);
  let idle: number[] = [];
  let during: number[] = [];
  const output = await mkdtemp(join(tmpdir(), 'verbatim-reingest-'));
  try {
    await sequentialLatencies(server.url, questions, 3_000);
    idle = await sequentialLatencies(server.url, questions, seconds * 1000);
    const ingest = spawn(process.execPath, ['--import', 'tsx', 'ingest/ingest-command.ts', ...files, '--out', join(output, 'index')], { stdio: 'ignore' });
    const ingestDone = new Promise((resolve) => ingest.on('exit', resolve));
    during = await sequentialLatencies(server.url, questions, seconds * 1000);
    ingest.kill('SIGTERM');
    await ingestDone;
  } finally {
    await server.stop();
    await rm(output, { recursive: true, force: true });
  }
  const idleStats = summarizeTimings(idle);
  const duringStats = summarizeTimings(during);
  const rise = duringStats.p99 / idleStats.p99 - 1;

  const throughput = markdownTable(
    ['embedder', 'documents', 'chunks', 'seconds', 'units/s'],
    [
      ['bundled encoder, single-threaded', files.length, singleRun.chunks, singleRun.seconds.toFixed(1), singleRate.toFixed(1)],
      [`bundled encoder, worker pool (${parallel.workers} workers)`, files.length, parallelRun.chunks, parallelRun.seconds.toFixed(1), parallelRate.toFixed(1)],
    ],
  );
  const serving = markdownTable(
    ['server state', 'answers', 'p50 ms', 'p99 ms'],
    [
      ['idle', idleStats.runs, formatMilliseconds(idleStats.median), formatMilliseconds(idleStats.p99)],
      ['during `npm run ingest` in another process', duringStats.runs, formatMilliseconds(duringStats.median), formatMilliseconds(duringStats.p99)],
    ],
  );
  const goals = [
    goalLine('ingest ≥ 60 units/s with the bundled encoder', parallelRate >= 60, `${parallelRate.toFixed(1)} units/s (worker pool)`),
    goalLine('≥ 1.7× the single-threaded rate', parallelRate / singleRate >= 1.7, `${(parallelRate / singleRate).toFixed(2)}×`),
    goalLine('serving p99 rises ≤ 25% during a re-ingest', rise <= 0.25, `${(rise * 100).toFixed(0)} % (${formatMilliseconds(idleStats.p99)} → ${formatMilliseconds(duringStats.p99)} ms)`, rise > 0.25 ? 'On 2 cores the ingest worker pool takes both cores the server answers on; the server\'s event loop is not blocked (ingest runs in another process), it is starved of CPU.' : ''),
  ];
  const markdown = [
    `Command: \`npm run bench -- ingest-throughput --documents ${documents} --seconds ${seconds}\``,
    '',
    `Whole ingest (\`buildSearchIndex\`: parse, chunk, embed, hnsw build, fsync, atomic swap) of the bundled resolutions and the first Security Council texts the parser accepts, into a fresh folder, single-threaded encoder then worker pool, one after the other in one run.`,
    '',
    throughput,
    '',
    `Serving latency: the bundled server in its own process (query cache off), one client asking golden-set questions in a loop for ${seconds} s idle, then ${seconds} s while \`npm run ingest -- <${files.length} files> --out <temp>\` runs in a third process.`,
    '',
    serving,
    '',
    '## Goals (issue 7)',
    '',
    ...goals,
  ].join('\n');
  const { markdownFile } = await writeBenchmarkResults({ name: 'ingest-throughput', title: 'Ingest throughput and serving during re-ingest', markdown, data: { files: files.length, single: singleRun, parallel: { ...parallelRun, workers: parallel.workers }, idle: idleStats, during: duringStats } });
  console.log(throughput);
  console.log(serving);
  console.log(goals.join('\n'));
  console.log(`wrote ${markdownFile}`);
}
