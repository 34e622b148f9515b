import { loadConfig } from '../src/config.js';
import { createIngestEmbedder } from '../src/retrieval/create-ingest-embedder.js';
import { runIngestCommand } from './run-ingest-command.js';

/** Entry point of `npm run ingest`; see INGEST_USAGE. */
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
