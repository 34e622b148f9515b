import { existsSync, readdirSync } from 'node:fs';
import { setPriority } from 'node:os';
import { loadConfig } from '../src/config.js';
import { createIngestEmbedder, INGEST_NICENESS } from '../src/retrieval/create-ingest-embedder.js';
import { runIngestCommand } from './run-ingest-command.js';

/** Entry point of `npm run ingest`; see INGEST_USAGE. */
// A re-ingest usually runs beside a serving process: parsing, the hnsw build and (through the worker
// pool) the encoder all yield to it. On Linux niceness is per thread and inherited by new threads, so
// the threads Node started already (garbage collector, loader) are lowered one by one.
const threads = existsSync('/proc/self/task') ? readdirSync('/proc/self/task').map(Number) : [0];
for (const thread of threads) {
  try {
    setPriority(thread, INGEST_NICENESS);
  } catch {
    // Not permitted on this platform, or the thread has ended: it runs at normal priority.
  }
}
try {
  const config = loadConfig();
  process.exitCode = await runIngestCommand(process.argv.slice(2), {
    config,
    createEmbedder: () => createIngestEmbedder(config),
    stdout: process.stdout,
    stderr: process.stderr,
  });
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
}
