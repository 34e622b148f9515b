import { describe, expect, it } from 'vitest';
import { createShutdown } from '../../src/server/graceful-shutdown.js';
import { createJsonLogger } from '../../src/server/json-logger.js';
import { buildTestApp, listenOnFreePort, parseServerSentEvents, postJson, question } from './server-test-kit.js';

async function startWithShutdown(options: Parameters<typeof buildTestApp>[0], drainTimeoutMs: number) {
  const test = buildTestApp(options);
  const server = await listenOnFreePort(test.app);
  const closed: string[] = [];
  const shutdown = createShutdown({
    server,
    readiness: test.readiness,
    inFlight: test.inFlight,
    logger: createJsonLogger('silent'),
    drainTimeoutMs,
    closers: [
      async () => {
        closed.push('repository');
        await test.repository.close();
      },
    ],
  });
  return { test, server, shutdown, closed };
}

describe('gracefulShutdown', () => {
  it('should let an open stream finish, stop accepting new connections, then close the stores', async () => {
    const { test, server, shutdown, closed } = await startWithShutdown({}, 5_000);
    let release!: () => void;
    test.answerService.gate = new Promise((resolve) => (release = resolve));
    const reached = test.answerService.nextRequest();
    const streaming = postJson(`${server.url}/api/chat`, question).then((response) => response.text());
    await reached;
    const stopping = shutdown('SIGTERM');
    expect(test.readiness.isReady()).toBe(false);
    expect((await test.app.request('/readyz')).status).toBe(503);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    expect(closed).toEqual([]);
    release();
    const events = parseServerSentEvents(await streaming);
    expect(events.map((event) => event.event).at(-1)).toBe('answer-end');
    await stopping;
    expect(closed).toEqual(['repository']);
  });

  it('should cut a stream short with an error event once the drain bound passes', async () => {
    const { server, shutdown, closed } = await startWithShutdown({ mode: 'hang' }, 100);
    const response = await postJson(`${server.url}/api/chat`, question);
    const body = response.text();
    await shutdown('SIGINT');
    const events = parseServerSentEvents(await body);
    expect(JSON.parse(events.at(-1)!.data)).toMatchObject({ type: 'error', code: 'shutting-down' });
    expect(closed).toEqual(['repository']);
  });
});
