import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listCorpusFiles } from '../../src/corpus/list-corpus-files.js';

describe('listCorpusFiles', () => {
  it('should expand folders recursively into sorted .txt and .md files and keep named files', async () => {
    const root = await mkdtemp(join(tmpdir(), 'verbatim-corpus-'));
    await mkdir(join(root, 'nested'));
    for (const name of ['b.txt', 'a.md', 'notes.pdf', '.hidden.txt', 'nested/c.TXT']) await writeFile(join(root, name), 'x');
    const named = join(root, 'notes.pdf');
    expect(await listCorpusFiles([root, named, join(root, 'b.txt')])).toEqual(
      [join(root, 'a.md'), join(root, 'b.txt'), join(root, 'nested/c.TXT'), named].sort(),
    );
  });

  it('should fail on a path that does not exist', async () => {
    await expect(listCorpusFiles([join(tmpdir(), 'no-such-verbatim-folder')])).rejects.toThrow(/ENOENT/);
  });
});
