import type { Context } from 'hono';
import { stream } from 'hono/streaming';
import type { StreamingApi } from 'hono/utils/stream';
import type { Answer, AnswerEvent, ChatMessage } from '../answer/answer-types.js';
import type { RetrievalFilters } from '../retrieval/retrieval-types.js';
import type { StoredAnswer } from '../storage/answer-repository.js';
import type { ServerServices } from './app-dependencies.js';
import { AnswerRefusedError, openAnswerSession, type AnswerSession } from './answer-session.js';
import { describeError } from './json-logger.js';
import { isPublicErrorCode, PublicError, type PublicErrorCode } from './public-error.js';
import { AnswerAccumulator, toStoredAnswer } from './stored-answer.js';

export interface AnswerRun {
  messages: ChatMessage[];
  filters?: RetrievalFilters | undefined;
  conversationId?: string | undefined;
  channel: StoredAnswer['channel'];
  /** Ties the answer's log line to the request's. */
  requestId?: string | undefined;
}

/** How one endpoint writes a stream: its own wire format, same lifecycle. */
export interface StreamOutput {
  onEvent(event: Exclude<AnswerEvent, { type: 'answer-end' | 'error' }>, write: (text: string) => Promise<void>): Promise<void>;
  onEnd(answer: Answer, write: (text: string) => Promise<void>): Promise<void>;
  onError(code: PublicErrorCode, write: (text: string) => Promise<void>): Promise<void>;
}

/**
 * Opens the session and waits for the answer's turn. A refusal (line full, or the expected wait past
 * MAX_QUEUE_WAIT_MS) is a 503 with Retry-After; a request stopped while waiting gets its stop's error.
 */
async function openSession(c: Context, services: ServerServices): Promise<AnswerSession> {
  if (services.readiness.isDraining()) throw new PublicError('shutting-down', undefined, 5);
  let session: AnswerSession;
  try {
    session = openAnswerSession({ admission: services.admission, deadlineMs: services.config.REQUEST_DEADLINE_MS, clientSignal: c.req.raw.signal });
  } catch (error) {
    if (error instanceof AnswerRefusedError) services.metrics.loadShed.increment({ reason: error.reason });
    throw error;
  }
  try {
    await session.waitForTurn();
  } catch (error) {
    session.finish();
    throw new PublicError(stoppedErrorCode(services, session, error));
  }
  return session;
}

async function logAnswer(services: ServerServices, answer: Answer, run: AnswerRun, startedAt: number): Promise<void> {
  const seconds = (performance.now() - startedAt) / 1000;
  services.metrics.recordAnswer(run.channel, answer.abstained, answer.fallback ?? false, seconds);
  services.logger.info('answer', {
    requestId: run.requestId,
    answerId: answer.answerId,
    channel: run.channel,
    abstained: answer.abstained,
    answerer: answer.answerer,
    fallback: answer.fallback ?? false,
    citations: answer.citations.length,
    durationMs: Math.round(seconds * 1000),
  });
  try {
    await services.repository.saveAnswer(
      toStoredAnswer(answer, { messages: run.messages, channel: run.channel, createdAt: services.clock(), conversationId: run.conversationId }),
    );
  } catch (error) {
    // The user still gets the answer; only its feedback link is lost.
    services.logger.error('answer not stored', { answerId: answer.answerId, ...describeError(error) });
  }
}

function stoppedErrorCode(services: ServerServices, session: AnswerSession, error: unknown): PublicErrorCode {
  const reason = session.stopReason();
  if (reason === 'deadline') {
    services.metrics.deadlines.increment();
    return 'deadline-exceeded';
  }
  if (reason === 'shutdown') return 'shutting-down';
  if (reason === 'client') {
    services.metrics.clientAborts.increment();
    return 'answer-failed';
  }
  if (error instanceof PublicError) return error.code;
  services.logger.error('answer failed', describeError(error));
  return 'answer-failed';
}

/** Runs one answer to completion under the deadline and admission control, and logs it. */
export async function answerOnce(c: Context, services: ServerServices, run: AnswerRun): Promise<Answer> {
  const session = await openSession(c, services);
  const startedAt = performance.now();
  try {
    const answer = await session.race(
      services.answerService.answer({ messages: run.messages, ...(run.filters ? { filters: run.filters } : {}), signal: session.signal }),
    );
    await logAnswer(services, answer, run, startedAt);
    return answer;
  } catch (error) {
    throw new PublicError(stoppedErrorCode(services, session, error));
  } finally {
    session.finish();
  }
}

/** Streams one answer; its turn comes before the response so overload still gets a real 503. */
export async function streamAnswerResponse(c: Context, services: ServerServices, run: AnswerRun, output: StreamOutput): Promise<Response> {
  const session = await openSession(c, services);
  c.header('Content-Type', 'text/event-stream; charset=utf-8');
  c.header('Cache-Control', 'no-cache, no-transform');
  c.header('X-Accel-Buffering', 'no');
  return stream(c, async (writer: StreamingApi) => {
    const endTracking = services.inFlight.begin(() => session.stop('shutdown'));
    services.metrics.streamStarted();
    writer.onAbort(() => session.stop('client'));
    const write = async (text: string) => {
      if (!writer.aborted && !writer.closed) await writer.write(text);
    };
    const startedAt = performance.now();
    const accumulator = new AnswerAccumulator();
    let events: AsyncIterator<AnswerEvent> | undefined;
    let ended = false;
    try {
      events = services.answerService
        .stream({ messages: run.messages, ...(run.filters ? { filters: run.filters } : {}), signal: session.signal })
        [Symbol.asyncIterator]();
      while (!ended) {
        const step = await session.race(events.next());
        if (step.done) break;
        const event = step.value;
        if (event.type === 'error') {
          const code = session.stopReason() ? stoppedErrorCode(services, session, undefined) : isPublicErrorCode(event.code) ? event.code : 'answer-failed';
          if (session.stopReason() !== 'client') await output.onError(code, write);
          ended = true;
        } else if (event.type === 'answer-end') {
          const answer = accumulator.add(event);
          if (answer) {
            await logAnswer(services, answer, run, startedAt);
            await output.onEnd(answer, write);
          }
          ended = true;
        } else {
          accumulator.add(event);
          await output.onEvent(event, write);
        }
      }
      if (!ended) await output.onError('answer-failed', write);
    } catch (error) {
      const code = stoppedErrorCode(services, session, error);
      if (session.stopReason() !== 'client') await output.onError(code, write);
      void events?.return?.()?.catch(() => undefined);
    } finally {
      session.finish();
      endTracking();
      services.metrics.streamEnded();
    }
  });
}
