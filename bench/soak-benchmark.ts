import { cpus } from 'node:os';
import { writeBenchmarkResults, goalLine } from './support/benchmark-results.js';
import { readGoldenQuestions, SCALE_QUERIES } from './support/benchmark-queries.js';
import { readNumberFlag } from './support/command-flags.js';
import { markdownTable } from './support/markdown-table.js';
import { spawnBundledServer, type ServerProcess } from './support/server-process.js';
import { createSeededRandom } from './support/seeded-random.js';
import { counterValue, growthWindows, sampleMemory, windowGrowth, type MemorySample } from './support/soak-memory.js';
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
  /** Shed responses without a Retry-After header: a client would not know when to come back. */
  shedWithoutRetryAfter: number;
  aborted: number;
  failures: number;
  failureKinds: Map<string, number>;
  latencies: number[];
}

const newTally = (): PhaseTally => ({ requests: 0, ok: 0, shed: 0, shedWithoutRetryAfter: 0, aborted: 0, failures: 0, failureKinds: new Map(), latencies: [] });

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
    if (response.status === 429 || response.status === 503) {
      tally.shed += 1;
      if (!response.headers.get('retry-after')) tally.shedWithoutRetryAfter += 1;
    }
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

async function drive(url: string, clients: number, milliseconds: number, questions: string[], tally: PhaseTally, seed: number): Promise<void> {
  const until = performance.now() + milliseconds;
  const random = createSeededRandom(seed);
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      let count = client;
      while (performance.now() < until) await oneRequest(url, questions[count++ % questions.length]!, random, tally);
    }),
  );
}

async function streamsInFlight(url: string): Promise<number> {
  const metrics = await (await fetch(`${url}/metrics`)).text();
  return Number(/^verbatim_streams_in_flight\s+(\d+)/m.exec(metrics)?.[1] ?? Number.NaN);
}

const failureRate = (tally: PhaseTally) => (tally.requests - tally.aborted === 0 ? 0 : tally.failures / (tally.requests - tally.aborted));

function memoryTable(samples: MemorySample[]): string {
  // One sample per whole minute keeps the table readable; the JSON file has every 10-second sample.
  const perMinute = samples.filter((sample, index) => index === 0 || Math.floor(sample.minute) > Math.floor(samples[index - 1]!.minute) || index === samples.length - 1);
  return markdownTable(
    ['minute', 'RSS MB', 'heapUsed MB', 'heapTotal MB', 'external MB', 'arrayBuffers MB', 'load avg'],
    perMinute.map((sample) => [sample.minute.toFixed(1), sample.rss, sample.heapUsed, sample.heapTotal, sample.external, sample.arrayBuffers, sample.loadAverage]),
  );
}

export async function runBenchmark(parameters: string[]): Promise<void> {
  const minutes = readNumberFlag(parameters, 'minutes', 30);
  const clients = readNumberFlag(parameters, 'clients', 16);
  const burstClients = readNumberFlag(parameters, 'burst-clients', 400);
  const burstSeconds = readNumberFlag(parameters, 'burst-seconds', 20);
  const golden = await readGoldenQuestions();
  const questions = golden.length > 0 ? golden : SCALE_QUERIES;
  // Its own index folder: other benchmarks may rebuild the shared one while a 30-minute soak runs.
  const server: ServerProcess = await spawnBundledServer(['INDEX_DIR=data/bench/soak-index']);
  const soak = newTally();
  const burst = newTally();
  const recovery = newTally();
  const memory: MemorySample[] = [];
  let leakedStreams = Number.NaN;
  let shedByReason: Record<string, number> = {};
  let soakStarted = performance.now();
  const minuteNow = () => (performance.now() - soakStarted) / 60_000;
  const sample = async () => {
    memory.push(await sampleMemory(server.url, minuteNow(), () => server.residentMegabytes()));
    const last = memory.at(-1)!;
    console.error(`soak ${last.minute.toFixed(1)} min: ${soak.requests} requests, ${soak.failures} failures, RSS ${last.rss} MB, heapUsed ${last.heapUsed} MB, load ${last.loadAverage}`);
  };
  let sampler: NodeJS.Timeout | undefined;
  try {
    await drive(server.url, 4, 5_000, questions, newTally(), 1);
    soakStarted = performance.now();
    await sample();
    sampler = setInterval(() => void sample().catch(() => undefined), 10_000);
    await drive(server.url, clients, minutes * 60_000, questions, soak, 2);
    clearInterval(sampler);
    await sample();
    const shedBefore = await (await fetch(`${server.url}/metrics`)).text();
    await drive(server.url, burstClients, burstSeconds * 1000, questions, burst, 3);
    const shedAfter = await (await fetch(`${server.url}/metrics`)).text();
    shedByReason = Object.fromEntries(
      ['line-full', 'wait-too-long'].map((reason) => {
        const labels = `{reason="${reason}"}`;
        return [reason, counterValue(shedAfter, 'verbatim_load_shed_total', labels) - counterValue(shedBefore, 'verbatim_load_shed_total', labels)];
      }),
    );
    // Recovery: after the burst, ordinary load must be served in full without a restart.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await drive(server.url, 8, 10_000, questions, recovery, 4);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    leakedStreams = await streamsInFlight(server.url);
  } finally {
    clearInterval(sampler);
    await server.stop();
  }

  // Samples are pushed when their /metrics read returns, which a busy server can reorder.
  memory.sort((a, b) => a.minute - b.minute);
  const windows = growthWindows(minutes);
  const rssGrowth = windowGrowth(memory, 'rss', windows);
  const heapGrowth = windowGrowth(memory, 'heapUsed', windows);
  const rssFloorGrowth = windowGrowth(memory, 'rss', windows, 'floor');
  const heapFloorGrowth = windowGrowth(memory, 'heapUsed', windows, 'floor');
  const soakLoad = memory.map((entry) => entry.loadAverage);
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
  const table = markdownTable(['phase', 'requests', 'ok', 'client disconnects', 'shed (429/503)', 'failures', 'failure rate', 'p50 / p99 ms (ok)', 'failure kinds'], [
    row(`soak ${minutes} min, ${clients} clients`, soak),
    row(`burst ${burstSeconds} s, ${burstClients} clients`, burst),
    row('recovery 10 s, 8 clients', recovery),
  ]);
  const percent = (ratio: number) => `${ratio >= 0 ? '+' : ''}${(ratio * 100).toFixed(1)} %`;
  const windowText = `median of minutes ${windows.end[0].toFixed(1)}–${windows.end[1].toFixed(1)} vs median of minutes ${windows.baseline[0].toFixed(1)}–${windows.baseline[1].toFixed(1)}`;
  const goals = [
    goalLine('error rate ≤ 0.1% during the soak', failureRate(soak) <= 0.001, `${(failureRate(soak) * 100).toFixed(3)} % (${soak.failures} of ${soak.requests - soak.aborted} requests not cut by their client)`),
    goalLine('memory growth ≤ 5%', rssGrowth.ratio <= 0.05, `RSS ${percent(rssGrowth.ratio)} (${rssGrowth.baseline} → ${rssGrowth.end} MB, ${windowText}); heapUsed ${percent(heapGrowth.ratio)} (${heapGrowth.baseline} → ${heapGrowth.end} MB, same windows)`),
    goalLine('no leaked streams', leakedStreams === 0, `${leakedStreams} streams in flight after the load stopped`),
    goalLine(
      'beyond capacity the server sheds with 429/503',
      burst.shed > 0 && burst.failures === 0 && burst.shedWithoutRetryAfter === 0,
      `${burst.shed} shed (server count by reason: ${Object.entries(shedByReason).map(([reason, count]) => `${reason} ${count}`).join(', ')}), ${burst.shedWithoutRetryAfter} without Retry-After, ${burst.failures} failures during the burst`,
    ),
    goalLine('recovers by itself', recovery.failures === 0 && recovery.shed === 0 && recovery.ok > 0, `${recovery.ok} ok, ${recovery.shed} shed, ${recovery.failures} failures after the burst`),
  ];
  if (minutes < 30) goals.push(`- **not the 30-minute soak**: this run lasted ${minutes} min; run \`npm run bench -- soak --minutes 30\` for the issue's figure.`);
  const markdown = [
    `Command: \`npm run bench -- soak --minutes ${minutes} --clients ${clients} --burst-clients ${burstClients} --burst-seconds ${burstSeconds}\``,
    '',
    'Server: own process, bundled corpus and encoder, extractive answerer, rate limits raised, admission control at its defaults (MAX_CONCURRENT_ANSWERS, MAX_QUEUED_ANSWERS, MAX_QUEUE_WAIT_MS). Clients: 50% SSE /api/chat, 30% JSON /api/chat, 20% /v1/chat/completions; 15% disconnect abruptly (after headers or the first chunk). Every client sends its next request as soon as the last one ends, refusals included (no back-off): the burst is a worst case.',
    '',
    table,
    '',
    `Load average during the soak (1-minute, sampled every 10 s): median ${percentile(soakLoad, 50)}, max ${Math.max(...soakLoad)} on ${cpus().length} cores.`,
    '',
    `Memory growth is the change of the median between two windows of the soak, both after warm-up: ${windowText} (10-second samples; a window's median ignores single GC peaks). RSS is read from /proc; heapUsed, external and arrayBuffers from the server's /metrics (process.memoryUsage()).`,
    '',
    `Lowest sample of each window (the heap just after a full GC, what is really retained): RSS ${percent(rssFloorGrowth.ratio)} (${rssFloorGrowth.baseline} → ${rssFloorGrowth.end} MB), heapUsed ${percent(heapFloorGrowth.ratio)} (${heapFloorGrowth.baseline} → ${heapFloorGrowth.end} MB). V8 lets garbage pile up between full collections (heapUsed swings by a factor of 2–3), so the medians depend on where each window falls in that sawtooth.`,
    '',
    memoryTable(memory),
    '',
    '## Goals (issue 9, item 5)',
    '',
    ...goals,
  ].join('\n');
  const tallyData = (tally: PhaseTally) => ({ ...tally, failureKinds: Object.fromEntries(tally.failureKinds), latencies: undefined, p50: percentile(tally.latencies, 50), p99: percentile(tally.latencies, 99) });
  const { markdownFile } = await writeBenchmarkResults({
    name: 'soak',
    title: 'Overload and soak',
    markdown,
    data: { minutes, clients, burstClients, burstSeconds, windows, rssGrowth, heapGrowth, rssFloorGrowth, heapFloorGrowth, shedByReason, memory, leakedStreams, soak: tallyData(soak), burst: tallyData(burst), recovery: tallyData(recovery) },
  });
  console.log(table);
  console.log(goals.join('\n'));
  console.log(`wrote ${markdownFile}`);
}
