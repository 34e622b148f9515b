import { mkdtemp, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileVectorRows, packedVectorRows } from '../../src/retrieval/vector-rows.js';

const dimension = 4;
const count = 5000;
const packed = Float32Array.from({ length: count * dimension }, (_, index) => index / 7);

async function vectorFile(): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'vector-rows-')), 'vectors.f32');
  await writeFile(file, new Uint8Array(packed.buffer));
  return file;
}

function collect(rows: ReturnType<typeof packedVectorRows>, wanted: number[]): Array<[number, number[]]> {
  const seen: Array<[number, number[]]> = [];
  rows.forEachRow(wanted, (row, vector) => seen.push([row, [...vector]]));
  return seen;
}

describe('vector rows', () => {
  it('should read the same rows from the file as from memory, near and far apart, across read blocks', async () => {
    const fromFile = fileVectorRows(await vectorFile(), count, dimension);
    const wanted = [0, 1, 2, 5, 30, 31, 2047, 2048, 2049, 4000, 4999];
    expect(collect(fromFile, wanted)).toEqual(collect(packedVectorRows(packed, dimension), wanted));
    expect(collect(fromFile, [])).toEqual([]);
  });

  it('should keep reading the file it opened after the path is replaced by a newer index', async () => {
    const file = await vectorFile();
    const fromFile = fileVectorRows(file, count, dimension);
    await writeFile(`${file}.new`, new Uint8Array(count * dimension * 4));
    const { rename } = await import('node:fs/promises');
    await rename(`${file}.new`, file);
    expect(collect(fromFile, [3])).toEqual(collect(packedVectorRows(packed, dimension), [3]));
  });

  it('should refuse a file of the wrong size', async () => {
    const file = await vectorFile();
    await truncate(file, 100);
    expect(() => fileVectorRows(file, count, dimension)).toThrow(/expected 5000 × 4 float32/);
  });
});
