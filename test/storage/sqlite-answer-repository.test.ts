import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteAnswerRepository } from '../../src/storage/sqlite-answer-repository.js';
import { describeAnswerRepositoryContract, sampleAnswer } from './answer-repository-contract.js';

const folder = mkdtempSync(join(tmpdir(), 'verbatim-sqlite-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('sqliteAnswerRepository', () => {
  let counter = 0;
  describeAnswerRepositoryContract(async () => openSqliteAnswerRepository(join(folder, `store-${counter++}.sqlite`)));

  it('should create its folder, use WAL and keep records across reopening', async () => {
    const path = join(folder, 'nested', 'data', 'verbatim.sqlite');
    const answer = sampleAnswer();
    const first = openSqliteAnswerRepository(path);
    await first.saveAnswer(answer);
    await first.close();
    const second = openSqliteAnswerRepository(path);
    expect(await second.getAnswer(answer.answerId)).toEqual(answer);
    await second.close();
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });
});
