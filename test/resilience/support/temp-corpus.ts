import { copyFile, mkdir, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseResolutionFile } from '../../../src/corpus/parse-resolution-file.js';

export const BUNDLED_FILES = ['corpus/A_RES_76_172.txt', 'corpus/A_RES_74_148.txt'];
export const SECURITY_COUNCIL_DIRECTORY = '/work/shared/corpus-extra/security-council';

export async function makeTemporaryDirectory(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `verbatim-${prefix}-`));
}

/** Copies the bundled resolutions and the first `count` Security Council texts the parser accepts. */
export async function copyCorpus(directory: string, count: number): Promise<string[]> {
  await mkdir(directory, { recursive: true });
  const files: string[] = [];
  for (const file of BUNDLED_FILES) {
    const target = join(directory, file.split('/').pop()!);
    await copyFile(file, target);
    files.push(target);
  }
  const names = (await readdir(SECURITY_COUNCIL_DIRECTORY)).sort();
  for (const name of names) {
    if (files.length >= count + BUNDLED_FILES.length) break;
    const source = join(SECURITY_COUNCIL_DIRECTORY, name);
    try {
      await parseResolutionFile(source);
    } catch {
      continue;
    }
    const target = join(directory, name);
    await copyFile(source, target);
    files.push(target);
  }
  return files;
}
