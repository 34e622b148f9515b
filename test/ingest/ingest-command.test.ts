import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runIngestCommand } from '../../ingest/run-ingest-command.js';
import { loadConfig } from '../../src/config.js';
import { loadSearchIndex } from '../../src/retrieval/index-store.js';
import { createFakeEmbedder } from '../support/fake-embedder.js';

function capture(): Writable & { text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      text += String(chunk);
      callback();
    },
  });
  return Object.assign(stream, { text: () => text });
}

async function run(argv: string[], environment: Record<string, string> = {}) {
  const stdout = capture();
  const stderr = capture();
  const embedder = createFakeEmbedder(64);
  let closed = false;
  const code = await runIngestCommand(argv, {
    config: loadConfig(environment),
    createEmbedder: async () => Object.assign(embedder, { close: async () => void (closed = true) }),
    stdout,
    stderr,
  });
  return { code, stdout: stdout.text(), stderr: stderr.text(), embedder, closed };
}

async function folderWithCorpus(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'ingest-command-'));
  await mkdir(join(root, 'docs'));
  for (const name of ['A_RES_76_172.txt', 'A_RES_74_148.txt']) await copyFile(join('corpus', name), join(root, 'docs', name));
  return root;
}

describe('ingest command', () => {
  it('should ingest a folder into --out and print the summary line', async () => {
    const root = await folderWithCorpus();
    const out = join(root, 'index');
    const result = await run([join(root, 'docs'), '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Indexed 2 documents, \d+ units, \d+ chunks into .* in \d+\.\d s \(embedded \d+ chunks of 2 documents, reused 0 chunks of 0 unchanged documents\)\.\n$/);
    expect(result.closed).toBe(true);
    expect((await loadSearchIndex(out, result.embedder)).corpus.documents()).toHaveLength(2);
  });

  it('should default to CORPUS_DIR and INDEX_DIR, and reuse everything on a second run', async () => {
    const root = await folderWithCorpus();
    const environment = { CORPUS_DIR: join(root, 'docs'), INDEX_DIR: join(root, 'data', 'index') };
    expect((await run([], environment)).code).toBe(0);
    const second = await run([], environment);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/embedded 0 chunks of 0 documents, reused \d+ chunks of 2 unchanged documents/);
    expect(second.embedder.calls).toBe(0);
  });

  it('should exit 1 with the parser error naming the file on a malformed document', async () => {
    const root = await folderWithCorpus();
    await writeFile(join(root, 'docs', 'zz-broken.txt'), 'Shopping list: eggs, milk.\n');
    const result = await run([join(root, 'docs'), '--out', join(root, 'index')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/zz-broken\.txt/);
    expect(result.stderr).toMatch(/existing index \(if any\) is unchanged/);
  });

  it('should exit 1 when there is nothing to ingest or an option is unknown', async () => {
    const root = await mkdtemp(join(tmpdir(), 'ingest-command-'));
    const empty = await run([root, '--out', join(root, 'index')]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/No documents found/);
    const unknown = await run(['--bogus']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/Usage: npm run ingest/);
  });

  it('should print usage for --help', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Usage: npm run ingest/);
  });
});
