import { writeBenchmarkResults, goalLine } from './support/benchmark-results.js';
import { readGoldenQuestions, SCALE_QUERIES } from './support/benchmark-queries.js';
import { readNumberFlag } from './support/command-flags.js';
import { markdownTable } from './support/markdown-table.js';
import { spawnBundledServer, type ServerProcess } from './support/server-process.js';
import { createSeededRandom } from './support/seeded-random.js';
import { percentile } from './support/timing-statistics.js';

/**
 * Mixed load with abrupt client disconnects, then an overload burst and a recovery check.
 *   npm run bench -- soak [--minutes 30] [--clients 16] [--burst-clients 400] [--burst-seconds 20]
 * Not part of CI: the issue's 30-minute soak is `--minutes 30`.
 */
interface PhaseTally {
  requests: number;
  ok: number;
  shed: number;
  aborted: number;
  failures: number;
  failureKinds: Map<string, number>;
  latencies: number[];
}

const newTally = (): PhaseTally => ({ requests: 0, ok: 0, shed: 0, aborted: 0, failures: 0, failureKinds: new Map(), latencies: [] });

async function oneRequest(url: string, question: string, random: () => number, tally: PhaseTally): Promise<void> {
  const kind = random();
  const disconnect = random() < 0.15;
  const controller = new AbortController();
  const stream = kind < 0.5;
  const path = kind < 0.8 ? '/api/chat' : '/v1/chat/completions';
  const body = path === '/api/chat' ? { messages: [{ role: 'user', content: question }], stream } : { model: 'verbatim', messages: [{ role: 'user', content: question }], stream };
  const started = performance.now();
  tally.requests += 1;
  try {
    const response = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: controller.signal });
    if (disconnect) {
      // Abrupt disconnect: read at most one chunk, then drop the connection.
      const reader = response.body?.getReader();
      if (random() < 0.5) await reader?.read();
      controller.abort();
      tally.aborted += 1;
      return;
    }
    const text = await response.text();
    if (response.status === 429 || response.status === 503) tally.shed += 1;
    else if (response.status === 200 && !/event: error/.test(text)) {
      tally.ok += 1;
      tally.latencies.push(performance.now() - started);
    } else {
      tally.failures += 1;
      const key = `status ${response.status}${/event: error/.test(text) ? ' (SSE error)' : ''}`;
      tally.failureKinds.set(key, (tally.failureKinds.get(key) ?? 0) + 1);
    }
  } catch (error) {
    if (disconnect) {
      tally.aborted += 1;
      return;
    }
    tally.failures += 1;
    const key = (error as Error).name;
    tally.failureKinds.set(key, (tally.failureKinds.get(key) ?? 0) + 1);
  }
}

async function drive(url: string, clients: number, milliseconds: number, questions: string[], tally: PhaseTally, seed: number, onTick?: () => void): Promise<void> {
  const until = performance.now() + milliseconds;
  const random = createSeededRandom(seed);
  let tick = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      let count = client;
      while (performance.now() < until) {
        await oneRequest(url, questions[count++ % questions.length]!, random, tally);
        if (onTick && performance.now() - tick > 10_000) {
          tick = performance.now();
          onTick();
        }
      }
    }),
  );
}

async function streamsInFlight(url: string): Promise<number> {
  const metrics = await (await fetch(`${url}/metrics`)).text();
  return Number(/^verbatim_streams_in_flight\s+(\d+)/m.exec(metrics)?.[1] ?? Number.NaN);
}

const failureRate = (tally: PhaseTally) => (tally.requests - tally.aborted === 0 ? 0 : tally.failures / (tally.requests - tally.aborted));

export async function runBenchmark(parameters: string[]): Promise<void> {
  const minutes = readNumberFlag(parameters, 'minutes', 30);
  const clients = readNumberFlag(parameters, 'clients', 16);
  const burstClients = readNumberFlag(parameters, 'burst-clients', 400);
  const burstSeconds = readNumberFlag(parameters, 'burst-seconds', 20);
  const golden = await readGoldenQuestions();
  const questions = golden.length > 0 ? golden : SCALE_QUERIES;
  const server: ServerProcess = await spawnBundledServer();
  const soak = newTally();
  const burst = newTally();
  const recovery = newTally();
  const memory: Array<{ minute: number; rss: number }> = [];
  let leakedStreams = Number.NaN;
  const started = performance.now();
  try {
    await drive(server.url, 4, 5_000, questions, newTally(), 1);
    memory.push({ minute: 0, rss: server.residentMegabytes() });
    await drive(server.url, clients, minutes * 60_000, questions, soak, 2, () => {
      memory.push({ minute: (performance.now() - started) / 60_000, rss: server.residentMegabytes() });
      console.error(`soak ${((performance.now() - started) / 60_000).toFixed(1)} min: ${soak.requests} requests, ${soak.failures} failures, RSS ${memory.at(-1)!.rss} MB`);
    });
    memory.push({ minute: (performance.now() - started) / 60_000, rss: server.residentMegabytes() });
    await drive(server.url, burstClients, burstSeconds * 1000, questions, burst, 3);
    // Recovery: after the burst, ordinary load must be served in full without a restart.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await drive(server.url, 8, 10_000, questions, recovery, 4);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    leakedStreams = await streamsInFlight(server.url);
  } finally {
    await server.stop();
  }

  const baseline = memory[0]!.rss;
  const settled = memory.slice(Math.floor(memory.length / 2)).map((sample) => sample.rss);
  const growth = (percentile(settled, 50) - baseline) / baseline;
  const row = (name: string, tally: PhaseTally) => [
    name,
    tally.requests,
    tally.ok,
    tally.aborted,
    tally.shed,
    tally.failures,
    `${(failureRate(tally) * 100).toFixed(3)} %`,
    tally.latencies.length ? `${percentile(tally.latencies, 50).toFixed(0)} / ${percentile(tally.latencies, 99).toFixed(0)}` : 'n/a',
    [...tally.failureKinds].map(([kind, count]) => `${kind}×${count}`).join(', ') || '—',
  ];
  const table = markdownTable(['phase', 'requests', 'ok', 'client disconnects', 'shed (429/503)', 'failures', 'failure rate', 'p50 / p99 ms', 'failure kinds'], [
    row(`soak ${minutes} min, ${clients} clients`, soak),
    row(`burst ${burstSeconds} s, ${burstClients} clients`, burst),
    row('recovery 10 s, 8 clients', recovery),
  ]);
  const goals = [
    goalLine('error rate ≤ 0.1% during the soak', failureRate(soak) <= 0.001, `${(failureRate(soak) * 100).toFixed(3)} %`),
    goalLine('memory growth ≤ 5%', growth <= 0.05, `${(growth * 100).toFixed(1)} % (median RSS of the second half vs after warm-up, ${baseline} MB)`),
    goalLine('no leaked streams', leakedStreams === 0, `${leakedStreams} streams in flight after the load stopped`),
    goalLine('beyond capacity the server sheds with 429/503', burst.shed > 0 && burst.failures === 0, `${burst.shed} shed, ${burst.failures} failures during the burst`),
    goalLine('recovers by itself', recovery.failures === 0 && recovery.shed === 0 && recovery.ok > 0, `${recovery.ok} ok, ${recovery.shed} shed, ${recovery.failures} failures after the burst`),
  ];
  if (minutes < 30) goals.push(`- **not the 30-minute soak**: this run lasted ${minutes} min; run \`npm run bench -- soak --minutes 30\` for the issue's figure.`);
  const markdown = [
    `Command: \`npm run bench -- soak --minutes ${minutes} --clients ${clients} --burst-clients ${burstClients} --burst-seconds ${burstSeconds}\``,
    '',
    'Server: own process, bundled corpus and encoder, extractive answerer, rate limits raised, MAX_CONCURRENT_ANSWERS default. Clients: 50% SSE /api/chat, 30% JSON /api/chat, 20% /v1/chat/completions; 15% disconnect abruptly (after headers or the first chunk).',
    '',
    table,
    '',
    `RSS samples (minute → MB): ${memory.map((sample) => `${sample.minute.toFixed(1)} → ${sample.rss}`).join(', ')}`,
    '',
    '## Goals (issue 9, item 5)',
    '',
    ...goals,
  ].join('\n');
  const { markdownFile } = await writeBenchmarkResults({ name: 'soak', title: 'Overload and soak', markdown, data: { minutes, clients, burstClients, burstSeconds, memory, leakedStreams, soak: { ...soak, failureKinds: Object.fromEntries(soak.failureKinds), latencies: undefined }, burst: { ...burst, failureKinds: Object.fromEntries(burst.failureKinds), latencies: undefined }, recovery: { ...recovery, failureKinds: Object.fromEntries(recovery.failureKinds), latencies: undefined } } });
  console.log(table);
  console.log(goals.join('\n'));
  console.log(`wrote ${markdownFile}`);
}
