import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A stand-in for an OpenAI-compatible chat server, on 127.0.0.1, speaking the real
 * /v1/chat/completions protocol: JSON replies, or SSE chunks ending with `data: [DONE]` when the
 * request asks for `stream: true`. Each test scripts what it answers.
 */
export type StandInReply =
  /** A normal completion; streamed word by word when the request streams. */
  | { kind: 'text'; text: string; delayMs?: number; chunkDelayMs?: number }
  /** An HTTP error, e.g. 429 with Retry-After, or 500. */
  | { kind: 'status'; status: number; retryAfter?: string; message?: string; delayMs?: number }
  /** A stream that sends part of the text, then the connection dies without `[DONE]`. */
  | { kind: 'truncated'; text: string; delayMs?: number }
  /** The connection is reset before any response. */
  | { kind: 'reset' }
  /** Replies with every message of the prompt, to check what a prompt leaks. */
  | { kind: 'echo' }
  /** Never answers (until the client gives up or the server closes). */
  | { kind: 'hang' };

export interface RecordedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: {
    model?: string;
    stream?: boolean;
    messages?: Array<{ role: string; content: string }>;
    [key: string]: unknown;
  };
  receivedAt: number;
}

export interface StandInOpenAiServer {
  /** Base URL for the SDK, ending in `/v1`. */
  baseUrl: string;
  requests: RecordedRequest[];
  /** Replies used in order, one per request; `fallback` answers once the queue is empty. */
  enqueue(...replies: Array<StandInReply | ((request: RecordedRequest) => StandInReply)>): void;
  setFallback(reply: StandInReply | ((request: RecordedRequest) => StandInReply)): void;
  /** Requests whose connection the client closed before the reply ended (aborts, timeouts). */
  abortedRequests(): number;
  close(): Promise<void>;
}

export async function startStandInOpenAiServer(
  fallback: StandInReply | ((request: RecordedRequest) => StandInReply) = { kind: 'text', text: 'OK' },
): Promise<StandInOpenAiServer> {
  const queue: Array<StandInReply | ((request: RecordedRequest) => StandInReply)> = [];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let currentFallback = fallback;
  let aborted = 0;

  const server = createServer((request, response) => {
    const parts: Buffer[] = [];
    request.on('data', (part: Buffer) => parts.push(part));
    request.on('end', () => {
      let body: RecordedRequest['body'] = {};
      try {
        body = JSON.parse(Buffer.concat(parts).toString('utf8') || '{}') as RecordedRequest['body'];
      } catch {
        body = {};
      }
      const recorded: RecordedRequest = { path: request.url ?? '', headers: request.headers, body, receivedAt: Date.now() };
      requests.push(recorded);
      let finished = false;
      response.on('finish', () => {
        finished = true;
      });
      response.on('close', () => {
        if (!finished) aborted += 1;
      });
      if (!(request.url ?? '').endsWith('/chat/completions')) {
        sendJson(response, 404, { error: { message: 'not found', type: 'invalid_request_error' } });
        return;
      }
      const next = queue.shift() ?? currentFallback;
      const reply = typeof next === 'function' ? next(recorded) : next;
      void respond(reply, recorded, response);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...replies) => queue.push(...replies),
    setFallback: (reply) => {
      currentFallback = reply;
    },
    abortedRequests: () => aborted,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

async function respond(reply: StandInReply, request: RecordedRequest, response: ServerResponse): Promise<void> {
  const model = request.body.model ?? 'stand-in';
  switch (reply.kind) {
    case 'reset':
      response.socket?.destroy();
      return;
    case 'hang':
      return;
    case 'status': {
      if (reply.delayMs) await sleep(reply.delayMs);
      const headers: Record<string, string> = {};
      if (reply.retryAfter !== undefined) headers['retry-after'] = reply.retryAfter;
      const type = reply.status === 429 ? 'rate_limit_exceeded' : 'server_error';
      sendJson(response, reply.status, { error: { message: reply.message ?? `stand-in status ${reply.status}`, type, code: type } }, headers);
      return;
    }
    case 'echo': {
      const text = (request.body.messages ?? []).map((message) => `${message.role}: ${message.content}`).join('\n');
      await sendCompletion(response, request, model, text, 0);
      return;
    }
    case 'text':
      if (reply.delayMs) await sleep(reply.delayMs);
      await sendCompletion(response, request, model, reply.text, reply.chunkDelayMs ?? 0);
      return;
    case 'truncated': {
      if (reply.delayMs) await sleep(reply.delayMs);
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      const words = reply.text.split(/(?<=\s)/);
      for (const word of words.slice(0, Math.max(1, Math.floor(words.length / 2)))) {
        response.write(`data: ${JSON.stringify(chunk(model, { content: word }, null))}\n\n`);
      }
      await sleep(5);
      response.socket?.destroy();
      return;
    }
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

function chunk(model: string, delta: Record<string, string>, finishReason: string | null) {
  return {
    id: 'chatcmpl-stand-in',
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  };
}

async function sendCompletion(response: ServerResponse, request: RecordedRequest, model: string, text: string, chunkDelayMs: number) {
  if (!request.body.stream) {
    sendJson(response, 200, {
      id: 'chatcmpl-stand-in',
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model,
      choices: [{ index: 0, message: { role: 'assistant', content: text, refusal: null }, logprobs: null, finish_reason: 'stop' }],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    });
    return;
  }
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  response.write(`data: ${JSON.stringify(chunk(model, { role: 'assistant', content: '' }, null))}\n\n`);
  for (const word of text.split(/(?<=\s)/)) {
    if (response.destroyed) return;
    if (chunkDelayMs) await sleep(chunkDelayMs);
    response.write(`data: ${JSON.stringify(chunk(model, { content: word }, null))}\n\n`);
  }
  response.write(`data: ${JSON.stringify(chunk(model, {}, 'stop'))}\n\n`);
  response.end('data: [DONE]\n\n');
}
