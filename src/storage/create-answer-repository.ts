import { join } from 'node:path';
import type { Config } from '../config.js';
import type { AnswerRepository } from './answer-repository.js';
import { openPostgresAnswerRepository } from './postgres-answer-repository.js';
import { openSqliteAnswerRepository } from './sqlite-answer-repository.js';

/** PostgreSQL when DATABASE_URL is set (shared by replicas), otherwise one SQLite file under DATA_DIR. */
export async function createAnswerRepository(
  config: Pick<Config, 'DATABASE_URL' | 'SQLITE_PATH' | 'DATA_DIR'>,
): Promise<AnswerRepository> {
  if (config.DATABASE_URL) return openPostgresAnswerRepository({ connectionString: config.DATABASE_URL });
  return openSqliteAnswerRepository(config.SQLITE_PATH ?? join(config.DATA_DIR, 'verbatim.sqlite'));
}
