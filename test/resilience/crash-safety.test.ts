import { spawn } from 'node:child_process';
import { cp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerService } from '../../src/answer/create-answer-service.js';
import { loadConfig } from '../../src/config.js';
import { buildSearchIndex } from '../../src/retrieval/build-search-index.js';
import { IndexLoadError } from '../../src/retrieval/index-load-error.js';
import { loadSearchIndex } from '../../src/retrieval/index-store.js';
import { createHash } from 'node:crypto';
import { createFakeEmbedder } from '../support/fake-embedder.js';
import { recordResilienceSection } from './support/resilience-report.js';
import { resilienceMode, scaled } from './support/resilience-mode.js';
import { copyCorpus, makeTemporaryDirectory } from './support/temp-corpus.js';
import { createSeededRandom } from '../../bench/support/seeded-random.js';

const QUESTIONS = [
  'What does the resolution say about migrants in detention?',
  'Which paragraph deals with violence against women migrant workers?',
  'What does the Security Council decide about the Military Staff Committee?',
  'What is said about the Commission for Indonesia?',
  'Who is requested to report to the General Assembly?',
  'What about the rights of children of migrants?',
];

const embedder = createFakeEmbedder(64);
const childScript = 'test/resilience/support/ingest-child.ts';

/** What a user would see: the answer text and its citations, nothing time- or id-dependent. */
async function answersOf(directory: string): Promise<string[]> {
  const index = await loadSearchIndex(directory, embedder);
  const service = createAnswerService({ index, embedder, config: loadConfig({}), createId: () => 'fixed' });
  const answers: string[] = [];
  for (const question of QUESTIONS) {
    const answer = await service.answer({ messages: [{ role: 'user', content: question }] });
    answers.push(JSON.stringify({ answer: answer.answer, citations: answer.citations.map((citation) => citation.id) }));
  }
  return answers;
}

interface ChildRun {
  started: Promise<number>;
  exited: Promise<{ code: number | null; at: number }>;
  kill(): void;
}

function runIngestChild(outputDirectory: string, files: readonly string[]): ChildRun {
  const child = spawn(process.execPath, ['--import', 'tsx', childScript, outputDirectory, ...files], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const started = new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (part: Buffer) => {
      output += part.toString();
      if (output.includes('ingest-started')) resolve(performance.now());
    });
    child.on('exit', () => reject(new Error(`ingest child exited before starting: ${output}`)));
  });
  started.catch(() => undefined);
  const exited = new Promise<{ code: number | null; at: number }>((resolve) => child.on('exit', (code) => resolve({ code, at: performance.now() })));
  return { started, exited, kill: () => child.kill('SIGKILL') };
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

describe('crash safety of the index', () => {
  let root: string;
  let baseFiles: string[];
  let allFiles: string[];
  let pristine: string;
  let baselineAnswers: string[];
  let updatedAnswers: string[];
  let ingestMilliseconds: number;

  beforeAll(async () => {
    root = await makeTemporaryDirectory('crash');
    allFiles = await copyCorpus(join(root, 'corpus'), 60);
    baseFiles = allFiles.slice(0, 32);
    pristine = join(root, 'pristine');
    await buildSearchIndex({ files: baseFiles, outputDirectory: pristine, embedder });
    baselineAnswers = await answersOf(pristine);
    const updated = join(root, 'updated');
    await cp(pristine, updated, { recursive: true });
    // The re-ingest the test kills: reuses the 32 documents and adds 30, as an operator would.
    const run = runIngestChild(updated, allFiles);
    const started = await run.started;
    const exit = await run.exited;
    expect(exit.code).toBe(0);
    ingestMilliseconds = exit.at - started;
    updatedAnswers = await answersOf(updated);
    expect(updatedAnswers).not.toEqual(baselineAnswers);
  });

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('should leave a loadable index that answers as before or as after, whenever the ingest is killed', async () => {
    const kills = scaled(100, 10);
    const random = createSeededRandom(2024);
    const outcomes = { previous: 0, completed: 0, broken: 0 };
    const target = join(root, 'live');
    const leftovers: string[] = [];
    for (let attempt = 0; attempt < kills; attempt += 1) {
      await rm(target, { recursive: true, force: true });
      await rm(`${target}.previous`, { recursive: true, force: true });
      await cp(pristine, target, { recursive: true });
      const run = runIngestChild(target, allFiles);
      const started = await run.started;
      // Uniform over the ingest itself (plus 10%), so kills land in parse, embed, graph build, fsync and swap.
      await sleep(random() * ingestMilliseconds * 1.1);
      run.kill();
      // A run that finished before the kill shows the ingest is quicker than measured: aim shorter next time.
      const exit = await run.exited;
      if (exit.code === 0) ingestMilliseconds = Math.min(ingestMilliseconds, exit.at - started);
      let answers: string[] | undefined;
      try {
        answers = await answersOf(target);
      } catch (error) {
        outcomes.broken += 1;
        leftovers.push(`attempt ${attempt}: ${(error as Error).message}`);
        continue;
      }
      if (JSON.stringify(answers) === JSON.stringify(baselineAnswers)) outcomes.previous += 1;
      else if (JSON.stringify(answers) === JSON.stringify(updatedAnswers)) outcomes.completed += 1;
      else {
        outcomes.broken += 1;
        leftovers.push(`attempt ${attempt}: answers match neither the previous nor the new index`);
      }
    }
    // After all the kills, an ordinary ingest still succeeds and cleans the dead writers' temp folders.
    await buildSearchIndex({ files: allFiles, outputDirectory: target, embedder });
    const strays = (await readdir(root)).filter((name) => name.startsWith('live.tmp-'));
    await recordResilienceSection({
      key: '3-crash-safety',
      title: 'Crash safety: kill -9 during ingest',
      figures: {
        'kill -9 moments': kills,
        'previous index loaded, identical answers': outcomes.previous,
        'ingest had completed, new index loaded, identical answers': outcomes.completed,
        'corrupted or unloadable indexes': outcomes.broken,
        'ingest duration the kill moments were drawn over (ms, shortest completed run)': Math.round(ingestMilliseconds),
        'temp folders left after the next ingest': strays.length,
      },
      notes: `Each kill: restore the previous index (32 documents), start an ingest of 62 documents in a child process (fake 64-dim embedder, real parser, chunker, hnswlib and atomic writer), SIGKILL it after a uniform random delay over the ingest duration × 1.1 (the duration is the shortest completed run seen so far), then load the index and answer ${QUESTIONS.length} questions. Mode: ${resilienceMode()}.`,
    });
    expect(leftovers).toEqual([]);
    expect(outcomes.broken).toBe(0);
    expect(outcomes.previous).toBeGreaterThan(0);
    expect(strays).toEqual([]);
  });

  describe('damaged index files', () => {
    const damages: Array<{ name: string; file: string; damage: (directory: string) => Promise<void>; message: RegExp }> = [
      { name: 'truncated vectors', file: 'vectors.f32', damage: (directory) => truncate(join(directory, 'vectors.f32'), 1000), message: /vectors\.f32.*truncated|vectors\.f32.*bytes/ },
      { name: 'truncated graph', file: 'vectors.hnsw', damage: (directory) => truncate(join(directory, 'vectors.hnsw'), 4096), message: /vectors\.hnsw/ },
      { name: 'corrupted graph byte', file: 'vectors.hnsw', damage: (directory) => flipByte(join(directory, 'vectors.hnsw')), message: /vectors\.hnsw.*checksum/ },
      { name: 'corrupted chunk line', file: 'chunks.jsonl', damage: (directory) => flipByte(join(directory, 'chunks.jsonl')), message: /chunks\.jsonl/ },
      { name: 'empty manifest', file: 'manifest.json', damage: (directory) => writeFile(join(directory, 'manifest.json'), ''), message: /manifest\.json/ },
      { name: 'manifest deleted', file: 'manifest.json', damage: (directory) => rm(join(directory, 'manifest.json')), message: /manifest\.json.*missing/ },
      {
        name: 'vectors of another dimension with a consistent manifest',
        file: 'vectors.f32',
        damage: async (directory) => {
          // A file of 32-dim rows whose checksum is recorded, so only the shape check can catch it.
          const manifest = JSON.parse(await readFile(join(directory, 'manifest.json'), 'utf8'));
          const bytes = Buffer.alloc(manifest.vector.count * 32 * 4);
          await writeFile(join(directory, 'vectors.f32'), bytes);
          manifest.files['vectors.f32'] = { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
          await writeFile(join(directory, 'manifest.json'), JSON.stringify(manifest));
        },
        message: /vectors\.f32.*expected/,
      },
      {
        name: 'manifest claiming another dimension',
        file: 'manifest.json',
        damage: async (directory) => {
          const manifest = JSON.parse(await readFile(join(directory, 'manifest.json'), 'utf8'));
          manifest.embedder.dimension = 512;
          await writeFile(join(directory, 'manifest.json'), JSON.stringify(manifest));
        },
        message: /dimensions/,
      },
    ];
    const detected: string[] = [];

    for (const damage of damages) {
      it(`should refuse ${damage.name} with a message naming ${damage.file}`, async () => {
        const directory = join(root, `damaged-${damages.indexOf(damage)}`);
        await cp(pristine, directory, { recursive: true });
        await damage.damage(directory);
        const error = await loadSearchIndex(directory, embedder).then(
          () => undefined,
          (caught: unknown) => caught,
        );
        expect(error).toBeInstanceOf(IndexLoadError);
        expect((error as IndexLoadError).message).toMatch(damage.message);
        expect((error as IndexLoadError).message).toContain('npm run ingest');
        detected.push(damage.name);
      });
    }

    it('should refuse an index built by an embedder of another dimension', async () => {
      const error = await loadSearchIndex(pristine, createFakeEmbedder(32)).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(IndexLoadError);
      expect((error as IndexLoadError).message).toMatch(/64 dimensions.*32|model|embedder/);
      detected.push('loaded with an embedder of another dimension');
      await recordResilienceSection({
        key: '3-index-damage',
        title: 'Damaged index files detected at load',
        figures: { 'damages tried': damages.length + 1, 'detected with IndexLoadError': detected.length, 'silently loaded': damages.length + 1 - detected.length },
        notes: detected.map((name) => `- ${name}`).join('\n'),
      });
    });
  });
});

async function flipByte(file: string): Promise<void> {
  const bytes = await readFile(file);
  const position = Math.floor(bytes.length / 2);
  bytes[position] = bytes[position]! ^ 0x5a;
  await writeFile(file, bytes);
}
