import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createCorpusStore, type CorpusStore } from '../../src/corpus/corpus-store.js';
import { parseResolution } from '../../src/corpus/parse-resolution.js';
import type { ResolutionDocument } from '../../src/corpus/resolution-document.js';

function load(name: string): ResolutionDocument {
  const path = fileURLToPath(new URL(`../../corpus/${name}`, import.meta.url));
  return parseResolution(readFileSync(path, 'utf8'), { sourceFile: path });
}

/** The two bundled versions of "Protection of migrants", parsed by the project's parser. */
export function bundledMigrantsResolutions(): { older: ResolutionDocument; newer: ResolutionDocument; corpus: CorpusStore } {
  const older = load('A_RES_74_148.txt');
  const newer = load('A_RES_76_172.txt');
  return { older, newer, corpus: createCorpusStore([newer, older]) };
}
