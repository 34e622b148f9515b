import { randomUUID } from 'node:crypto';
import type { Answer, AnswerEvent, AnswerRequest, AnswerService, Citation } from '../../src/answer/answer-types.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createCorpusStore, type CorpusStore } from '../../src/corpus/corpus-store.js';
import type { DocumentUnit, ResolutionDocument, UnitKind } from '../../src/corpus/resolution-document.js';
import { createApp } from '../../src/server/create-app.js';
import { createInFlightStreams, type InFlightStreams } from '../../src/server/in-flight-streams.js';
import { createJsonLogger } from '../../src/server/json-logger.js';
import { createReadiness, type Readiness } from '../../src/server/readiness.js';
import { createRequestRateLimiter, type RequestRateLimiter } from '../../src/server/request-rate-limiter.js';
import { ServerMetrics } from '../../src/server/server-metrics.js';
import { startServer, type RunningServer } from '../../src/server/start-server.js';
import type { AnswerRepository } from '../../src/storage/answer-repository.js';
import { openSqliteAnswerRepository } from '../../src/storage/sqlite-answer-repository.js';

type UnitSpec = [unit: string, kind: UnitKind, label: string, text: string, footnotes?: string[]];

function makeDocument(symbol: string, year: number, specs: UnitSpec[]): ResolutionDocument {
  const units: DocumentUnit[] = specs.map(([unit, kind, label, text, footnotes], order) => ({
    id: `${symbol}:${unit}`,
    unit,
    kind,
    label: `${symbol}, ${label}`,
    text,
    rawText: text,
    footnotes: (footnotes ?? []).map((footnote) => `${symbol}:${footnote}`),
    ...(unit.includes('(') ? { parentId: `${symbol}:${unit.slice(0, unit.indexOf('('))}`, leadIn: 'Calls upon States:' } : {}),
    order,
    line: order + 1,
  }));
  return {
    symbol,
    title: 'Protection of migrants',
    body: 'General Assembly',
    date: `${year}-12-16`,
    year,
    url: `https://undocs.org/en/${symbol}`,
    sourceFile: `corpus/${symbol.replace(/\//g, '_')}.txt`,
    checksum: 'test',
    units,
  };
}

/** Two small hand-made resolutions, shaped like the bundled ones. */
export function makeTestCorpus(): CorpusStore {
  return createCorpusStore([
    makeDocument('A/RES/74/148', 2019, [
      ['HEADER', 'header', 'header', 'Resolution adopted by the General Assembly on 18 December 2019'],
      ['PP1', 'preamble', 'preamble, para. 1', 'Recalling its resolutions on the protection of migrants,'],
      ['OP1', 'operative', 'para. 1', 'Calls upon States to promote and protect the human rights of all migrants;'],
      ['OP5', 'operative', 'para. 5', 'Calls upon States:'],
      ['OP5(a)', 'operative', 'para. 5 (a)', 'To end arbitrary detention of migrants;'],
      ['FN1', 'footnote', 'footnote 1', 'Resolution 45/158, annex.'],
      ['FOOTER', 'footer', 'adoption', '50th plenary meeting, 18 December 2019'],
    ]),
    makeDocument('A/RES/76/172', 2021, [
      ['HEADER', 'header', 'header', 'Resolution adopted by the General Assembly on 16 December 2021'],
      ['PP1', 'preamble', 'preamble, para. 1', 'Recalling its resolutions on the protection of migrants,', ['FN1']],
      ['OP1', 'operative', 'para. 1', 'Calls upon States to promote and protect the human rights of all migrants;'],
      ['OP5', 'operative', 'para. 5', 'Calls upon States:'],
      ['OP5(a)', 'operative', 'para. 5 (a)', 'To end arbitrary detention of migrants;'],
      ['OP5(b)', 'operative', 'para. 5 (b)', 'To review detention periods in order to avoid excessive detention of migrants;', ['FN2']],
      ['FN1', 'footnote', 'footnote 1', 'Resolution 45/158, annex.'],
      ['FN2', 'footnote', 'footnote 2', 'See A/HRC/36/42.'],
      ['FOOTER', 'footer', 'adoption', '53rd plenary meeting, 16 December 2021'],
    ]),
  ]);
}

export const detentionCitation: Citation = {
  id: 'A/RES/76/172:OP5(b)',
  label: 'A/RES/76/172, para. 5 (b)',
  quote: 'review detention periods in order to avoid excessive detention of migrants',
  url: 'https://undocs.org/en/A/RES/76/172',
};

export const rightsCitation: Citation = {
  id: 'A/RES/76/172:OP1',
  label: 'A/RES/76/172, para. 1',
  quote: 'promote and protect the human rights of all migrants',
  url: 'https://undocs.org/en/A/RES/76/172',
};

export type ScriptMode = 'normal' | 'hang' | 'throw' | 'error-event';

/**
 * A fake AnswerService with a fixed answer. "hang" waits until its signal aborts (like an LLM call
 * honouring AbortSignal) and records that it saw the abort; "throw" fails with internal text.
 */
export interface ScriptedAnswerService extends AnswerService {
  mode: ScriptMode;
  requests: AnswerRequest[];
  abortsObserved: number;
  /** When set, streams pause after their sources until it resolves (an answer still being composed). */
  gate?: Promise<void>;
  /** Resolves when the next request reaches the service. */
  nextRequest(): Promise<AnswerRequest>;
}

export const scriptedText = ['Migrants may not be held longer than needed: ', 'States should review detention periods ', 'to avoid excessive detention [A/RES/76/172, para. 5 (b)].'];

export function createScriptedAnswerService(mode: ScriptMode = 'normal'): ScriptedAnswerService {
  let waiters: Array<(request: AnswerRequest) => void> = [];
  const service: ScriptedAnswerService = {
    mode,
    requests: [],
    abortsObserved: 0,
    nextRequest: () => new Promise((resolve) => waiters.push(resolve)),
    async answer(request) {
      const events: AnswerEvent[] = [];
      for await (const event of service.stream(request)) events.push(event);
      const end = events.find((event) => event.type === 'answer-end');
      if (!end || end.type !== 'answer-end') throw new Error('scripted stream ended without answer-end');
      const answer: Answer = {
        answerId: end.answerId,
        answer: scriptedText.join(''),
        citations: [detentionCitation, rightsCitation],
        abstained: false,
        sources: [{ id: detentionCitation.id, label: detentionCitation.label, score: 0.9 }],
        timings: end.timings,
        answerer: 'extractive',
      };
      return answer;
    },
    async *stream(request) {
      service.requests.push(request);
      for (const wake of waiters) wake(request);
      waiters = [];
      if (service.mode === 'throw') throw new Error('database password is hunter2 at /secret/path');
      yield { type: 'sources', sources: [{ id: detentionCitation.id, label: detentionCitation.label, score: 0.9 }] };
      if (service.mode === 'hang') {
        const signal = request.signal;
        await new Promise<void>((resolve) => {
          if (!signal) return;
          if (signal.aborted) resolve();
          signal.addEventListener('abort', () => resolve(), { once: true });
        });
        service.abortsObserved += 1;
        throw new Error('aborted');
      }
      if (service.gate) await service.gate;
      if (service.mode === 'error-event') {
        yield { type: 'error', code: 'llm-exploded', message: 'internal: upstream key sk-123 rejected' };
        return;
      }
      for (const delta of scriptedText) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        yield { type: 'text-delta', delta };
      }
      yield { type: 'citations', citations: [detentionCitation, rightsCitation] };
      yield { type: 'answer-end', answerId: `answer-${randomUUID()}`, abstained: false, timings: { total: 3 }, answerer: 'extractive' };
    },
  };
  return service;
}

export function testConfig(environment: Record<string, string> = {}): Config {
  return loadConfig({
    RATE_LIMIT_PER_MINUTE: '1000',
    ALLOWED_ORIGINS: 'https://allowed.example',
    LOG_LEVEL: 'silent',
    ...environment,
  });
}

export interface TestApp {
  app: ReturnType<typeof createApp>;
  answerService: ScriptedAnswerService;
  repository: AnswerRepository;
  rateLimiter: RequestRateLimiter;
  readiness: Readiness;
  metrics: ServerMetrics;
  inFlight: InFlightStreams;
  logs: string[];
  config: Config;
}

export function buildTestApp(
  options: { environment?: Record<string, string>; mode?: ScriptMode; ready?: boolean; repository?: AnswerRepository; rateLimiter?: RequestRateLimiter } = {},
): TestApp {
  const config = testConfig(options.environment);
  const answerService = createScriptedAnswerService(options.mode);
  const repository = options.repository ?? openSqliteAnswerRepository(':memory:');
  const rateLimiter =
    options.rateLimiter ??
    createRequestRateLimiter({ perAddressPerMinute: config.RATE_LIMIT_PER_MINUTE, perKeyPerMinute: config.RATE_LIMIT_PER_KEY_PER_MINUTE });
  const readiness = createReadiness(options.ready ?? true);
  const metrics = new ServerMetrics();
  const inFlight = createInFlightStreams();
  const logs: string[] = [];
  const app = createApp({
    answerService,
    corpus: makeTestCorpus(),
    repository,
    rateLimiter,
    config,
    clock: () => new Date(),
    createId: () => randomUUID(),
    logger: createJsonLogger('debug', (line) => logs.push(line)),
    readiness,
    metrics,
    inFlight,
  });
  return { app, answerService, repository, rateLimiter, readiness, metrics, inFlight, logs, config };
}

export function listenOnFreePort(app: TestApp['app']): Promise<RunningServer> {
  return startServer(app, { port: 0, host: '127.0.0.1' });
}

/** Splits an SSE body into its named events. */
export function parseServerSentEvents(body: string): Array<{ event: string; data: string }> {
  return body
    .split('\n\n')
    .filter((block) => block.trim().length > 0)
    .map((block) => {
      const lines = block.split('\n');
      const event = lines.find((line) => line.startsWith('event: '))?.slice('event: '.length) ?? 'message';
      const data = lines
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice('data: '.length))
        .join('\n');
      return { event, data };
    });
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

export const question = { messages: [{ role: 'user', content: 'Can migrants be held while their papers are checked?' }] };
