import { buildSearchIndex } from '../../../src/retrieval/build-search-index.js';
import { createFakeEmbedder } from '../../support/fake-embedder.js';

/**
 * An ingest run in its own process, so the crash-safety test can kill -9 it. Prints `ingest-started`
 * just before the real work, so kill moments are drawn over the ingest itself rather than tsx start-up.
 * Usage: node --import tsx ingest-child.ts <output directory> <file>...
 */
const [outputDirectory, ...files] = process.argv.slice(2);
if (!outputDirectory || files.length === 0) throw new Error('usage: ingest-child.ts <output directory> <file>...');
process.stdout.write('ingest-started\n');
const summary = await buildSearchIndex({ files, outputDirectory, embedder: createFakeEmbedder(64), embedBatchSize: 64 });
process.stdout.write(`ingest-finished ${summary.chunks}\n`);
