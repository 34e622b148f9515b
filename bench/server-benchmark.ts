import autocannon from 'autocannon';
import { goalLine, writeBenchmarkResults } from './support/benchmark-results.js';
import { readGoldenQuestions, SCALE_QUERIES } from './support/benchmark-queries.js';
import { readListFlag, readNumberFlag } from './support/command-flags.js';
import { markdownTable } from './support/markdown-table.js';
import { spawnBundledServer, type ServerProcess } from './support/server-process.js';
import { formatMilliseconds, summarizeTimings } from './support/timing-statistics.js';

/**
 * autocannon against the real server (own process, bundled corpus, bundled encoder, rate limits raised)
 *   npm run bench -- server [--connections 16,64,256] [--seconds 10] [--no-cache]
 */
interface Scenario {
  name: string;
  path: string;
  body: (question: string) => unknown;
}

const scenarios: Scenario[] = [
  { name: '/api/chat (JSON)', path: '/api/chat', body: (question) => ({ messages: [{ role: 'user', content: question }], stream: false }) },
  { name: '/api/chat (SSE stream)', path: '/api/chat', body: (question) => ({ messages: [{ role: 'user', content: question }], stream: true }) },
  { name: '/v1/chat/completions', path: '/v1/chat/completions', body: (question) => ({ model: 'verbatim', messages: [{ role: 'user', content: question }], stream: false }) },
];

interface Row {
  scenario: string;
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
  timeouts: number;
  rssMegabytes: number;
}

async function load(server: ServerProcess, scenario: Scenario, connections: number, seconds: number, questions: string[]): Promise<Row> {
  const result = await autocannon({
    url: server.url,
    connections,
    duration: seconds,
    timeout: 30,
    requests: questions.map((question) => ({ method: 'POST', path: scenario.path, headers: { 'content-type': 'application/json' }, body: JSON.stringify(scenario.body(question)) })),
  });
  return {
    scenario: scenario.name,
    connections,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
    rssMegabytes: server.residentMegabytes(),
  };
}

/** Milliseconds from sending the request to the first SSE event, one request at a time. */
async function timeToFirstEvent(url: string, questions: string[], count: number): Promise<number[]> {
  const samples: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const started = performance.now();
    const response = await fetch(`${url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: questions[index % questions.length]! }], stream: true }),
    });
    const reader = response.body!.getReader();
    await reader.read();
    samples.push(performance.now() - started);
    await reader.cancel();
  }
  return samples;
}

export async function runBenchmark(parameters: string[]): Promise<void> {
  const connectionsList = readListFlag(parameters, 'connections', ['16', '64', '256']).map(Number);
  const seconds = readNumberFlag(parameters, 'seconds', 10);
  const noCache = parameters.includes('--no-cache');
  const golden = await readGoldenQuestions();
  const questions = golden.length > 0 ? golden : SCALE_QUERIES;
  const server = await spawnBundledServer(noCache ? ['--no-cache'] : []);
  const rows: Row[] = [];
  let idleRss = 0;
  let firstEvent: number[] = [];
  try {
    // Warm-up: kernels compiled, and every question asked once (one connection walks the whole list; each
    // connection starts the list from the top), so that with the query cache on every
    // row measures warm answers (cache hits), not a first pass of encoder calls in the first row only.
    await autocannon({ url: server.url, connections: 1, amount: questions.length, requests: questions.map((question) => ({ method: 'POST', path: '/api/chat', headers: { 'content-type': 'application/json' }, body: JSON.stringify(scenarios[0]!.body(question)) })) });
    idleRss = server.residentMegabytes();
    firstEvent = await timeToFirstEvent(server.url, questions, 60);
    for (const connections of connectionsList) {
      for (const scenario of scenarios) {
        // Let the previous row's unfinished requests drain, so each row starts from an idle server.
        await new Promise((resolve) => setTimeout(resolve, 5_000));
        const row = await load(server, scenario, connections, seconds, questions);
        rows.push(row);
        console.error(`${scenario.name} @${connections}: ${row.requestsPerSecond.toFixed(1)} req/s p50 ${row.p50} p99 ${row.p99} errors ${row.errors} non2xx ${row.non2xx}`);
      }
    }
  } finally {
    await server.stop();
  }
  const first = summarizeTimings(firstEvent);
  const table = markdownTable(
    ['endpoint', 'connections', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'errors', 'non-2xx', 'timeouts', 'server RSS MB after'],
    rows.map((row) => [row.scenario, row.connections, row.requestsPerSecond.toFixed(1), row.p50, row.p99, row.requests, row.errors, row.non2xx, row.timeouts, row.rssMegabytes]),
  );
  const at16 = rows.find((row) => row.connections === 16 && row.scenario === '/api/chat (JSON)');
  const goals = at16
    ? [
        goalLine('≥ 80 answers/s at 16 connections', at16.requestsPerSecond >= 80, `${at16.requestsPerSecond.toFixed(1)} answers/s`),
        goalLine('p99 ≤ 250 ms at 16 connections', at16.p99 <= 250, `${at16.p99} ms`),
        goalLine('0 errors', rows.every((row) => row.errors === 0 && row.timeouts === 0), `${rows.reduce((sum, row) => sum + row.errors + row.timeouts, 0)} errors/timeouts, ${rows.reduce((sum, row) => sum + row.non2xx, 0)} non-2xx (429/503 = load shed)`),
      ]
    : [];
  const markdown = [
    `Command: \`npm run bench -- server --connections ${connectionsList.join(',')} --seconds ${seconds}${noCache ? ' --no-cache' : ''}\``,
    '',
    `Server: its own process (bench/support/bundled-server-process.ts), the bundled corpus, the bundled encoder in a worker thread${noCache ? ' with the query cache off: cold figures, every question runs the encoder' : ' behind the production query cache, warmed by asking each of the ' + questions.length + ' questions once before measuring: warm figures, query embeddings are cache hits (`--no-cache` gives cold figures, bench/results/server-no-cache.md)'}, extractive answerer, rate limits raised via RATE_LIMIT_PER_MINUTE, MAX_CONCURRENT_ANSWERS at its default. Load: autocannon ${seconds} s per row, cycling through ${questions.length} ${golden.length ? 'golden-set' : 'benchmark'} questions. autocannon runs in the benchmark process, sharing the 2 cores with the server. Requests still in flight when a row's time is up are not counted (neither as done nor as errors); a row with few requests means answers took longer than the row lasted.`,
    '',
    table,
    '',
    `Time to first SSE event (idle server, one request at a time, ${first.runs} requests): p50 ${formatMilliseconds(first.median)} ms, p99 ${formatMilliseconds(first.p99)} ms. Server RSS idle after warm-up: ${idleRss} MB.`,
    '',
    '## Goals (issue 7)',
    '',
    ...goals,
  ].join('\n');
  const { markdownFile } = await writeBenchmarkResults({ name: noCache ? 'server-no-cache' : 'server', title: 'Server under load', markdown, data: { seconds, rows, firstEvent: first, idleRss, queryCache: !noCache } });
  console.log(table);
  console.log(goals.join('\n'));
  console.log(`wrote ${markdownFile}`);
}
