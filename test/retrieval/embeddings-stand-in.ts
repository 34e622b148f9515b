import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for an OpenAI-compatible embeddings server: real HTTP on 127.0.0.1 speaking the
 * /v1/embeddings JSON protocol. It answers with data in reverse order (the protocol allows any order;
 * the `index` field says which input each vector is for) and unnormalised vectors whose component 0
 * is the text length.
 */
export interface StandInRequest {
  model: string;
  input: string[];
  encoding_format?: string;
  dimensions?: number;
  authorization?: string;
}

export function standInVector(text: string, dimension: number): number[] {
  return Array.from({ length: dimension }, (_, index) => (index === 0 ? text.length : 1));
}

async function readBody(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) body += String(chunk);
  return body;
}

export async function startEmbeddingsStandIn(defaultDimension = 8): Promise<{ baseURL: string; received: StandInRequest[]; close: () => Promise<void> }> {
  const received: StandInRequest[] = [];
  const server = createServer((request, response) => {
    void readBody(request).then((body) => {
      if (request.method !== 'POST' || request.url !== '/v1/embeddings') {
        response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
        return;
      }
      const payload = JSON.parse(body) as StandInRequest;
      received.push({ ...payload, ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}) });
      const dimension = payload.dimensions ?? defaultDimension;
      const data = payload.input.map((text, index) => ({ object: 'embedding', index, embedding: standInVector(text, dimension) })).reverse();
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ object: 'list', data, model: payload.model, usage: { prompt_tokens: 1, total_tokens: 1 } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
