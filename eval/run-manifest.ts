import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The checked-out commit, read-only (`git rev-parse HEAD`); null outside a git work tree. */
export async function currentGitSha(directory = process.cwd()): Promise<string | null> {
  try {
    const { stdout } = await promisify(execFile)('git', ['rev-parse', 'HEAD'], { cwd: directory });
    return stdout.trim() || null;
  } catch {
    return null;
  }
}

/** sha256 of each corpus file (sorted by name), so two runs can be shown to have read the same documents. */
export async function hashCorpusDirectory(directory: string): Promise<Array<{ file: string; sha256: string }>> {
  let names: string[];
  try {
    names = (await readdir(directory, { withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name).sort();
  } catch {
    return [];
  }
  const hashes: Array<{ file: string; sha256: string }> = [];
  for (const name of names) hashes.push({ file: join(directory, name), sha256: sha256(await readFile(join(directory, name))) });
  return hashes;
}
