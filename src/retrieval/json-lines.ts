import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** A line of a JSON-lines file that does not parse; callers turn it into their own load error. */
export class JsonLineError extends Error {
  override name = 'JsonLineError';
  constructor(readonly lineNumber: number) {
    super(`line ${lineNumber} is not valid JSON`);
  }
}

/** Streams the parsed values of a JSON-lines file, skipping blank lines, so no file is read as one string. */
export async function* readJsonLines(file: string): AsyncGenerator<{ value: unknown; lineNumber: number }> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new JsonLineError(lineNumber);
    }
    yield { value, lineNumber };
  }
}
