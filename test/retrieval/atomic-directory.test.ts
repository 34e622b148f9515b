import { mkdir, mkdtemp, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { previousDirectoryOf, replaceDirectoryAtomically, resolveCurrentDirectory } from '../../src/retrieval/atomic-directory.js';

const fillWith = (content: string) => async (directory: string) => {
  await writeFile(join(directory, 'data.txt'), content);
  await writeFile(join(directory, 'marker'), 'done');
};

describe('replaceDirectoryAtomically', () => {
  it('should create the target, then replace it, leaving no temp or previous folder behind', async () => {
    const root = await mkdtemp(join(tmpdir(), 'atomic-'));
    const target = join(root, 'index');
    await replaceDirectoryAtomically(target, fillWith('first'));
    await replaceDirectoryAtomically(target, fillWith('second'));
    expect(await readFile(join(target, 'data.txt'), 'utf8')).toBe('second');
    expect(await readdir(root)).toEqual(['index']);
  });

  it('should leave the target untouched and clean up when filling fails', async () => {
    const root = await mkdtemp(join(tmpdir(), 'atomic-'));
    const target = join(root, 'index');
    await replaceDirectoryAtomically(target, fillWith('first'));
    await expect(
      replaceDirectoryAtomically(target, async (directory) => {
        await writeFile(join(directory, 'data.txt'), 'half-writ');
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(await readFile(join(target, 'data.txt'), 'utf8')).toBe('first');
    expect(await readdir(root)).toEqual(['index']);
  });

  it('should remove temp folders of writers that died', async () => {
    const root = await mkdtemp(join(tmpdir(), 'atomic-'));
    const target = join(root, 'index');
    // pid 2^22+1 is above Linux's pid_max default, so no live process owns it.
    await mkdir(join(root, `index.tmp-${2 ** 22 + 1}-deadbeef`));
    await replaceDirectoryAtomically(target, fillWith('first'));
    expect(await readdir(root)).toEqual(['index']);
  });
});

describe('resolveCurrentDirectory', () => {
  it('should fall back to the previous folder when a swap was cut between its two renames', async () => {
    const root = await mkdtemp(join(tmpdir(), 'atomic-'));
    const target = join(root, 'index');
    await replaceDirectoryAtomically(target, fillWith('first'));
    expect(await resolveCurrentDirectory(target, 'marker')).toBe(target);
    // The crash window: target renamed away, the new folder not yet renamed in.
    await rename(target, previousDirectoryOf(target));
    expect(await resolveCurrentDirectory(target, 'marker')).toBe(previousDirectoryOf(target));
    // The next writer completes normally and drops the stale previous folder.
    await replaceDirectoryAtomically(target, fillWith('second'));
    expect(await resolveCurrentDirectory(target, 'marker')).toBe(target);
    expect(await readdir(root)).toEqual(['index']);
  });

  it('should report no index when neither folder has the marker', async () => {
    const root = await mkdtemp(join(tmpdir(), 'atomic-'));
    await mkdir(join(root, 'index'));
    expect(await resolveCurrentDirectory(join(root, 'index'), 'marker')).toBeUndefined();
  });
});
