import { availableParallelism } from 'node:os';
import { loadConfig } from '../../src/config.js';
import { createParallelEmbedder } from '../../src/retrieval/parallel-embedder.js';
import { runIngestCommand } from '../../ingest/run-ingest-command.js';

/**
 * `npm run ingest` as it ran before it lowered its priority: same command, same worker pool, threads at
 * normal niceness. For the side-by-side rows of the ingest-throughput benchmark only.
 */
const config = loadConfig();
process.exitCode = await runIngestCommand(process.argv.slice(2), {
  config,
  createEmbedder: () => createParallelEmbedder({ workers: config.EMBEDDING_WORKERS > 0 ? config.EMBEDDING_WORKERS : availableParallelism() }),
  stdout: process.stdout,
  stderr: process.stderr,
});
