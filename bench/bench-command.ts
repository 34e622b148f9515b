import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

/**
 * `npm run bench -- <name> [arguments]` runs bench/<name>-benchmark.ts, whose `runBenchmark(arguments)`
 * prints a table and writes bench/results/<name>.md and .json.
 */
const here = dirname(fileURLToPath(import.meta.url));
const available = (await readdir(here)).filter((file) => file.endsWith('-benchmark.ts')).map((file) => file.replace(/-benchmark\.ts$/, ''));
const [name, ...parameters] = process.argv.slice(2);

if (!name || !available.includes(name)) {
  console.error(`Usage: npm run bench -- <name> [arguments]\nBenchmarks: ${available.sort().join(', ')}`);
  process.exit(name ? 1 : 0);
}

const benchmark = (await import(pathToFileURL(join(here, `${name}-benchmark.ts`)).href)) as {
  runBenchmark(parameters: string[]): Promise<void>;
};
await benchmark.runBenchmark(parameters);
// Worker pools, servers and native handles should be closed by the benchmark; this guards a stray one.
process.exit(0);
