import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeEnvironmentMarkdown, describeRunEnvironment } from '../../../bench/support/run-environment.js';
import { resilienceMode } from './resilience-mode.js';

/**
 * Each resilience test file records its figures as a section; after the run they are assembled into
 * bench/results/resilience.md and .json. Sections are files so forked test workers need not share memory.
 */
export const SECTIONS_DIRECTORY = join('bench', 'results', '.resilience-sections');

export interface ResilienceSection {
  /** Orders the sections in the report, e.g. "1-red-team". */
  key: string;
  title: string;
  figures: Record<string, number | string | boolean>;
  /** Extra markdown: tables, notes. */
  notes?: string;
}

export async function recordResilienceSection(section: ResilienceSection): Promise<void> {
  await mkdir(SECTIONS_DIRECTORY, { recursive: true });
  await writeFile(join(SECTIONS_DIRECTORY, `${section.key}.json`), JSON.stringify(section, null, 2));
}

async function readSections(): Promise<ResilienceSection[]> {
  try {
    const files = (await readdir(SECTIONS_DIRECTORY)).filter((file) => file.endsWith('.json')).sort();
    return await Promise.all(files.map(async (file) => JSON.parse(await readFile(join(SECTIONS_DIRECTORY, file), 'utf8')) as ResilienceSection));
  } catch {
    return [];
  }
}

/** vitest global setup: clears old sections, and on teardown writes the report. */
export async function setup(): Promise<void> {
  await rm(SECTIONS_DIRECTORY, { recursive: true, force: true });
}

export async function teardown(): Promise<void> {
  const sections = await readSections();
  if (sections.length === 0) return;
  const mode = resilienceMode();
  const environment = describeRunEnvironment();
  const body = sections.map((section) => {
    const rows = Object.entries(section.figures).map(([name, value]) => `| ${name} | ${String(value)} |`);
    return [`## ${section.title}`, '', '| figure | value |', '| --- | --- |', ...rows, '', section.notes ?? ''].join('\n');
  });
  const markdown = [
    '# Resilience and security (issue 9)',
    '',
    describeEnvironmentMarkdown(environment),
    `- Mode: ${mode} (\`npm run test:resilience\`${mode === 'short' ? ', RESILIENCE_MODE=short / CI' : ''})`,
    '',
    ...body,
  ].join('\n');
  await mkdir(join('bench', 'results'), { recursive: true });
  await writeFile(join('bench', 'results', 'resilience.md'), `${markdown.trim()}\n`);
  await writeFile(join('bench', 'results', 'resilience.json'), `${JSON.stringify({ environment, mode, sections }, null, 2)}\n`);
  await rm(SECTIONS_DIRECTORY, { recursive: true, force: true });
}
