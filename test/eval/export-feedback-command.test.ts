import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteAnswerRepository } from '../../src/storage/sqlite-answer-repository.js';
import { sampleAnswer } from '../storage/answer-repository-contract.js';

const run = promisify(execFile);
const folder = mkdtempSync(join(tmpdir(), 'verbatim-export-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('export-feedback command', () => {
  it('should write golden-set candidates for answers with feedback from the configured store', async () => {
    const sqlitePath = join(folder, 'verbatim.sqlite');
    const repository = openSqliteAnswerRepository(sqlitePath);
    const liked = sampleAnswer({ answerId: 'liked', createdAt: '2026-01-01T00:00:00.000Z' });
    const disliked = sampleAnswer({ answerId: 'disliked', createdAt: '2026-01-01T00:00:01.000Z' });
    await repository.saveAnswer(liked);
    await repository.saveAnswer(disliked);
    await repository.saveAnswer(sampleAnswer({ answerId: 'unrated' }));
    await repository.saveFeedback({ feedbackId: 'f1', answerId: 'liked', rating: 'up', createdAt: '2026-01-01T00:02:00.000Z' });
    await repository.saveFeedback({ feedbackId: 'f2', answerId: 'disliked', rating: 'down', comment: 'Cites 2019', createdAt: '2026-01-01T00:02:01.000Z' });
    await repository.close();

    const out = join(folder, 'candidates.jsonl');
    const environment: NodeJS.ProcessEnv = { ...process.env, SQLITE_PATH: sqlitePath, LOG_LEVEL: 'silent' };
    delete environment.DATABASE_URL;
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'eval/export-feedback-command.ts', '--out', out], { env: environment });
    expect(stdout).toContain('Wrote 2 candidates');
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => [line.id, line.type, line.needs_review])).toEqual([
      ['feedback-liked', 'feedback-up', false],
      ['feedback-disliked', 'feedback-down', true],
    ]);
    expect(lines[0]?.expected_citations).toEqual(['A/RES/76/172:OP5(b)']);
  });

  it('should exit with usage help when --out is missing', async () => {
    await expect(run(process.execPath, ['--import', 'tsx', 'eval/export-feedback-command.ts'])).rejects.toMatchObject({ code: 2 });
  });
});
