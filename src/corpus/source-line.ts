/** One physical line of a source file, with its 1-based line number kept for error messages and audit. */
export interface SourceLine {
  text: string;
  line: number;
}

/**
 * Splits a file into lines. PDF-to-markdown conversion sometimes runs several title-block fields
 * together on one line, glued by runs of three or more asterisks (closing and opening emphasis);
 * those runs are field boundaries, so they become line breaks here.
 */
export function splitSourceLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  text
    .replace(/\r\n?|\f/g, '\n')
    .split('\n')
    .forEach((rawLine, index) => {
      const normalized = rawLine.replace(/[\u00a0\t]/g, ' ').replace(/\s+$/, '');
      const pieces = /^\s*\*{3,}\s*$/.test(normalized) ? [''] : normalized.split(/\*{3,}/);
      for (const piece of pieces) lines.push({ text: piece.trim(), line: index + 1 });
    });
  return lines;
}
