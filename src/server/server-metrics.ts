/**
 * Prometheus text-format metrics kept in memory. These are per-instance by design: Prometheus
 * scrapes every replica and sums, so nothing here needs to be shared.
 */

const latencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

type Labels = Record<string, string>;

function labelKey(labels: Labels): string {
  const parts = Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => `${name}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`);
  return parts.length > 0 ? `{${parts.join(',')}}` : '';
}

class Counter {
  private readonly values = new Map<string, number>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}
  increment(labels: Labels = {}, by = 1): void {
    const key = labelKey(labels);
    this.values.set(key, (this.values.get(key) ?? 0) + by);
  }
  total(): number {
    let sum = 0;
    for (const value of this.values.values()) sum += value;
    return sum;
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    if (this.values.size === 0) lines.push(`${this.name} 0`);
    for (const [key, value] of this.values) lines.push(`${this.name}${key} ${value}`);
    return lines.join('\n');
  }
}

class Histogram {
  private readonly series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}
  observe(seconds: number, labels: Labels = {}): void {
    const key = labelKey(labels);
    const entry = this.series.get(key) ?? { labels, counts: latencyBuckets.map(() => 0), sum: 0, count: 0 };
    latencyBuckets.forEach((bound, index) => {
      if (seconds <= bound) entry.counts[index]! += 1;
    });
    entry.sum += seconds;
    entry.count += 1;
    this.series.set(key, entry);
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const entry of this.series.values()) {
      latencyBuckets.forEach((bound, index) => {
        lines.push(`${this.name}_bucket${labelKey({ ...entry.labels, le: String(bound) })} ${entry.counts[index]}`);
      });
      lines.push(`${this.name}_bucket${labelKey({ ...entry.labels, le: '+Inf' })} ${entry.count}`);
      lines.push(`${this.name}_sum${labelKey(entry.labels)} ${entry.sum}`);
      lines.push(`${this.name}_count${labelKey(entry.labels)} ${entry.count}`);
    }
    return lines.join('\n');
  }
}

interface AdmissionGauges {
  readonly runningCount: number;
  readonly waitingCount: number;
}

/** Process memory under the names prom-client uses, so the usual dashboards read them; the soak benchmark does too. */
function memoryGauges(): string[] {
  const usage = process.memoryUsage();
  return [
    ['process_resident_memory_bytes', 'Resident set size.', usage.rss],
    ['nodejs_heap_size_total_bytes', 'V8 heap reserved.', usage.heapTotal],
    ['nodejs_heap_size_used_bytes', 'V8 heap in use.', usage.heapUsed],
    ['nodejs_external_memory_bytes', 'Memory held outside the V8 heap by JS objects (buffers, native addons).', usage.external],
    ['nodejs_array_buffers_bytes', 'ArrayBuffer and Buffer memory (part of external).', usage.arrayBuffers],
  ].flatMap(([name, help, value]) => [`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, `${name} ${value}`]);
}

export class ServerMetrics {
  readonly requests = new Counter('verbatim_http_requests_total', 'HTTP requests by route, method and status.');
  readonly requestDuration = new Histogram('verbatim_http_request_duration_seconds', 'Time to response headers by route.');
  readonly answers = new Counter('verbatim_answers_total', 'Answers completed, by endpoint and whether they abstained.');
  readonly answerDuration = new Histogram('verbatim_answer_duration_seconds', 'Whole-answer time, streams included, by endpoint.');
  readonly llmFallbacks = new Counter('verbatim_llm_fallbacks_total', 'Answers where the LLM failed and the extractive answer was served.');
  readonly rateLimited = new Counter('verbatim_rate_limited_total', 'Requests refused by a rate limit, by scope (address or key).');
  readonly loadShed = new Counter('verbatim_load_shed_total', 'Answers refused with 503 by admission control, by reason (line-full, wait-too-long).');
  readonly deadlines = new Counter('verbatim_deadline_exceeded_total', 'Answers stopped by REQUEST_DEADLINE_MS.');
  readonly clientAborts = new Counter('verbatim_client_aborts_total', 'Answers cancelled because the client went away.');
  private abstained = 0;
  private answered = 0;
  private streams = 0;
  private admission: AdmissionGauges | undefined;

  /** Reports the admission line's running and waiting answers as gauges. */
  watchAdmission(admission: AdmissionGauges): void {
    this.admission = admission;
  }

  recordAnswer(endpoint: string, abstained: boolean, fallback: boolean, seconds: number): void {
    this.answers.increment({ endpoint, abstained: String(abstained) });
    this.answerDuration.observe(seconds, { endpoint });
    if (fallback) this.llmFallbacks.increment();
    this.answered += 1;
    if (abstained) this.abstained += 1;
  }

  streamStarted(): void {
    this.streams += 1;
  }

  streamEnded(): void {
    this.streams -= 1;
  }

  get streamsInFlight(): number {
    return this.streams;
  }

  render(): string {
    const gauges = [
      '# HELP verbatim_abstention_ratio Share of answers that abstained since start.',
      '# TYPE verbatim_abstention_ratio gauge',
      `verbatim_abstention_ratio ${this.answered === 0 ? 0 : this.abstained / this.answered}`,
      '# HELP verbatim_streams_in_flight Answer streams currently open.',
      '# TYPE verbatim_streams_in_flight gauge',
      `verbatim_streams_in_flight ${this.streams}`,
      ...(this.admission
        ? [
            '# HELP verbatim_answers_running Answers being computed now.',
            '# TYPE verbatim_answers_running gauge',
            `verbatim_answers_running ${this.admission.runningCount}`,
            '# HELP verbatim_answers_waiting Answers waiting in line for their turn.',
            '# TYPE verbatim_answers_waiting gauge',
            `verbatim_answers_waiting ${this.admission.waitingCount}`,
          ]
        : []),
      ...memoryGauges(),
    ].join('\n');
    return (
      [
        this.requests,
        this.requestDuration,
        this.answers,
        this.answerDuration,
        this.llmFallbacks,
        this.rateLimited,
        this.loadShed,
        this.deadlines,
        this.clientAborts,
      ]
        .map((metric) => metric.render())
        .join('\n') +
      '\n' +
      gauges +
      '\n'
    );
  }
}
