import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

const corpusExtensions = new Set(['.txt', '.md']);

/**
 * Expands files and folders (recursively) into the sorted, de-duplicated list of corpus files (.txt, .md).
 * A path named explicitly is kept whatever its extension; a missing path is an error, not a silent skip.
 */
export async function listCorpusFiles(paths: string[]): Promise<string[]> {
  const files = new Set<string>();
  for (const path of paths) {
    const info = await stat(path);
    if (info.isDirectory()) for (const file of await listFolder(path)) files.add(file);
    else files.add(path);
  }
  return [...files].sort();
}

async function listFolder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await listFolder(path)));
    else if (entry.isFile() && corpusExtensions.has(extname(entry.name).toLowerCase())) files.push(path);
  }
  return files;
}
