import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';

const folder = mkdtempSync(join(tmpdir(), 'verbatim-main-'));
let child: ChildProcess | undefined;

afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  rmSync(folder, { recursive: true, force: true });
});

/**
 * `npm start` end to end on the bundled corpus: it listens before the index exists (/readyz 503), ingests
 * with the real encoder, flips ready, answers with real citations, and exits cleanly on SIGTERM.
 * Slower than the other tests: one real ingest (a few seconds on an idle 2-core machine).
 */
describe('main', () => {
  it('should serve, become ready after ingesting the bundled corpus, answer, and stop on SIGTERM', async () => {
    // One bundled resolution keeps the real ingest short.
    const corpus = join(folder, 'corpus');
    mkdirSync(corpus);
    copyFileSync('corpus/A_RES_76_172.txt', join(corpus, 'A_RES_76_172.txt'));
    const environment: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      CORPUS_DIR: corpus,
      INDEX_DIR: join(folder, 'index'),
      DATA_DIR: folder,
      LOG_LEVEL: 'info',
    };
    for (const name of ['DATABASE_URL', 'SQLITE_PATH', 'REDIS_URL', 'ALLOWED_ORIGINS', 'WIDGET_KEYS', 'ANSWERER']) delete environment[name];
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: environment,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    const url = await new Promise<string>((resolve, reject) => {
      const reader = createInterface({ input: child!.stdout! });
      reader.on('line', (line) => {
        lines.push(line);
        const match = /"url":"(http:\/\/[^"]+)"/.exec(line);
        if (match?.[1]) resolve(match[1]);
      });
      child!.once('exit', (code) => reject(new Error(`exited with ${code}: ${lines.join('\n')}`)));
    });
    expect(lines.some((line) => line.includes('Verbatim listening on http://127.0.0.1:'))).toBe(true);

    let ready = await fetch(`${url}/readyz`);
    const deadline = Date.now() + 120_000;
    while (ready.status !== 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      ready = await fetch(`${url}/readyz`);
    }
    expect(ready.status).toBe(200);

    const response = await fetch(`${url}/api/chat`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ stream: false, messages: [{ role: 'user', content: 'What does resolution 76/172 say about the detention of migrant children?' }] }),
    });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { answerId: string; citations: Array<{ id: string }> };
    expect(answer.citations.length).toBeGreaterThan(0);
    const unit = await fetch(`${url}/api/units/${encodeURIComponent(answer.citations[0]!.id)}`);
    expect(unit.status).toBe(200);
    const feedback = await fetch(`${url}/api/feedback`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ answerId: answer.answerId, rating: 'up' }),
    });
    expect(feedback.status).toBe(201);

    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 180_000);
});
