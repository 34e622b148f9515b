import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ensureSearchIndex } from '../../src/retrieval/ensure-search-index.js';
import { IndexLoadError } from '../../src/retrieval/index-load-error.js';
import { INDEX_FORMAT_VERSION } from '../../src/retrieval/index-layout.js';
import { createFakeEmbedder } from '../support/fake-embedder.js';

async function setUp() {
  const root = await mkdtemp(join(tmpdir(), 'ensure-index-'));
  const corpus = join(root, 'corpus');
  await mkdir(corpus);
  for (const name of ['A_RES_76_172.txt', 'A_RES_74_148.txt']) await copyFile(join('corpus', name), join(corpus, name));
  return { root, config: loadConfig({ CORPUS_DIR: corpus, INDEX_DIR: join(root, 'data', 'index') }) };
}

describe('ensureSearchIndex', () => {
  it('should ingest the corpus when no index exists, then load the existing index without re-embedding', async () => {
    const { config } = await setUp();
    const embedder = createFakeEmbedder(64);
    const messages: string[] = [];
    const first = await ensureSearchIndex(config, embedder, (message) => messages.push(message));
    expect(first.corpus.documents()).toHaveLength(2);
    expect(messages.join('\n')).toMatch(/ingesting/);
    const callsAfterIngest = embedder.calls;
    expect(callsAfterIngest).toBeGreaterThan(0);

    const second = await ensureSearchIndex(config, embedder);
    expect(embedder.calls).toBe(callsAfterIngest);
    expect(second.manifest.createdAt).toBe(first.manifest.createdAt);
  });

  it('should rebuild an index of an older file format from its own source files', async () => {
    const { config } = await setUp();
    const first = await ensureSearchIndex(config, createFakeEmbedder(64));
    const manifestPath = join(config.INDEX_DIR, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { formatVersion: number };
    await writeFile(manifestPath, JSON.stringify({ ...manifest, formatVersion: INDEX_FORMAT_VERSION - 1 }));
    const messages: string[] = [];
    const rebuilt = await ensureSearchIndex(config, createFakeEmbedder(64), (message) => messages.push(message));
    expect(messages.join('\n')).toMatch(/older file format; rebuilding it from its 2 source files/);
    expect(rebuilt.manifest.formatVersion).toBe(INDEX_FORMAT_VERSION);
    expect(rebuilt.chunks.map((chunk) => chunk.chunkId)).toEqual(first.chunks.map((chunk) => chunk.chunkId));
  });

  it('should not rebuild an older-format index whose source files changed, and keep it', async () => {
    const { config } = await setUp();
    await ensureSearchIndex(config, createFakeEmbedder(64));
    const manifestPath = join(config.INDEX_DIR, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { formatVersion: number; documents: Array<{ sourceFile: string }> };
    const older = JSON.stringify({ ...manifest, formatVersion: INDEX_FORMAT_VERSION - 1 });
    await writeFile(manifestPath, older);
    await writeFile(manifest.documents[0]!.sourceFile, 'edited since the index was built');
    const error = await ensureSearchIndex(config, createFakeEmbedder(64)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(IndexLoadError);
    expect((error as Error).message).toMatch(/format version/);
    expect(await readFile(manifestPath, 'utf8')).toBe(older);
  });

  it('should not overwrite an existing index that cannot be loaded', async () => {
    const { config } = await setUp();
    await ensureSearchIndex(config, createFakeEmbedder(64));
    const manifestPath = join(config.INDEX_DIR, 'manifest.json');
    await writeFile(manifestPath, 'not json');
    await expect(ensureSearchIndex(config, createFakeEmbedder(64))).rejects.toBeInstanceOf(IndexLoadError);
    expect(await readFile(manifestPath, 'utf8')).toBe('not json');
  });
});
