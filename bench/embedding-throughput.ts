import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { createLocalEmbedder } from '../src/retrieval/local-embedder.js';
import { createParallelEmbedder } from '../src/retrieval/parallel-embedder.js';

/**
 * Units per second of the sentence encoder, single-threaded vs the worker pool, on the same texts
 * (paragraphs of the bundled corpus). Runs alternate between the two so that both see the same
 * machine load. Usage: tsx bench/embedding-throughput.ts [texts] [rounds]
 */
const wanted = Number(process.argv[2] ?? 256);
const rounds = Number(process.argv[3] ?? 3);
const paragraphs = (await Promise.all(['corpus/A_RES_76_172.txt', 'corpus/A_RES_74_148.txt'].map((file) => readFile(file, 'utf8'))))
  .flatMap((text) => text.split(/\n\s*\n/))
  .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
  .filter((paragraph) => paragraph.length > 40);
const texts = Array.from({ length: wanted }, (_, index) => `${paragraphs[index % paragraphs.length]!} (${index})`);

const single = await createLocalEmbedder();
const parallel = await createParallelEmbedder();
const contenders = [
  { name: 'single-threaded', embed: (batch: string[]) => single.embed(batch), rates: [] as number[] },
  { name: `parallel (${parallel.workers} workers)`, embed: (batch: string[]) => parallel.embed(batch), rates: [] as number[] },
];
for (const contender of contenders) await contender.embed(texts.slice(0, 8)); // warm-up: first tfjs call compiles kernels
for (let round = 0; round < rounds; round += 1) {
  for (const contender of contenders) {
    const started = performance.now();
    await contender.embed(texts);
    contender.rates.push(texts.length / ((performance.now() - started) / 1000));
  }
}
await parallel.close();
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
for (const { name, rates } of contenders) {
  console.log(`${name}: median ${median(rates).toFixed(1)} units/s over ${rounds} runs of ${texts.length} texts (runs: ${rates.map((rate) => rate.toFixed(1)).join(', ')})`);
}
console.log(`ratio parallel/single: ${(median(contenders[1]!.rates) / median(contenders[0]!.rates)).toFixed(2)}; load average at end: ${loadavg().map((value) => value.toFixed(1)).join(' ')}`);
