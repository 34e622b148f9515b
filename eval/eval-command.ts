import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/config.js';
import { createOpenAiJudge, type AnswerJudge } from './answer-judge.js';
import { HarnessError } from './harness-error.js';
import { createHttpTarget } from './http-target.js';
import { loadThresholdFile, parseThreshold, type Threshold } from './quality-gates.js';
import { runEvaluation } from './run-evaluation.js';

const usage = `Usage: npm run eval -- --golden FILE --out DIR [--url http://host:port] [--k 10]
         [--min metric=value]... [--max metric=value]... [--thresholds FILE] [--baseline FILE] [--judge]
Exit codes: 0 pass, 1 quality below a threshold or a regression, 2 harness error.`;

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        golden: { type: 'string', default: 'eval/golden.jsonl' },
        out: { type: 'string', default: 'eval/out' },
        url: { type: 'string' },
        k: { type: 'string', default: '10' },
        min: { type: 'string', multiple: true, default: [] },
        max: { type: 'string', multiple: true, default: [] },
        thresholds: { type: 'string' },
        baseline: { type: 'string' },
        judge: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  if (values.help) {
    console.log(usage);
    return 0;
  }
  try {
    const config = loadConfig();
    const thresholds: Threshold[] = [
      ...(values.thresholds ? await loadThresholdFile(values.thresholds) : []),
      ...values.min.map((text) => parseThreshold(text, 'min')),
      ...values.max.map((text) => parseThreshold(text, 'max')),
    ];
    const k = Number(values.k);
    let judge: AnswerJudge | undefined;
    if (values.judge) {
      if (!config.LLM_BASE_URL) throw new HarnessError('--judge needs LLM_BASE_URL (and LLM_MODEL, LLM_API_KEY as needed) for an OpenAI-compatible endpoint.');
      judge = createOpenAiJudge({
        baseUrl: config.LLM_BASE_URL,
        model: config.LLM_MODEL,
        cacheDirectory: join(config.DATA_DIR, 'eval-judge-cache'),
        timeoutMs: config.LLM_TIMEOUT_MS * 4,
        ...(config.LLM_API_KEY ? { apiKey: config.LLM_API_KEY } : {}),
      });
    }
    const url = values.url;
    const run = await runEvaluation(
      async () => {
        if (url) return createHttpTarget(url);
        // Loaded only here: --url runs never load the encoder, and a broken chain is a harness error (exit 2).
        const { createInProcessTarget } = await import('./in-process-target.js');
        return createInProcessTarget(config, (line) => console.error(line));
      },
      {
        goldenPath: values.golden,
        outDir: values.out,
        k,
        thresholds,
        corpusDirectory: config.CORPUS_DIR,
        ...(values.baseline ? { baselinePath: values.baseline } : {}),
        ...(judge ? { judge } : {}),
      },
    );
    return run.exitCode;
  } catch (error) {
    if (error instanceof HarnessError || error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    console.error(error);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
