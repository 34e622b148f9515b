import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

export interface FileFingerprint {
  bytes: number;
  sha256: string;
}

/** Bytes gathered before each write, so a million small lines do not become a million syscalls. */
const FLUSH_BYTES = 1 << 20;

/**
 * Writes pieces to a new file, hashing as it goes, and fsyncs before closing so that once the index
 * folder is swapped in, its contents are on disk and not only in the page cache.
 */
export async function writeFileDurably(path: string, pieces: Iterable<Uint8Array | string>): Promise<FileFingerprint> {
  const handle = await open(path, 'wx');
  const hash = createHash('sha256');
  let bytes = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = async (): Promise<void> => {
    if (pendingBytes === 0) return;
    const buffer = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    hash.update(buffer);
    bytes += buffer.length;
    await handle.write(buffer);
  };
  try {
    for (const piece of pieces) {
      const buffer = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
      pending.push(buffer);
      pendingBytes += buffer.length;
      if (pendingBytes >= FLUSH_BYTES) await flush();
    }
    await flush();
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { bytes, sha256: hash.digest('hex') };
}

const FINGERPRINT_READ_BYTES = 8 << 20;

/**
 * Size and sha256 of an existing file, read in 8 MB blocks so large vector files stay out of memory.
 * (A stream's 64 KB chunks made hashing half a gigabyte take twice as long as the hashing itself.)
 */
export async function fingerprintFile(path: string): Promise<FileFingerprint> {
  const hash = createHash('sha256');
  const handle = await open(path, 'r');
  let bytes = 0;
  try {
    const block = Buffer.allocUnsafe(FINGERPRINT_READ_BYTES);
    for (;;) {
      const { bytesRead } = await handle.read(block, 0, block.length, null);
      if (bytesRead === 0) break;
      hash.update(block.subarray(0, bytesRead));
      bytes += bytesRead;
    }
  } finally {
    await handle.close();
  }
  return { bytes, sha256: hash.digest('hex') };
}

/** Flushes a file or folder entry that another library wrote (hnswlib) or a rename changed. */
export async function syncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
