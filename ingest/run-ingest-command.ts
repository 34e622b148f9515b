import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import type { Config } from '../src/config.js';
import { listCorpusFiles } from '../src/corpus/list-corpus-files.js';
import { buildSearchIndex, type IngestProgress, type IngestSummary } from '../src/retrieval/build-search-index.js';
import type { Embedder } from '../src/retrieval/embedder.js';

export const INGEST_USAGE = `Usage: npm run ingest [-- <files or folders>… [--out DIR]]
  No arguments: ingests the bundled corpus (CORPUS_DIR) into the index folder (INDEX_DIR, default data/index).
  Unchanged documents keep their stored vectors; a document that cannot be parsed stops the ingest
  and leaves the existing index as it was.`;

export interface IngestCommandContext {
  config: Config;
  /** Created lazily so `--help` and bad arguments cost no model load. */
  createEmbedder: () => Promise<Embedder & { close?: () => Promise<void> }>;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** Text of the one summary line printed after an ingest. */
export function formatIngestSummary(summary: IngestSummary): string {
  return (
    `Indexed ${summary.documents} documents, ${summary.units} units, ${summary.chunks} chunks into ${summary.outputDirectory} ` +
    `in ${summary.seconds.toFixed(1)} s (embedded ${summary.embeddedChunks} chunks of ${summary.embeddedDocuments} documents, ` +
    `reused ${summary.reusedChunks} chunks of ${summary.reusedDocuments} unchanged documents).`
  );
}

/** A progress bar on a terminal for runs with enough to embed to be worth watching; silent otherwise. */
function createProgressReporter(stderr: IngestCommandContext['stderr']): { report: (progress: IngestProgress) => void; stop: () => void } {
  if (!stderr.isTTY) return { report: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { stream: stderr, format: '{phase} [{bar}] {value}/{total} | {eta_formatted} left', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let phase: IngestProgress['phase'] | undefined;
  return {
    report(progress) {
      if (progress.phase !== phase) {
        if (phase) bar.stop();
        phase = progress.phase;
        if (progress.phase !== 'write' && progress.total >= 50) bar.start(progress.total, progress.done, { phase: progress.phase.padEnd(5) });
        return;
      }
      bar.update(progress.done, { phase: progress.phase.padEnd(5) });
    },
    stop: () => bar.stop(),
  };
}

/** Runs `npm run ingest` with the given arguments; resolves to the process exit code. */
export async function runIngestCommand(argv: readonly string[], context: IngestCommandContext): Promise<number> {
  const { stdout, stderr, config } = context;
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    stderr.write(`${(error as Error).message}\n${INGEST_USAGE}\n`);
    return 1;
  }
  if (parsed.values.help) {
    stdout.write(`${INGEST_USAGE}\n`);
    return 0;
  }
  const inputs = parsed.positionals.length > 0 ? parsed.positionals : [config.CORPUS_DIR];
  const outputDirectory = parsed.values.out ?? config.INDEX_DIR;

  let embedder: Awaited<ReturnType<IngestCommandContext['createEmbedder']>> | undefined;
  const progress = createProgressReporter(stderr);
  try {
    const files = await listCorpusFiles(inputs);
    if (files.length === 0) {
      stderr.write(`No documents found in ${inputs.join(', ')} (expected .txt or .md files).\n`);
      return 1;
    }
    embedder = await context.createEmbedder();
    const summary = await buildSearchIndex({ files, outputDirectory, embedder, onProgress: progress.report });
    progress.stop();
    for (const duplicate of summary.duplicates) {
      stderr.write(`Warning: skipped ${duplicate.file}: it gives symbol ${duplicate.symbol}, already given by ${duplicate.keptFile}.\n`);
    }
    if (summary.previousIndexProblem) stderr.write(`Note: the previous index was not reused: ${summary.previousIndexProblem}\n`);
    stdout.write(`${formatIngestSummary(summary)}\n`);
    return 0;
  } catch (error) {
    progress.stop();
    stderr.write(`Ingest failed, the existing index (if any) is unchanged: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await embedder?.close?.();
  }
}
