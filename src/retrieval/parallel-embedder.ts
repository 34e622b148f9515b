import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Embedder } from './embedder.js';
import type { EmbeddingWorkerData } from './embedding-worker.js';
import { distinctTexts, LOCAL_EMBEDDER_DIMENSION, LOCAL_EMBEDDER_MODEL_ID, lengthOrder, spreadVectors } from './local-embedder.js';

export interface ParallelEmbedder extends Embedder {
  readonly workers: number;
  /** True once a worker died: every later call fails, so a long-lived owner should replace the pool. */
  readonly broken: boolean;
  /** Stops the worker threads; the embedder cannot be used afterwards. */
  close(): Promise<void>;
}

export interface ParallelEmbedderOptions {
  /** Worker threads, each with its own model; 0 or undefined means one per core. */
  workers?: number;
  /** Texts sent to a worker at a time; small enough that all workers stay busy to the end. */
  sliceSize?: number;
  /**
   * Scheduling niceness of the worker threads (0 normal … 19 lowest), so a bulk ingest yields the CPU to
   * a server answering beside it; on Linux each thread has its own. Undefined leaves it as inherited.
   */
  niceness?: number;
  /**
   * Lets the process exit while no text is being embedded (workers are unref'd when idle), for a
   * long-lived query embedder that nobody closes. Ingest pools are closed explicitly instead.
   */
  unrefWhenIdle?: boolean;
}

type WorkerMessage =
  | { type: 'ready' }
  | { type: 'failed'; error: string }
  | { type: 'result'; id: number; buffer?: ArrayBuffer; error?: string };

interface QueuedSlice {
  texts: string[];
  resolve: (vectors: Float32Array[]) => void;
  reject: (error: Error) => void;
}

/**
 * Under tsx or vitest this module is the TypeScript source and the worker must load TypeScript too.
 * `execArgv: ['--import', 'tsx']` does not register the loader inside workers on Node 20, so a tiny
 * JavaScript bootstrap registers tsx's ESM hooks itself and then imports the worker. Compiled to
 * JavaScript, the sibling `.js` worker runs as is.
 */
function spawnWorker(workerData: EmbeddingWorkerData): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./embedding-worker.js', import.meta.url), { workerData });
  const workerUrl = new URL('./embedding-worker.ts', import.meta.url).href;
  const tsxApiUrl = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import { register } from ${JSON.stringify(tsxApiUrl)}; register(); await import(${JSON.stringify(workerUrl)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`), { workerData });
}

/**
 * A pool of worker threads, each running the bundled sentence encoder: for ingest batches (tfjs runs
 * on one core per model, so a pool is the way to use both cores of the target machine) and, with one
 * worker, for a server's queries (the encoder then never blocks the event loop).
 */
export async function createParallelEmbedder(options: ParallelEmbedderOptions = {}): Promise<ParallelEmbedder> {
  const size = options.workers && options.workers > 0 ? options.workers : availableParallelism();
  const sliceSize = options.sliceSize ?? 16;
  const dimension = LOCAL_EMBEDDER_DIMENSION;
  /** Slices sent together in one message, by message id. */
  const pending = new Map<number, QueuedSlice[]>();
  const idle: Worker[] = [];
  const queue: QueuedSlice[] = [];
  let nextId = 0;
  let closed = false;
  /** Set when a worker died: later calls fail at once instead of waiting on a thread that is gone. */
  let broken: Error | undefined;

  const dispatch = (): void => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!;
      // Small slices waiting together (concurrent queries of a server) go in one encoder call, which
      // costs less per text than one call each.
      const slices = [queue.shift()!];
      let count = slices[0]!.texts.length;
      while (queue.length > 0 && count + queue[0]!.texts.length <= sliceSize) {
        count += queue[0]!.texts.length;
        slices.push(queue.shift()!);
      }
      const id = nextId++;
      pending.set(id, slices);
      if (options.unrefWhenIdle) worker.ref();
      worker.postMessage({ id, texts: slices.flatMap((slice) => slice.texts) });
    }
  };

  const failAll = (error: Error): void => {
    broken ??= error;
    for (const slices of pending.values()) for (const slice of slices) slice.reject(error);
    for (const slice of queue) slice.reject(error);
    pending.clear();
    queue.length = 0;
  };

  const workers = await Promise.all(
    Array.from({ length: size }, () => {
      const worker = spawnWorker(options.niceness === undefined ? {} : { niceness: options.niceness });
      return new Promise<Worker>((resolve, reject) => {
        worker.on('message', (message: WorkerMessage) => {
          if (message.type === 'ready') return resolve(worker);
          if (message.type === 'failed') return reject(new Error(`embedding worker failed to load the model: ${message.error}`));
          const slices = pending.get(message.id) ?? [];
          pending.delete(message.id);
          idle.push(worker);
          if (options.unrefWhenIdle) worker.unref();
          if (message.error !== undefined || !message.buffer) {
            for (const slice of slices) slice.reject(new Error(`embedding worker: ${message.error}`));
          } else {
            const packed = new Float32Array(message.buffer);
            let row = 0;
            for (const slice of slices) {
              const vectors = slice.texts.map((_, offset) => packed.slice((row + offset) * dimension, (row + offset + 1) * dimension));
              row += slice.texts.length;
              slice.resolve(vectors);
            }
          }
          dispatch();
        });
        worker.on('error', (error) => {
          reject(error);
          failAll(error);
        });
        worker.on('exit', (code) => {
          if (!closed && code !== 0) failAll(new Error(`embedding worker exited with code ${code}`));
        });
      });
    }),
  );
  idle.push(...workers);
  if (options.unrefWhenIdle) for (const worker of workers) worker.unref();

  const embedSlice = (texts: string[]): Promise<Float32Array[]> =>
    new Promise((resolve, reject) => {
      if (closed) return reject(new Error('parallel embedder is closed'));
      if (broken) return reject(broken);
      queue.push({ texts, resolve, reject });
      dispatch();
    });

  return {
    modelId: LOCAL_EMBEDDER_MODEL_ID,
    dimension,
    workers: size,
    get broken() {
      return broken !== undefined;
    },
    async embed(texts) {
      // Slices of similar length pad little inside the encoder; the longest go first, so that no worker
      // is left alone with a long slice at the end while the others idle.
      const { distinct, slots } = distinctTexts(texts);
      const order = lengthOrder(distinct).reverse();
      const slices: Array<{ positions: number[]; vectors: Promise<Float32Array[]> }> = [];
      for (let start = 0; start < order.length; start += sliceSize) {
        const positions = order.slice(start, start + sliceSize);
        slices.push({ positions, vectors: embedSlice(positions.map((position) => distinct[position]!)) });
      }
      const results = await Promise.all(slices.map((slice) => slice.vectors));
      const vectors = new Array<Float32Array>(distinct.length);
      slices.forEach((slice, index) => results[index]!.forEach((vector, row) => (vectors[slice.positions[row]!] = vector)));
      return spreadVectors(vectors, slots);
    },
    async close() {
      closed = true;
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
