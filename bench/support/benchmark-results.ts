import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeEnvironmentMarkdown, describeRunEnvironment, type RunEnvironment } from './run-environment.js';

export const RESULTS_DIRECTORY = 'bench/results';

export interface BenchmarkReport {
  name: string;
  title: string;
  /** Markdown body: tables, method, goals met or missed. */
  markdown: string;
  /** Raw figures for machines to read. */
  data: unknown;
  environment?: RunEnvironment;
}

/** Writes bench/results/<name>.md and .json, stamped with machine, commit and date. */
export async function writeBenchmarkResults(report: BenchmarkReport, directory = RESULTS_DIRECTORY): Promise<{ markdownFile: string; jsonFile: string }> {
  const environment = report.environment ?? describeRunEnvironment();
  await mkdir(directory, { recursive: true });
  const markdownFile = join(directory, `${report.name}.md`);
  const jsonFile = join(directory, `${report.name}.json`);
  const markdown = `# ${report.title}\n\n${describeEnvironmentMarkdown(environment)}\n\n${report.markdown.trim()}\n`;
  await writeFile(markdownFile, markdown);
  await writeFile(jsonFile, `${JSON.stringify({ name: report.name, environment, data: report.data }, null, 2)}\n`);
  return { markdownFile, jsonFile };
}

/** "met" or "MISSED" with the measured value, for the goals section of a result file. */
export function goalLine(goal: string, met: boolean, measured: string, reason = ''): string {
  return `- ${met ? 'met' : '**MISSED**'}: ${goal} — measured ${measured}${reason ? `. ${reason}` : ''}`;
}
