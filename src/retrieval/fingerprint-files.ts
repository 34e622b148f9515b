import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { fingerprintFile, type FileFingerprint } from './durable-file.js';

/**
 * Below this many bytes in all, starting a worker (~50 ms) costs more than the hashing it takes over
 * (sha256 runs at ~1.4 GB/s here); the overlap only pays when a second core is free.
 */
const WORKER_THRESHOLD_BYTES = 256 << 20;

/**
 * Plain JavaScript (a worker started from source text needs no TypeScript loader): hashes each file
 * in 8 MB blocks and posts back one result per path, `null` for a file it cannot read.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { openSync, readSync, closeSync } = require('node:fs');
const block = Buffer.allocUnsafe(8 << 20);
const results = workerData.paths.map((path) => {
  let descriptor;
  try {
    descriptor = openSync(path, 'r');
    const hash = createHash('sha256');
    let bytes = 0;
    for (;;) {
      const read = readSync(descriptor, block, 0, block.length, null);
      if (read === 0) break;
      hash.update(block.subarray(0, read));
      bytes += read;
    }
    return { bytes, sha256: hash.digest('hex') };
  } catch {
    return null;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
});
parentPort.postMessage(results);
`;

function fingerprintInWorker(paths: readonly string[]): Promise<Array<FileFingerprint | undefined>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { paths } });
    worker.once('message', (results: Array<FileFingerprint | null>) => resolve(results.map((result) => result ?? undefined)));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`checksum worker exited with code ${code}`));
    });
  });
}

/**
 * Size and sha256 of each file (undefined for one that is missing or unreadable). Large sets are hashed
 * on a worker thread, so verifying half a gigabyte of index overlaps with parsing it on the main thread
 * instead of preceding it.
 */
export async function fingerprintFiles(paths: readonly string[], workerThresholdBytes = WORKER_THRESHOLD_BYTES): Promise<Array<FileFingerprint | undefined>> {
  const sizes = await Promise.all(paths.map((path) => stat(path).then((info) => info.size, () => 0)));
  if (sizes.reduce((sum, size) => sum + size, 0) >= workerThresholdBytes) return fingerprintInWorker(paths);
  return Promise.all(paths.map((path) => fingerprintFile(path).catch(() => undefined)));
}
