import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Embedder } from './embedder.js';
import { LOCAL_EMBEDDER_DIMENSION, LOCAL_EMBEDDER_MODEL_ID } from './local-embedder.js';

export interface ParallelEmbedder extends Embedder {
  readonly workers: number;
  /** Stops the worker threads; the embedder cannot be used afterwards. */
  close(): Promise<void>;
}

export interface ParallelEmbedderOptions {
  /** Worker threads, each with its own model; 0 or undefined means one per core. */
  workers?: number;
  /** Texts sent to a worker at a time; small enough that all workers stay busy to the end. */
  sliceSize?: number;
}

type WorkerMessage =
  | { type: 'ready' }
  | { type: 'failed'; error: string }
  | { type: 'result'; id: number; buffer?: ArrayBuffer; error?: string };

interface PendingSlice {
  resolve: (vectors: Float32Array[]) => void;
  reject: (error: Error) => void;
}

/**
 * Under tsx or vitest this module is the TypeScript source and the worker must load TypeScript too.
 * `execArgv: ['--import', 'tsx']` does not register the loader inside workers on Node 20, so a tiny
 * JavaScript bootstrap registers tsx's ESM hooks itself and then imports the worker. Compiled to
 * JavaScript, the sibling `.js` worker runs as is.
 */
function spawnWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./embedding-worker.js', import.meta.url));
  const workerUrl = new URL('./embedding-worker.ts', import.meta.url).href;
  const tsxApiUrl = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import { register } from ${JSON.stringify(tsxApiUrl)}; register(); await import(${JSON.stringify(workerUrl)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`));
}

/**
 * A pool of worker threads, each running the bundled sentence encoder, for ingest batches. tfjs runs
 * on one core per model, so a pool is the way to use both cores of the target machine.
 */
export async function createParallelEmbedder(options: ParallelEmbedderOptions = {}): Promise<ParallelEmbedder> {
  const size = options.workers && options.workers > 0 ? options.workers : availableParallelism();
  const sliceSize = options.sliceSize ?? 32;
  const dimension = LOCAL_EMBEDDER_DIMENSION;
  const pending = new Map<number, PendingSlice>();
  const idle: Worker[] = [];
  const queue: Array<{ id: number; texts: string[] }> = [];
  let nextId = 0;
  let closed = false;

  const dispatch = (): void => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!;
      worker.postMessage(queue.shift()!);
    }
  };

  const failAll = (error: Error): void => {
    for (const slice of pending.values()) slice.reject(error);
    pending.clear();
    queue.length = 0;
  };

  const workers = await Promise.all(
    Array.from({ length: size }, () => {
      const worker = spawnWorker();
      return new Promise<Worker>((resolve, reject) => {
        worker.on('message', (message: WorkerMessage) => {
          if (message.type === 'ready') return resolve(worker);
          if (message.type === 'failed') return reject(new Error(`embedding worker failed to load the model: ${message.error}`));
          const slice = pending.get(message.id);
          pending.delete(message.id);
          idle.push(worker);
          if (slice) {
            if (message.error !== undefined || !message.buffer) slice.reject(new Error(`embedding worker: ${message.error}`));
            else {
              const packed = new Float32Array(message.buffer);
              const rows = packed.length / dimension;
              slice.resolve(Array.from({ length: rows }, (_, row) => packed.slice(row * dimension, (row + 1) * dimension)));
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

  const embedSlice = (texts: string[]): Promise<Float32Array[]> =>
    new Promise((resolve, reject) => {
      if (closed) return reject(new Error('parallel embedder is closed'));
      const id = nextId++;
      pending.set(id, { resolve, reject });
      queue.push({ id, texts });
      dispatch();
    });

  return {
    modelId: LOCAL_EMBEDDER_MODEL_ID,
    dimension,
    workers: size,
    async embed(texts) {
      const slices: Array<Promise<Float32Array[]>> = [];
      for (let start = 0; start < texts.length; start += sliceSize) slices.push(embedSlice(texts.slice(start, start + sliceSize)));
      return (await Promise.all(slices)).flat();
    },
    async close() {
      closed = true;
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
