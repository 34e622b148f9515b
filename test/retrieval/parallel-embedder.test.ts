import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createLocalEmbedder } from '../../src/retrieval/local-embedder.js';
import { createParallelEmbedder } from '../../src/retrieval/parallel-embedder.js';

const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, value, index) => sum + value * b[index]!, 0);

describe('createParallelEmbedder', () => {
  it('should give the same vectors as the in-process encoder, in input order, across two workers', async () => {
    const texts = Array.from({ length: 10 }, (_, index) => `Operative paragraph ${index} calls upon States to protect migrants number ${index * 7}.`);
    const parallel = await createParallelEmbedder({ workers: 2, sliceSize: 3 });
    try {
      expect(parallel.workers).toBe(2);
      expect(parallel.dimension).toBe(512);
      const [fromPool, fromProcess] = await Promise.all([parallel.embed(texts), createLocalEmbedder().then((local) => local.embed(texts))]);
      expect(fromPool).toHaveLength(texts.length);
      fromPool.forEach((vector, index) => expect(dot(vector, fromProcess[index]!)).toBeCloseTo(1, 4));
    } finally {
      await parallel.close();
    }
  });

  it('should put each vector back at its text\'s position when slices are cut by text length and repeats are embedded once', async () => {
    const distinct = Array.from({ length: 9 }, (_, index) => `Paragraph ${index} ${'calls upon States to end the detention of children '.repeat((index * 5) % 4)}`.trim());
    const texts = [...distinct, distinct[2]!, distinct[7]!];
    const parallel = await createParallelEmbedder({ workers: 2, sliceSize: 2 });
    try {
      const [fromPool, fromProcess] = await Promise.all([parallel.embed(texts), createLocalEmbedder().then((local) => local.embed(texts))]);
      fromPool.forEach((vector, index) => expect(dot(vector, fromProcess[index]!)).toBeCloseTo(1, 4));
      expect(dot(fromPool[0]!, fromProcess[1]!)).toBeLessThan(0.999);
    } finally {
      await parallel.close();
    }
  });

  it.runIf(process.platform === 'linux')('should run its worker threads at the niceness asked for, leaving the calling thread as it was', async () => {
    // Field 19 of /proc/<pid>/task/<tid>/stat is the thread's nice value (after the parenthesised name).
    const niceValues = () => readdirSync('/proc/self/task').map((thread) => Number(readFileSync(`/proc/self/task/${thread}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]));
    const before = niceValues().filter((value) => value === 17).length;
    const parallel = await createParallelEmbedder({ workers: 2, niceness: 17 });
    try {
      await parallel.embed(['one text', 'another text']);
      expect(niceValues().filter((value) => value === 17).length).toBeGreaterThanOrEqual(before + 2);
      expect(Number(readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ')[16])).not.toBe(17);
    } finally {
      await parallel.close();
    }
  });

  it('should answer queries sent at the same time, each with its own vector, when they share encoder calls', async () => {
    const queries = ['Can migrants be detained?', 'What about children?', 'Who reports to the Assembly?', 'Is there a footnote on the Global Compact for Safe, Orderly and Regular Migration?'];
    const parallel = await createParallelEmbedder({ workers: 1 });
    try {
      const [local, ...fromPool] = await Promise.all([createLocalEmbedder(), ...queries.map((query) => parallel.embed([query]))]);
      const alone = await local.embed(queries);
      fromPool.forEach(([vector], index) => expect(dot(vector!, alone[index]!)).toBeCloseTo(1, 4));
    } finally {
      await parallel.close();
    }
  });

  it('should let the process exit without close when asked to stay unref\'d while idle', async () => {
    const script = `import { createParallelEmbedder } from ${JSON.stringify(new URL('../../src/retrieval/parallel-embedder.ts', import.meta.url).href)};
      const embedder = await createParallelEmbedder({ workers: 1, unrefWhenIdle: true });
      const [vector] = await embedder.embed(['a question']);
      console.log('embedded', vector.length);`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { timeout: 60_000 });
    expect(stdout).toContain('embedded 512');
  });

  it('should refuse work after close', async () => {
    const parallel = await createParallelEmbedder({ workers: 1 });
    await parallel.close();
    await expect(parallel.embed(['text'])).rejects.toThrow(/closed/);
  });
});
