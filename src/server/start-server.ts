import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

export interface RunningServer {
  /** e.g. `http://127.0.0.1:8787` (no trailing slash). */
  url: string;
  port: number;
  server: Server;
  /** Stops accepting connections and resolves once the open ones have ended. */
  close(): Promise<void>;
}

// Generic over the app's Env so any Hono app (with or without typed variables) can be served.
export function startServer<App extends Pick<Hono, 'fetch'>>(app: App, options: { port: number; host: string }): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info: AddressInfo) => {
      const host = info.address === '0.0.0.0' || info.address === '::' ? '127.0.0.1' : info.address;
      resolve({
        url: `http://${host.includes(':') ? `[${host}]` : host}:${info.port}`,
        port: info.port,
        server: server as Server,
        close: () =>
          new Promise<void>((done) => {
            (server as Server).close(() => done());
            (server as Server).closeIdleConnections();
          }),
      });
    }) as Server;
    // A client trickling its request (slowloris) must not hold a socket for Node's 5-minute default.
    server.headersTimeout = 10_000;
    server.requestTimeout = 15_000;
    server.once('error', reject);
  });
}
