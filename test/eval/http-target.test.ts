import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpTarget } from '../../eval/http-target.js';
import { runEvaluation } from '../../eval/run-evaluation.js';
import { correctAnswerFor, fixtureCorpus, writeGoldenFile } from './eval-fixtures.js';

const corpus = fixtureCorpus();
let server: Server | undefined;

/** A stand-in for the Verbatim server's JSON routes, rate limiting its first chat request. */
async function startStandInServer(): Promise<{ url: string; chatBodies: unknown[] }> {
  const chatBodies: unknown[] = [];
  let limited = false;
  server = createServer((request, response) => {
    const parts: Buffer[] = [];
    request.on('data', (part: Buffer) => parts.push(part));
    request.on('end', () => {
      const path = decodeURIComponent(request.url ?? '');
      if (request.method === 'GET' && path === '/api/documents') {
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"documents":[]}');
      } else if (request.method === 'POST' && path === '/api/chat') {
        if (!limited) {
          limited = true;
          response.writeHead(429, { 'retry-after': '1' }).end('{"error":"rate-limited"}');
          return;
        }
        const body = JSON.parse(Buffer.concat(parts).toString('utf8')) as { messages: Array<{ content: string }>; stream: boolean };
        chatBodies.push(body);
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(correctAnswerFor(body.messages.at(-1)?.content ?? '', corpus)));
      } else if (request.method === 'GET' && path.startsWith('/api/units/')) {
        const unit = corpus.getUnit(path.slice('/api/units/'.length));
        if (!unit) response.writeHead(404).end('{"error":"unit-not-found"}');
        else response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ...unit, leadIn: null, footnotes: [] }));
      } else {
        response.writeHead(404).end();
      }
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, chatBodies };
}

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

describe('createHttpTarget', () => {
  it('should evaluate a running server over /api/chat with stream false, waiting out a 429', async () => {
    const { url, chatBodies } = await startStandInServer();
    const sleeps: number[] = [];
    const golden = await writeGoldenFile();
    const lines: string[] = [];
    const run = await runEvaluation(
      () => createHttpTarget(url, { sleep: async (milliseconds) => void sleeps.push(milliseconds) }),
      { goldenPath: golden.path, outDir: `${golden.directory}/out`, log: (line) => lines.push(line) },
    );
    expect(run.exitCode).toBe(0);
    expect(sleeps).toEqual([1000]);
    expect(chatBodies).toHaveLength(4);
    expect(chatBodies[0]).toEqual({ messages: [{ role: 'user', content: 'Can people be detained?' }], stream: false });
    expect(run.summary).toMatchObject({ items: 4, passed: 4, manifest: { mode: 'http', url } });
    expect(lines.at(-1)?.split('\n').at(-1)).toBe('4 passed, 0 failed');
  });

  it('should look units up over GET /api/units/:id and report missing ones as undefined', async () => {
    const { url } = await startStandInServer();
    const target = await createHttpTarget(url);
    expect((await target.getUnit('A/RES/1/1:OP1'))?.text).toBe('Calls upon States to pursue alternatives to detention;');
    expect(await target.getUnit('A/RES/1/1:OP99')).toBeUndefined();
  });

  it('should exit 2 when the server is unreachable', async () => {
    const { url } = await startStandInServer();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    server = undefined;
    const golden = await writeGoldenFile();
    const errors: string[] = [];
    const run = await runEvaluation(() => createHttpTarget(url), { goldenPath: golden.path, outDir: `${golden.directory}/out`, log: () => {}, logError: (line) => errors.push(line) });
    expect(run.exitCode).toBe(2);
    expect(errors[0]).toMatch(/unreachable \(ECONNREFUSED\)/);
  });
});
