import { copyFile, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/corpus/parse-error.js';
import { buildSearchIndex } from '../../src/retrieval/build-search-index.js';
import type { Embedder } from '../../src/retrieval/embedder.js';
import { loadSearchIndex } from '../../src/retrieval/index-store.js';
import { createFakeEmbedder } from '../support/fake-embedder.js';

const BUNDLED = ['A_RES_76_172.txt', 'A_RES_74_148.txt'];

/** The fake embedder, also counting how many texts it was asked to embed. */
function countingEmbedder(dimension = 64): Embedder & { calls: number; texts: number } {
  const inner = createFakeEmbedder(dimension);
  const counting = {
    modelId: inner.modelId,
    dimension,
    texts: 0,
    get calls() {
      return inner.calls;
    },
    embed: (texts: readonly string[]) => {
      counting.texts += texts.length;
      return inner.embed(texts);
    },
  };
  return counting;
}

async function corpusCopy(): Promise<{ root: string; files: string[]; output: string }> {
  const root = await mkdtemp(join(tmpdir(), 'build-index-'));
  const files = [];
  for (const name of BUNDLED) {
    await copyFile(join('corpus', name), join(root, name));
    files.push(join(root, name));
  }
  return { root, files, output: join(root, 'index') };
}

describe('buildSearchIndex', () => {
  it('should parse, chunk, embed and write an index that loads and finds paragraphs', async () => {
    const { files, output } = await corpusCopy();
    const embedder = countingEmbedder();
    const summary = await buildSearchIndex({ files, outputDirectory: output, embedder });
    expect(summary).toMatchObject({ documents: 2, embeddedDocuments: 2, reusedDocuments: 0, reusedChunks: 0 });
    expect(summary.embeddedChunks).toBe(summary.chunks);
    expect(embedder.texts).toBe(summary.chunks);
    expect(summary.chunks).toBeGreaterThanOrEqual(summary.units);

    const index = await loadSearchIndex(output, embedder);
    expect(index.corpus.documents().map((document) => document.symbol).sort()).toEqual(['A/RES/74/148', 'A/RES/76/172']);
    expect(index.corpus.documents().reduce((sum, document) => sum + document.units.length, 0)).toBe(summary.units);
    const [hit] = index.searchLexical('unaccompanied migrant children', 1);
    expect(index.corpus.getUnit(hit!.unitId)?.text.toLowerCase()).toMatch(/child/);
  });

  it('should reuse the stored vectors of unchanged documents on re-ingest', async () => {
    const { files, output } = await corpusCopy();
    const first = await buildSearchIndex({ files, outputDirectory: output, embedder: countingEmbedder() });
    const embedder = countingEmbedder();
    const before = await loadSearchIndex(output, embedder);
    const probe = (await embedder.embed(['detention of migrant children']))[0]!;
    const denseBefore = before.searchDense(probe, 5);
    embedder.texts = 0;

    const second = await buildSearchIndex({ files, outputDirectory: output, embedder });
    expect(second).toMatchObject({ documents: 2, embeddedDocuments: 0, reusedDocuments: 2, embeddedChunks: 0, reusedChunks: first.chunks });
    expect(embedder.texts).toBe(0);
    expect((await loadSearchIndex(output, embedder)).searchDense(probe, 5)).toEqual(denseBefore);
  });

  it('should embed only the document that changed', async () => {
    const { files, output } = await corpusCopy();
    const first = await buildSearchIndex({ files, outputDirectory: output, embedder: countingEmbedder() });
    await writeFile(files[1]!, `${await readFile(files[1]!, 'utf8')}\n`);
    const embedder = countingEmbedder();
    const second = await buildSearchIndex({ files, outputDirectory: output, embedder });
    expect(second).toMatchObject({ embeddedDocuments: 1, reusedDocuments: 1, chunks: first.chunks });
    expect(embedder.texts).toBe(second.embeddedChunks);
    expect(second.embeddedChunks).toBeGreaterThan(0);
    expect(second.embeddedChunks).toBeLessThan(first.chunks);
  });

  it('should embed everything again when the previous index was built by another embedder', async () => {
    const { files, output } = await corpusCopy();
    await buildSearchIndex({ files, outputDirectory: output, embedder: countingEmbedder(32) });
    const summary = await buildSearchIndex({ files, outputDirectory: output, embedder: countingEmbedder(64) });
    expect(summary).toMatchObject({ embeddedDocuments: 2, reusedDocuments: 0 });
    expect(summary.previousIndexProblem).toMatch(/fake-hashing-32/);
  });

  it('should fail on a malformed document with the parser error and leave the previous index as it was', async () => {
    const { root, files, output } = await corpusCopy();
    const embedder = countingEmbedder();
    await buildSearchIndex({ files, outputDirectory: output, embedder });
    const manifestBefore = await readFile(join(output, 'manifest.json'), 'utf8');
    const malformed = join(root, 'broken.txt');
    await writeFile(malformed, 'This is not a resolution at all.\nJust a shopping list: eggs, milk.\n');
    const failure = buildSearchIndex({ files: [...files, malformed], outputDirectory: output, embedder });
    await expect(failure).rejects.toBeInstanceOf(ParseError);
    await expect(failure).rejects.toThrow(/broken\.txt/);
    expect(await readFile(join(output, 'manifest.json'), 'utf8')).toBe(manifestBefore);
    await expect(loadSearchIndex(output, embedder)).resolves.toBeDefined();
    expect((await readdir(root)).filter((name) => name.startsWith('index'))).toEqual(['index']);
  });

  it('should keep the first of two files giving the same symbol and report the other', async () => {
    const { root, files, output } = await corpusCopy();
    const duplicate = join(root, 'zz-copy-of-76-172.txt');
    await writeFile(duplicate, `${await readFile(files[0]!, 'utf8')}\n\n`);
    const summary = await buildSearchIndex({ files: [...files, duplicate], outputDirectory: output, embedder: countingEmbedder() });
    expect(summary.documents).toBe(2);
    expect(summary.duplicates).toEqual([{ file: duplicate, symbol: 'A/RES/76/172', keptFile: files[0] }]);
    const index = await loadSearchIndex(output, countingEmbedder());
    expect(index.corpus.getDocument('A/RES/76/172')?.sourceFile).toBe(files[0]);
  });

  it('should report progress through parse, embed and write', async () => {
    const { files, output } = await corpusCopy();
    const phases = new Set<string>();
    let lastEmbed = { done: 0, total: -1 };
    await buildSearchIndex({
      files,
      outputDirectory: output,
      embedder: countingEmbedder(),
      embedBatchSize: 50,
      onProgress: (progress) => {
        phases.add(progress.phase);
        if (progress.phase === 'embed') lastEmbed = progress;
      },
    });
    expect([...phases]).toEqual(['parse', 'embed', 'write']);
    expect(lastEmbed.done).toBe(lastEmbed.total);
  });
});
