import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprintFiles } from '../../src/retrieval/fingerprint-files.js';

describe('fingerprintFiles', () => {
  it('should give each file its size and sha256, and undefined for a missing one, on a worker thread or not', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'fingerprint-'));
    // Larger than one 8 MB read block, so the block loop is exercised.
    const large = Buffer.alloc(9 << 20, 7);
    large[123_456] = 1;
    const small = Buffer.from('{"a":1}\n');
    await writeFile(join(directory, 'large.bin'), large);
    await writeFile(join(directory, 'small.jsonl'), small);
    const paths = [join(directory, 'large.bin'), join(directory, 'missing.bin'), join(directory, 'small.jsonl')];
    const expected = [
      { bytes: large.length, sha256: createHash('sha256').update(large).digest('hex') },
      undefined,
      { bytes: small.length, sha256: createHash('sha256').update(small).digest('hex') },
    ];
    expect(await fingerprintFiles(paths, 0)).toEqual(expected);
    expect(await fingerprintFiles(paths, Number.POSITIVE_INFINITY)).toEqual(expected);
  });
});
