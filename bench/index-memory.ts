import { loadConfig } from '../src/config.js';
import { createAnswerService } from '../src/answer/create-answer-service.js';
import { loadSearchIndex } from '../src/retrieval/index-store.js';
import { createLocalEmbedder } from '../src/retrieval/local-embedder.js';

/**
 * Resident memory of a loaded index after garbage collection, step by step: the encoder, the index
 * (documents, chunks, hnsw graph, BM25 arrays), then the answer service built over it. The retrieval
 * benchmark's RSS is taken without forcing a collection, so it also counts garbage left by loading.
 * Usage: node --expose-gc --import tsx bench/index-memory.ts <index dir>
 */
const directory = process.argv[2] ?? 'data/index';
const collect = (globalThis as { gc?: () => void }).gc;
if (!collect) throw new Error('run with node --expose-gc');
const megabytes = (bytes: number) => Math.round(bytes / 2 ** 20);
const report = (step: string) => {
  collect();
  const usage = process.memoryUsage();
  console.log(`${step.padEnd(34)} RSS ${String(megabytes(usage.rss)).padStart(6)} MB   JS heap ${String(megabytes(usage.heapUsed)).padStart(6)} MB   outside the heap (buffers) ${megabytes(usage.arrayBuffers)} MB, external ${megabytes(usage.external)} MB`);
};
report('node');
const embedder = await createLocalEmbedder();
await embedder.embed(['warm up the encoder']);
report('encoder loaded');
const started = performance.now();
const index = await loadSearchIndex(directory, embedder);
const seconds = (performance.now() - started) / 1000;
report(`index loaded (${seconds.toFixed(1)} s)`);
index.searchLexical('international peace and security', 40);
report('after a BM25 query (score buffers)');
const answers = createAnswerService({ index, embedder, config: loadConfig({}) });
report('answer service built');
await answers.answer({ messages: [{ role: 'user', content: 'What does the Council decide about sanctions?' }] });
report('after one answer');
console.log(`${index.chunks.length} chunks in ${directory}`);
