import { parseResolutionFile } from '../src/corpus/parse-resolution-file.js';
import { ParseError } from '../src/corpus/parse-error.js';
import type { ResolutionDocument } from '../src/corpus/resolution-document.js';

/** What evaluators see of a parsed document: `npm run parse -- <file>`. */
export function describeDocument(document: ResolutionDocument): object {
  return {
    symbol: document.symbol,
    title: document.title,
    date: document.date ?? null,
    session: document.session ?? null,
    agendaItem: document.agendaItem ?? null,
    units: document.units.map((unit) => ({
      id: unit.id,
      kind: unit.kind,
      label: unit.label,
      text: unit.text,
      footnotes: unit.footnotes,
    })),
  };
}

/** Returns the exit code, so tests can run the command without spawning a process. */
export async function runParseCommand(
  argumentsList: readonly string[],
  output: { write(text: string): void } = process.stdout,
  errors: { write(text: string): void } = process.stderr,
): Promise<number> {
  const files = argumentsList.filter((argument) => argument !== '--');
  if (files.length !== 1) {
    errors.write('Usage: npm run parse -- <file>\n');
    return 2;
  }
  const file = files[0] as string;
  try {
    const document = await parseResolutionFile(file);
    output.write(`${JSON.stringify(describeDocument(document), null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ParseError) {
      errors.write(`Cannot parse ${error.file}, line ${error.line}: ${error.reason}\n`);
      return 1;
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      errors.write(`No such file: ${file}\n`);
      return 1;
    }
    throw error;
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (invokedDirectly) {
  process.exitCode = await runParseCommand(process.argv.slice(2));
}
