import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { streamSSE } from 'hono/streaming';
import type { AnswerEvent, AnswerRequest, Citation, SourceReference } from '../../../src/answer/answer-types.js';
import { createWebRoutes } from '../../../src/server/web/web-routes.js';

/**
 * A stand-in for the Verbatim API speaking the documented wire contract (SSE events, unit and feedback
 * endpoints, origin-bound widget keys), plus a "customer website" on another origin. Used until, and
 * beside, the server engineer's createApp: the browser tests exercise the web assets, not the answerer.
 */

export interface UnitView {
  id: string;
  label: string;
  kind: string;
  text: string;
  footnotes: { id: string; label: string; text: string }[];
  url: string;
}

export interface ScriptedAnswer {
  sources: SourceReference[];
  /** Streamed in these pieces, in order. */
  deltas: string[];
  citations: Citation[];
  abstained?: boolean;
}

export interface StandInOptions {
  answer: (request: AnswerRequest) => ScriptedAnswer;
  units: UnitView[];
  allowedOrigins: string[];
  /** key → origin; when non-empty a cross-origin call must carry a key bound to its origin. */
  widgetKeys?: Record<string, string>;
  /** Awaited after the text deltas and before the citations, so a test can look at a half-streamed answer. */
  beforeCitations?: () => Promise<void>;
}

export interface StandInRecord {
  chatRequests: { body: unknown; origin: string | undefined; key: string | undefined }[];
  feedback: unknown[];
  refusals: number;
}

export function createStandInApp(options: StandInOptions): { app: Hono; record: StandInRecord } {
  const record: StandInRecord = { chatRequests: [], feedback: [], refusals: 0 };
  const keys = options.widgetKeys ?? {};
  const app = new Hono();
  app.use(
    '/api/*',
    cors({
      origin: (origin) => (options.allowedOrigins.includes(origin) ? origin : null),
      allowHeaders: ['Content-Type', 'X-Verbatim-Key'],
      allowMethods: ['GET', 'POST', 'OPTIONS'],
    }),
  );
  app.use('/api/*', async (context, next) => {
    const origin = context.req.header('Origin');
    const self = new URL(context.req.url).origin;
    if (origin && origin !== self) {
      const key = context.req.header('X-Verbatim-Key');
      const keyAllowed = Object.keys(keys).length === 0 || (key !== undefined && keys[key] === origin);
      if (!options.allowedOrigins.includes(origin) || !keyAllowed) {
        record.refusals += 1;
        return context.json({ error: { code: 'origin_not_allowed', message: 'This origin may not use the API.' } }, 403);
      }
    }
    return next();
  });
  app.post('/api/chat', async (context) => {
    const body = (await context.req.json()) as AnswerRequest;
    record.chatRequests.push({ body, origin: context.req.header('Origin'), key: context.req.header('X-Verbatim-Key') });
    const scripted = options.answer(body);
    const events: AnswerEvent[] = [
      { type: 'sources', sources: scripted.sources },
      ...scripted.deltas.map((delta): AnswerEvent => ({ type: 'text-delta', delta })),
      { type: 'citations', citations: scripted.citations },
      {
        type: 'answer-end',
        answerId: `answer-${record.chatRequests.length}`,
        abstained: scripted.abstained ?? false,
        timings: { total: 1 },
        answerer: 'extractive',
      },
    ];
    return streamSSE(context, async (stream) => {
      for (const event of events) {
        if (event.type === 'citations') await options.beforeCitations?.();
        await stream.writeSSE({ event: event.type, data: JSON.stringify(event) });
        await stream.sleep(15);
      }
    });
  });
  app.get('/api/documents', (context) =>
    context.json({
      documents: [
        { symbol: 'A/RES/74/148', title: 'Protection of migrants', year: 2019 },
        { symbol: 'A/RES/76/172', title: 'Protection of migrants', year: 2021 },
      ],
    }),
  );
  app.get('/api/units/:id', (context) => {
    const unit = options.units.find((candidate) => candidate.id === context.req.param('id'));
    if (!unit) return context.json({ error: { code: 'unit_not_found', message: 'No such unit.' } }, 404);
    return context.json(unit);
  });
  app.post('/api/feedback', async (context) => {
    record.feedback.push(await context.req.json());
    return context.json({ ok: true });
  });
  app.route('/', createWebRoutes());
  return { app, record };
}

export interface RunningServer {
  url: string;
  origin: string;
  close(): Promise<void>;
}

function closeServer(server: Pick<Server, 'close' | 'closeAllConnections'>): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections?.();
    server.close(() => resolve());
  });
}

export function listen(app: Hono): Promise<RunningServer> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      const origin = `http://127.0.0.1:${info.port}`;
      resolve({ url: `${origin}/`, origin, close: () => closeServer(server as Server) });
    });
  });
}

/** A different origin (another port, and "localhost" rather than the IP) serving one HTML page. */
export function serveCustomerSite(html: () => string, port = 0): Promise<RunningServer> {
  const server = createServer((request, response) => {
    if (request.url === '/' || request.url?.startsWith('/?')) {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(html());
      return;
    }
    response.writeHead(404).end();
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      const origin = `http://localhost:${port}`;
      resolve({ url: `${origin}/`, origin, close: () => closeServer(server) });
    });
  });
}

export function customerPage(scriptTag: string, hostileStyles = true): string {
  // The host page's own CSS is deliberately aggressive to show it cannot reach inside the widget.
  const styles = hostileStyles
    ? '<style>* { font-family: "Comic Sans MS", cursive !important; color: #c00 !important; } button { display: none !important; } li { font-size: 40px !important; }</style>'
    : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Migrant rights NGO</title>${styles}</head><body><main><h1>Migrant Rights Network</h1><p>We help people on the move know their rights.</p></main>${scriptTag}</body></html>`;
}
