import { open } from 'node:fs/promises';

/** A line of a JSON-lines file that does not parse; callers turn it into their own load error. */
export class JsonLineError extends Error {
  override name = 'JsonLineError';
  constructor(readonly lineNumber: number) {
    super(`line ${lineNumber} is not valid JSON`);
  }
}

const READ_BYTES = 4 << 20;
const NEWLINE = 0x0a;

/**
 * Calls `visit` with the parsed value of each line of a JSON-lines file, skipping blank lines. The file
 * is read in 4 MB blocks and split on newline bytes, so no file is read as one string and a million
 * lines cost a million JSON.parse calls, not a million awaited promises (readline's cost).
 */
export async function forEachJsonLine(file: string, visit: (value: unknown, lineNumber: number) => void): Promise<void> {
  const handle = await open(file, 'r');
  try {
    let block = Buffer.allocUnsafe(READ_BYTES);
    let carried = 0;
    let lineNumber = 0;
    const parseLine = (bytes: Buffer, start: number, end: number): void => {
      lineNumber += 1;
      const text = bytes.toString('utf8', start, end).trim();
      if (text === '') return;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        throw new JsonLineError(lineNumber);
      }
      visit(value, lineNumber);
    };
    for (;;) {
      if (carried === block.length) {
        // A line longer than the block: grow it rather than cut the line.
        const bigger = Buffer.allocUnsafe(block.length * 2);
        block.copy(bigger, 0, 0, carried);
        block = bigger;
      }
      const { bytesRead } = await handle.read(block, carried, block.length - carried, null);
      const filled = carried + bytesRead;
      if (bytesRead === 0) {
        if (filled > 0) parseLine(block, 0, filled);
        return;
      }
      let start = 0;
      for (let newline = block.indexOf(NEWLINE, start); newline !== -1 && newline < filled; newline = block.indexOf(NEWLINE, start)) {
        parseLine(block, start, newline);
        start = newline + 1;
      }
      carried = filled - start;
      block.copy(block, 0, start, filled);
    }
  } finally {
    await handle.close();
  }
}
