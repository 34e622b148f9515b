import pg from 'pg';
import { groupFeedbackRows, type AnswerRepository, type FeedbackRecord, type StoredAnswer } from './answer-repository.js';

export interface PostgresRepositoryOptions {
  connectionString: string;
  /** Schema to create and use; tests pass a throwaway one so runs never see each other's rows. */
  schema?: string;
  maxConnections?: number;
}

// Arbitrary constant: serialises schema creation when several replicas start at once, since
// concurrent CREATE TABLE IF NOT EXISTS can still collide in PostgreSQL's catalog.
const schemaLockKey = 74_148_76_172;

function schemaStatements(schema: string): string[] {
  return [
    `CREATE SCHEMA IF NOT EXISTS ${schema}`,
    `CREATE TABLE IF NOT EXISTS ${schema}.answers (
       answer_id TEXT PRIMARY KEY,
       created_at TIMESTAMPTZ NOT NULL,
       conversation_id TEXT,
       question TEXT NOT NULL,
       abstained BOOLEAN NOT NULL,
       record JSONB NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS ${schema}.feedback (
       feedback_id TEXT PRIMARY KEY,
       answer_id TEXT NOT NULL REFERENCES ${schema}.answers(answer_id),
       rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
       comment TEXT,
       created_at TIMESTAMPTZ NOT NULL,
       position BIGSERIAL)`,
    `CREATE INDEX IF NOT EXISTS feedback_answer ON ${schema}.feedback(answer_id)`,
  ];
}

interface FeedbackRow {
  record: StoredAnswer;
  feedback_id: string;
  answer_id: string;
  rating: 'up' | 'down';
  comment: string | null;
  created_at: Date;
}

/** A pooled PostgreSQL store; creates its schema on open, so a fresh database just works. */
export async function openPostgresAnswerRepository(options: PostgresRepositoryOptions): Promise<AnswerRepository> {
  const schema = options.schema ?? 'public';
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Invalid PostgreSQL schema name: ${schema}`);
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.maxConnections ?? 10 });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);

  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [schemaLockKey]);
    for (const statement of schemaStatements(schema)) await client.query(statement);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
    await pool.end();
    throw error;
  }
  client.release();

  return {
    async saveAnswer(answer: StoredAnswer) {
      await pool.query(
        `INSERT INTO ${schema}.answers (answer_id, created_at, conversation_id, question, abstained, record)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (answer_id) DO NOTHING`,
        [answer.answerId, answer.createdAt, answer.conversationId ?? null, answer.question, answer.abstained, JSON.stringify(answer)],
      );
    },
    async getAnswer(answerId) {
      const result = await pool.query<{ record: StoredAnswer }>(`SELECT record FROM ${schema}.answers WHERE answer_id = $1`, [answerId]);
      return result.rows[0]?.record;
    },
    async saveFeedback(feedback: FeedbackRecord) {
      const result = await pool.query(
        `INSERT INTO ${schema}.feedback (feedback_id, answer_id, rating, comment, created_at)
         SELECT $1, answer_id, $2, $3, $4 FROM ${schema}.answers WHERE answer_id = $5`,
        [feedback.feedbackId, feedback.rating, feedback.comment ?? null, feedback.createdAt, feedback.answerId],
      );
      return result.rowCount === 1;
    },
    async listAnswersWithFeedback() {
      const result = await pool.query<FeedbackRow>(
        `SELECT a.record, f.feedback_id, f.answer_id, f.rating, f.comment, f.created_at
         FROM ${schema}.feedback f JOIN ${schema}.answers a ON a.answer_id = f.answer_id
         ORDER BY a.created_at, a.answer_id, f.created_at, f.position`,
      );
      return groupFeedbackRows(
        result.rows.map((row) => ({
          answer: row.record,
          feedback: {
            feedbackId: row.feedback_id,
            answerId: row.answer_id,
            rating: row.rating,
            ...(row.comment === null ? {} : { comment: row.comment }),
            createdAt: row.created_at.toISOString(),
          },
        })),
      );
    },
    async close() {
      await pool.end();
    },
  };
}
