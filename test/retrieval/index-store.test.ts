import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PARSER_VERSION } from '../../src/corpus/parse-resolution.js';
import type { RetrievalChunk } from '../../src/corpus/retrieval-chunk.js';
import { buildInMemorySearchIndex } from '../../src/retrieval/in-memory-search-index.js';
import { IndexLoadError } from '../../src/retrieval/index-load-error.js';
import { INDEX_FILES, INDEX_FORMAT_VERSION } from '../../src/retrieval/index-layout.js';
import { loadSearchIndex, writeSearchIndex } from '../../src/retrieval/index-store.js';
import type { SearchIndex } from '../../src/retrieval/search-index.js';
import { createFakeEmbedder } from '../support/fake-embedder.js';
import { fixtureChunks, fixtureDocuments } from './search-fixtures.js';

const embedder = createFakeEmbedder(64);
const queries = ['arbitrary detention of migrants', 'children best interests', 'trafficking women girls', 'report Secretary-General'];

async function writeFixtureIndex(directory: string, chunks: readonly RetrievalChunk[] = fixtureChunks) {
  const vectors = await embedder.embed(chunks.map((chunk) => chunk.text));
  return writeSearchIndex(directory, {
    documents: fixtureDocuments,
    chunks,
    vectors,
    manifest: {
      parserVersion: PARSER_VERSION,
      embedder: { modelId: embedder.modelId, dimension: embedder.dimension },
      vector: { space: 'cosine', m: 16, efConstruction: 200, efSearch: 64, count: chunks.length },
      documents: fixtureDocuments.map((document) => ({ sourceFile: document.sourceFile, checksum: document.checksum, symbol: document.symbol, units: document.units.length })),
      createdAt: '2026-01-01T00:00:00.000Z',
    },
  });
}

async function results(index: SearchIndex) {
  const out = [];
  for (const query of queries) {
    const [vector] = await embedder.embed([query]);
    out.push({ dense: index.searchDense(vector!, 4), lexical: index.searchLexical(query, 4) });
  }
  return out;
}

async function freshIndexDirectory(): Promise<{ root: string; directory: string }> {
  const root = await mkdtemp(join(tmpdir(), 'index-store-'));
  const directory = join(root, 'index');
  await writeFixtureIndex(directory);
  return { root, directory };
}

async function expectLoadError(directory: string, file: RegExp, expected = { modelId: embedder.modelId, dimension: embedder.dimension }) {
  const error = await loadSearchIndex(directory, expected).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(IndexLoadError);
  expect((error as IndexLoadError).file).toMatch(file);
  expect((error as Error).message).toMatch(/npm run ingest/);
  return error as IndexLoadError;
}

describe('writeSearchIndex and loadSearchIndex', () => {
  it('should give the same search results after a round trip as the index they were written from', async () => {
    const { directory } = await freshIndexDirectory();
    const loaded = await loadSearchIndex(directory, embedder);
    const inMemory = await buildInMemorySearchIndex({ documents: fixtureDocuments, chunks: fixtureChunks, embedder });
    expect(await results(loaded)).toEqual(await results(inMemory));
    expect(loaded.chunks).toEqual(fixtureChunks);
    expect(loaded.corpus.getUnit('A/RES/76/172:OP2')?.text).toMatch(/unaccompanied minors/);
    expect(loaded.manifest).toMatchObject({ formatVersion: INDEX_FORMAT_VERSION, parserVersion: PARSER_VERSION, vector: { efSearch: 64, count: fixtureChunks.length } });
    expect(Object.keys(loaded.manifest.files ?? {}).sort()).toEqual(['chunks.jsonl', 'documents.jsonl', 'lexical.bin', 'vectors.f32', 'vectors.hnsw']);
  });

  it('should refuse a folder without an index', async () => {
    const root = await mkdtemp(join(tmpdir(), 'index-store-'));
    await expectLoadError(join(root, 'nothing-here'), /manifest\.json/);
  });

  it('should refuse a truncated vector file', async () => {
    const { directory } = await freshIndexDirectory();
    await truncate(join(directory, INDEX_FILES.vectors), 100);
    const error = await expectLoadError(directory, /vectors\.f32/);
    expect(error.message).toMatch(/truncated/);
  });

  it('should refuse a corrupted file of the same size by its checksum', async () => {
    const { directory } = await freshIndexDirectory();
    const path = join(directory, INDEX_FILES.chunks);
    const bytes = await readFile(path);
    bytes[10] = bytes[10] === 0x41 ? 0x42 : 0x41;
    await writeFile(path, bytes);
    const error = await expectLoadError(directory, /chunks\.jsonl/);
    expect(error.message).toMatch(/checksum/);
  });

  it('should refuse an index of the previous format (MiniSearch JSON lines) with the rebuild hint', async () => {
    const { directory } = await freshIndexDirectory();
    const path = join(directory, INDEX_FILES.manifest);
    const manifest = JSON.parse(await readFile(path, 'utf8')) as { formatVersion: number };
    await writeFile(path, JSON.stringify({ ...manifest, formatVersion: INDEX_FORMAT_VERSION - 1 }));
    expect((await expectLoadError(directory, /manifest/)).message).toMatch(new RegExp(`format version ${INDEX_FORMAT_VERSION - 1}, this code reads ${INDEX_FORMAT_VERSION}`));
  });

  it('should refuse a lexical file whose structure is damaged even when its checksum was updated to match', async () => {
    const { directory } = await freshIndexDirectory();
    const path = join(directory, INDEX_FILES.lexical);
    const bytes = (await readFile(path)).subarray(0, 200);
    await writeFile(path, bytes);
    const manifestPath = join(directory, INDEX_FILES.manifest);
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { files: Record<string, { bytes: number; sha256: string }> };
    manifest.files[INDEX_FILES.lexical] = { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
    await writeFile(manifestPath, JSON.stringify(manifest));
    expect((await expectLoadError(directory, /lexical\.bin/)).message).toMatch(/truncated or damaged/);
  });

  it('should give the same filtered dense results as in memory while reading vectors from the file', async () => {
    const { directory } = await freshIndexDirectory();
    const loaded = await loadSearchIndex(directory, embedder);
    const inMemory = await buildInMemorySearchIndex({ documents: fixtureDocuments, chunks: fixtureChunks, embedder });
    const only2021 = (unitId: string) => unitId.startsWith('A/RES/76/172:');
    for (const query of queries) {
      const [vector] = await embedder.embed([query]);
      const hits = loaded.searchDense(vector!, 3, only2021);
      expect(hits.length).toBeGreaterThan(0);
      expect(hits).toEqual(inMemory.searchDense(vector!, 3, only2021));
    }
  });

  it('should refuse a manifest that is not valid JSON', async () => {
    const { directory } = await freshIndexDirectory();
    await writeFile(join(directory, INDEX_FILES.manifest), '{"formatVersion": 1,');
    await expectLoadError(directory, /manifest\.json/);
  });

  it('should refuse an index built by another embedder model or dimension', async () => {
    const { directory } = await freshIndexDirectory();
    expect((await expectLoadError(directory, /manifest/, { modelId: 'other-model', dimension: 64 })).message).toMatch(/other-model/);
    expect((await expectLoadError(directory, /manifest/, { modelId: embedder.modelId, dimension: 512 })).message).toMatch(/512/);
  });

  it('should refuse an index built by another parser version', async () => {
    const { directory } = await freshIndexDirectory();
    const path = join(directory, INDEX_FILES.manifest);
    const manifest = JSON.parse(await readFile(path, 'utf8')) as { parserVersion: string };
    await writeFile(path, JSON.stringify({ ...manifest, parserVersion: 'parser-0' }));
    expect((await expectLoadError(directory, /manifest/)).message).toMatch(/parser-0/);
  });

  it('should keep the previous index loadable when a write fails midway', async () => {
    const { root, directory } = await freshIndexDirectory();
    const before = await results(await loadSearchIndex(directory, embedder));
    const poisoned = fixtureChunks.map((chunk, index) =>
      index === 3 ? { ...chunk, toJSON: () => { throw new Error('simulated crash mid-write'); } } : chunk,
    );
    await expect(writeFixtureIndex(directory, poisoned)).rejects.toThrow('simulated crash mid-write');
    expect(await results(await loadSearchIndex(directory, embedder))).toEqual(before);
    expect(await readdir(root)).toEqual(['index']);
  });

  it('should keep the previous index loadable when the writing process is killed (kill -9)', async () => {
    const { root, directory } = await freshIndexDirectory();
    const before = await results(await loadSearchIndex(directory, embedder));
    const script = fileURLToPath(new URL('./write-large-index-script.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script, directory, '40000'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (data: Buffer) => (output += String(data)));
    // Kill as soon as the temp folder beside the index exists, i.e. mid-write.
    let sawTempFolder = false;
    for (let attempt = 0; attempt < 1000 && !sawTempFolder; attempt += 1) {
      sawTempFolder = (await readdir(root)).some((name) => name.startsWith('index.tmp-'));
      if (!sawTempFolder) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(sawTempFolder).toBe(true);
    expect(output).toMatch(/writing/);
    expect(output).not.toMatch(/finished/);
    expect((await readdir(root)).some((name) => name.startsWith('index.tmp-'))).toBe(true);
    expect(await results(await loadSearchIndex(directory, embedder))).toEqual(before);
    // The next write clears the dead writer's temp folder.
    await writeFixtureIndex(directory);
    expect(await readdir(root)).toEqual(['index']);
  });
});
