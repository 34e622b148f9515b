import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Pins the one-way dependency rule of DEVELOPERS.md: server → answer → retrieval → corpus/config,
 * with compare and storage beside retrieval; nothing in src/ reaches into ingest/, eval/ or bench/.
 */

const root = join(import.meta.dirname, '..');

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|js)$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((match) => match[1]!);
}

/** Which src/ layers each layer may import from (besides itself). */
const allowed: Record<string, string[]> = {
  corpus: ['config'],
  retrieval: ['corpus', 'config'],
  compare: ['corpus', 'retrieval', 'config'],
  storage: ['corpus', 'config', 'answer-types'],
  answer: ['retrieval', 'compare', 'corpus', 'config', 'answer-types'],
  server: ['answer', 'storage', 'retrieval', 'compare', 'corpus', 'config', 'answer-types'],
};

function layerOf(relativePath: string): string {
  if (relativePath === 'src/config.ts') return 'config';
  if (relativePath === 'src/main.ts') return 'main';
  if (relativePath === 'src/answer/answer-types.ts') return 'answer-types';
  return relativePath.split('/')[1] ?? 'unknown';
}

describe('architecture', () => {
  const files = sourceFiles(join(root, 'src')).map((file) => ({ file, path: relative(root, file) }));

  it('should keep imports between src layers flowing one way', () => {
    const violations: string[] = [];
    for (const { file, path } of files) {
      const layer = layerOf(path);
      if (layer === 'main' || layer === 'config' || layer === 'answer-types') continue;
      for (const specifier of importsOf(file)) {
        if (!specifier.startsWith('.')) continue;
        const target = relative(root, join(file, '..', specifier)).replace(/\.js$/, '.ts');
        if (!target.startsWith('src/')) {
          violations.push(`${path} imports ${specifier} (outside src/)`);
          continue;
        }
        const targetLayer = layerOf(target);
        if (targetLayer !== layer && !(allowed[layer] ?? []).includes(targetLayer)) {
          violations.push(`${path} (${layer}) imports ${target} (${targetLayer})`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('should read the environment only in src/config.ts', () => {
    const readers = [...files, ...sourceFiles(join(root, 'ingest')), ...sourceFiles(join(root, 'eval'))]
      .map((entry) => (typeof entry === 'string' ? { file: entry, path: relative(root, entry) } : entry))
      .filter(({ file, path }) => path !== 'src/config.ts' && /process\.env\b/.test(readFileSync(file, 'utf8')))
      .map(({ path }) => path);
    expect(readers).toEqual([]);
  });
});
