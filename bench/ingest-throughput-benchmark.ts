import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSearchIndex } from '../src/retrieval/build-search-index.js';
import { INGEST_NICENESS } from '../src/retrieval/create-ingest-embedder.js';
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
 *   npm run bench -- ingest-throughput [--documents 80] [--seconds 15]
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

/** Wall-clock seconds and CPU seconds of this process (worker threads included), which a busy machine disturbs less. */
async function timeIngest(files: string[], embedder: Embedder): Promise<{ seconds: number; cpuSeconds: number; chunks: number }> {
  const output = await mkdtemp(join(tmpdir(), 'verbatim-ingest-bench-'));
  try {
    const cpuBefore = process.cpuUsage();
    const summary = await buildSearchIndex({ files, outputDirectory: join(output, 'index'), embedder });
    const cpu = process.cpuUsage(cpuBefore);
    return { seconds: summary.seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, chunks: summary.chunks };
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
  const seconds = readNumberFlag(parameters, 'seconds', 15);
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
  // rebuilds an index of the same files in another process (as an operator would run it), then while
  // the same ingest runs with its threads at normal priority (as it did before it lowered them). An
  // ingest that finishes before the window ends is started again, so the whole window sees one.
  const golden = await readGoldenQuestions();
  const questions = golden.length ? golden : SCALE_QUERIES;
  const server = await spawnBundledServer(['--no-cache']);
  const windows: Record<'idle' | 'niced' | 'normal', number[]> = { idle: [], niced: [], normal: [] };
  const ingestRuns: Record<'niced' | 'normal', number> = { niced: 0, normal: 0 };
  const output = await mkdtemp(join(tmpdir(), 'verbatim-reingest-'));
  const scripts = { niced: 'ingest/ingest-command.ts', normal: 'bench/support/normal-priority-ingest-process.ts' };
  try {
    await sequentialLatencies(server.url, questions, 3_000);
    windows.idle = await sequentialLatencies(server.url, questions, seconds * 1000);
    for (const priority of ['niced', 'normal'] as const) {
      let stopped = false;
      let running: ChildProcess | undefined;
      const loop = (async () => {
        while (!stopped) {
          running = spawn(process.execPath, ['--import', 'tsx', scripts[priority], ...files, '--out', join(output, `index-${priority}`)], { stdio: 'ignore' });
          ingestRuns[priority] += 1;
          await new Promise((resolve) => running!.on('exit', resolve));
          // A fresh output folder each time: an ingest into its own previous index reuses every vector.
          await rm(join(output, `index-${priority}`), { recursive: true, force: true });
        }
      })();
      windows[priority] = await sequentialLatencies(server.url, questions, seconds * 1000);
      stopped = true;
      running?.kill('SIGTERM');
      await loop;
    }
  } finally {
    await server.stop();
    await rm(output, { recursive: true, force: true });
  }
  const idleStats = summarizeTimings(windows.idle);
  const duringStats = summarizeTimings(windows.niced);
  const normalStats = summarizeTimings(windows.normal);
  const rise = duringStats.p99 / idleStats.p99 - 1;
  const normalRise = normalStats.p99 / idleStats.p99 - 1;

  const throughput = markdownTable(
    ['embedder', 'documents', 'chunks', 'seconds', 'units/s', 'CPU seconds', 'units per CPU second'],
    [
      ['bundled encoder, single-threaded', files.length, singleRun.chunks, singleRun.seconds.toFixed(1), singleRate.toFixed(1), singleRun.cpuSeconds.toFixed(1), (singleRun.chunks / singleRun.cpuSeconds).toFixed(1)],
      [`bundled encoder, worker pool (${parallel.workers} workers)`, files.length, parallelRun.chunks, parallelRun.seconds.toFixed(1), parallelRate.toFixed(1), parallelRun.cpuSeconds.toFixed(1), (parallelRun.chunks / parallelRun.cpuSeconds).toFixed(1)],
    ],
  );
  const percent = (value: number) => `${value >= 0 ? '+' : ''}${(value * 100).toFixed(0)} %`;
  const serving = markdownTable(
    ['server state', 'answers', 'p50 ms', 'p99 ms', 'p99 vs idle', 'ingests started'],
    [
      ['idle', idleStats.runs, formatMilliseconds(idleStats.median), formatMilliseconds(idleStats.p99), '', ''],
      [`during \`npm run ingest\` in another process (threads at niceness ${INGEST_NICENESS})`, duringStats.runs, formatMilliseconds(duringStats.median), formatMilliseconds(duringStats.p99), percent(rise), ingestRuns.niced],
      ['during the same ingest at normal priority (before the change)', normalStats.runs, formatMilliseconds(normalStats.median), formatMilliseconds(normalStats.p99), percent(normalRise), ingestRuns.normal],
    ],
  );
  const goals = [
    goalLine('ingest ≥ 60 units/s with the bundled encoder', parallelRate >= 60, `${parallelRate.toFixed(1)} units/s (worker pool)`),
    goalLine('≥ 1.7× the single-threaded rate', parallelRate / singleRate >= 1.7, `${(parallelRate / singleRate).toFixed(2)}×`),
    goalLine('serving p99 rises ≤ 25% during a re-ingest', rise <= 0.25, `${(rise * 100).toFixed(0)} % (${formatMilliseconds(idleStats.p99)} → ${formatMilliseconds(duringStats.p99)} ms; at normal priority ${(normalRise * 100).toFixed(0)} %)`, rise > 0.25 ? 'The ingest runs in another process, so the server\'s event loop is never blocked by it; what remains is competition for the 2 cores (and their caches) that niceness reduces but cannot remove.' : ''),
  ];
  const markdown = [
    `Command: \`npm run bench -- ingest-throughput --documents ${documents} --seconds ${seconds}\``,
    '',
    `Whole ingest (\`buildSearchIndex\`: parse, chunk, embed, hnsw build, fsync, atomic swap) of the bundled resolutions and the first Security Council texts the parser accepts, into a fresh folder, single-threaded encoder then worker pool, one after the other in one run. The encoder embeds each distinct text once, shortest first in calls of 8 (see \`tsx bench/embedding-throughput.ts\` for the settings compared). On 2 cores the rate is bounded by the encoder's CPU cost: units/s ≤ 2 × units per CPU second of the single-threaded row.`,
    '',
    throughput,
    '',
    `Serving latency: the bundled server in its own process (query cache off, so every question runs the encoder), one client asking golden-set questions in a loop for ${seconds} s idle, then ${seconds} s while \`npm run ingest -- <${files.length} files> --out <temp>\` runs in a third process (restarted whenever it finishes, so an ingest runs for the whole window), then ${seconds} s with the same ingest at normal priority (bench/support/normal-priority-ingest-process.ts).`,
    '',
    serving,
    '',
    '## Goals (issue 7)',
    '',
    ...goals,
  ].join('\n');
  const { markdownFile } = await writeBenchmarkResults({ name: 'ingest-throughput', title: 'Ingest throughput and serving during re-ingest', markdown, data: { files: files.length, single: singleRun, parallel: { ...parallelRun, workers: parallel.workers }, idle: idleStats, during: duringStats, duringNormalPriority: normalStats, ingestNiceness: INGEST_NICENESS, ingestRuns } });
  console.log(throughput);
  console.log(serving);
  console.log(goals.join('\n'));
  console.log(`wrote ${markdownFile}`);
}
