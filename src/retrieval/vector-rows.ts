import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * Where exact (filtered) search reads chunk vectors. A loaded index reads them from its vectors file on
 * demand: hnswlib already holds every vector, and a second resident copy would cost 2 GB at a million
 * chunks. A build or a test keeps the packed array it has in memory anyway.
 */
export interface VectorRows {
  readonly count: number;
  readonly dimension: number;
  /** Calls `visit` for each row (ascending) with its vector; the vector is only valid during the call. */
  forEachRow(rows: readonly number[], visit: (row: number, vector: Float32Array) => void): void;
}

export function packedVectorRows(packed: Float32Array, dimension: number): VectorRows {
  return {
    count: packed.length / dimension,
    dimension,
    forEachRow(rows, visit) {
      for (const row of rows) visit(row, packed.subarray(row * dimension, (row + 1) * dimension));
    },
  };
}

/** Rows read per system call at most; nearby rows are read together, gaps of a few rows included. */
const READ_ROWS = 2048;
const GAP_ROWS = 8;

/** Closes the descriptor of a file-backed row source nobody references any more (a reloaded index). */
const descriptors = new FinalizationRegistry<number>((descriptor) => {
  try {
    closeSync(descriptor);
  } catch {
    // Already closed: nothing to release.
  }
});

/**
 * Rows read from a float32 file by position, nearby rows in one read. The file is opened once, at load:
 * the descriptor keeps reading the loaded index's vectors even after a newer index is swapped in by
 * rename, and the page cache keeps repeated reads cheap.
 */
export function fileVectorRows(path: string, count: number, dimension: number): VectorRows {
  const rowBytes = dimension * 4;
  const descriptor = openSync(path, 'r');
  const size = fstatSync(descriptor).size;
  if (size !== count * rowBytes) {
    closeSync(descriptor);
    throw new Error(`is ${size} bytes, expected ${count} × ${dimension} float32`);
  }
  let buffer: Float32Array | undefined;
  const rows: VectorRows = {
    count,
    dimension,
    forEachRow(wanted, visit) {
      if (wanted.length === 0) return;
      buffer ??= new Float32Array(READ_ROWS * dimension);
      const bytes = new Uint8Array(buffer.buffer);
      for (let start = 0; start < wanted.length; ) {
        const first = wanted[start]!;
        let end = start + 1;
        while (end < wanted.length && wanted[end]! - wanted[end - 1]! <= GAP_ROWS && wanted[end]! - first < READ_ROWS) end += 1;
        const length = (wanted[end - 1]! - first + 1) * rowBytes;
        for (let done = 0; done < length; ) {
          const read = readSync(descriptor, bytes, done, length - done, first * rowBytes + done);
          if (read === 0) throw new Error(`${path} ended early at row ${first + done / rowBytes}`);
          done += read;
        }
        for (let position = start; position < end; position += 1) {
          const offset = (wanted[position]! - first) * dimension;
          visit(wanted[position]!, buffer.subarray(offset, offset + dimension));
        }
        start = end;
      }
    },
  };
  descriptors.register(rows, descriptor);
  return rows;
}
