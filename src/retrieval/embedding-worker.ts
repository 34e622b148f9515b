import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { createLocalEmbedder } from './local-embedder.js';

/**
 * One sentence encoder per worker thread. Messages in: `{ id, texts }`; out: `{ id, buffer }` with the
 * vectors packed row after row (transferred, not copied) or `{ id, error }`.
 */

export interface EmbeddingWorkerData {
  niceness?: number;
}

interface EmbedRequest {
  id: number;
  texts: string[];
}

if (!parentPort) throw new Error('embedding-worker must run inside a worker thread');
const port = parentPort;
const { niceness } = (workerData ?? {}) as EmbeddingWorkerData;
if (niceness !== undefined) {
  // Pid 0 is the calling thread on Linux: this worker alone. Where a platform refuses, the worker
  // still embeds, only at normal priority.
  try {
    setPriority(0, niceness);
  } catch {}
}
const ready = createLocalEmbedder();
// Surface a failed model load at start-up instead of on the first request.
ready.then(
  () => port.postMessage({ type: 'ready' }),
  (error: unknown) => port.postMessage({ type: 'failed', error: String(error) }),
);

port.on('message', (request: EmbedRequest) => {
  ready
    .then(async (embedder) => {
      const vectors = await embedder.embed(request.texts);
      const packed = new Float32Array(vectors.length * embedder.dimension);
      vectors.forEach((vector, row) => packed.set(vector, row * embedder.dimension));
      port.postMessage({ type: 'result', id: request.id, buffer: packed.buffer }, [packed.buffer]);
    })
    .catch((error: unknown) => port.postMessage({ type: 'result', id: request.id, error: String(error) }));
});
