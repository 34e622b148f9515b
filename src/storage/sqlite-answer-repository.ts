import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { groupFeedbackRows, type AnswerRepository, type FeedbackRecord, type StoredAnswer } from './answer-repository.js';

const schema = `
CREATE TABLE IF NOT EXISTS answers (
  answer_id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  conversation_id TEXT,
  question TEXT NOT NULL,
  abstained INTEGER NOT NULL,
  record TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS feedback (
  feedback_id TEXT PRIMARY KEY,
  answer_id TEXT NOT NULL REFERENCES answers(answer_id),
  rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
  comment TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS feedback_answer ON feedback(answer_id);
`;

interface FeedbackRow {
  record: string;
  feedback_id: string;
  answer_id: string;
  rating: 'up' | 'down';
  comment: string | null;
  created_at: string;
}

/** One SQLite file (WAL, so readers never wait on the writer); the schema is created on open. */
export function openSqliteAnswerRepository(path: string): AnswerRepository {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new Database(path);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  database.exec(schema);

  const insertAnswer = database.prepare(
    `INSERT INTO answers (answer_id, created_at, conversation_id, question, abstained, record)
     VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(answer_id) DO NOTHING`,
  );
  const selectAnswer = database.prepare<[string], { record: string }>('SELECT record FROM answers WHERE answer_id = ?');
  const insertFeedback = database.prepare(
    `INSERT INTO feedback (feedback_id, answer_id, rating, comment, created_at)
     SELECT ?, answer_id, ?, ?, ? FROM answers WHERE answer_id = ?`,
  );
  const selectFeedback = database.prepare<[], FeedbackRow>(
    `SELECT a.record, f.feedback_id, f.answer_id, f.rating, f.comment, f.created_at
     FROM feedback f JOIN answers a ON a.answer_id = f.answer_id
     ORDER BY a.created_at, a.answer_id, f.created_at, f.rowid`,
  );

  return {
    async saveAnswer(answer: StoredAnswer) {
      insertAnswer.run(answer.answerId, answer.createdAt, answer.conversationId ?? null, answer.question, answer.abstained ? 1 : 0, JSON.stringify(answer));
    },
    async getAnswer(answerId) {
      const row = selectAnswer.get(answerId);
      return row ? (JSON.parse(row.record) as StoredAnswer) : undefined;
    },
    async saveFeedback(feedback: FeedbackRecord) {
      const result = insertFeedback.run(feedback.feedbackId, feedback.rating, feedback.comment ?? null, feedback.createdAt, feedback.answerId);
      return result.changes === 1;
    },
    async listAnswersWithFeedback() {
      return groupFeedbackRows(
        selectFeedback.all().map((row) => ({
          answer: JSON.parse(row.record) as StoredAnswer,
          feedback: {
            feedbackId: row.feedback_id,
            answerId: row.answer_id,
            rating: row.rating,
            ...(row.comment === null ? {} : { comment: row.comment }),
            createdAt: row.created_at,
          },
        })),
      );
    },
    async close() {
      if (database.open) database.close();
    },
  };
}
