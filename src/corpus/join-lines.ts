/**
 * Joins hard-wrapped lines of one paragraph. A line ending in a hyphen after a letter is a word split
 * across lines ("Secretary-" + "General"), so it is joined without a space and the hyphen is kept.
 */
export function joinLines(lines: readonly string[]): string {
  let joined = '';
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed.length === 0) continue;
    if (joined.length === 0) joined = trimmed;
    else if (/[A-Za-z]-$/.test(joined)) joined += trimmed;
    else joined += ` ${trimmed}`;
  }
  return joined;
}
