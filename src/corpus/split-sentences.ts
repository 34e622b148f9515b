/**
 * Splits text into pieces of at most `maxCharacters`, cutting at sentence ends first, then at clause
 * boundaries ("; ", ", "), and only as a last resort between words, so no piece ends mid-word.
 */
export function splitSentences(text: string, maxCharacters: number): string[] {
  if (text.length <= maxCharacters) return [text];
  for (const boundary of [/(?<=[.!?]["”’)]?)\s+(?=["“‘(]?[A-Z0-9])/, /(?<=;)\s+/, /(?<=[,:])\s+/, /\s+/]) {
    const parts = text.split(boundary).filter((part) => part.length > 0);
    if (parts.length < 2) continue;
    const pieces = packParts(parts, maxCharacters);
    if (pieces.every((piece) => piece.length <= maxCharacters)) return pieces;
    // Some part is still too long at this boundary: split that part further, keep the rest.
    return pieces.flatMap((piece) => (piece.length <= maxCharacters ? [piece] : splitSentences(piece, maxCharacters)));
  }
  // A single "word" longer than the limit (a URL, a table row): cut it, there is nothing better.
  const pieces: string[] = [];
  for (let start = 0; start < text.length; start += maxCharacters) pieces.push(text.slice(start, start + maxCharacters));
  return pieces;
}

function packParts(parts: readonly string[], maxCharacters: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const part of parts) {
    if (current.length === 0) current = part;
    else if (current.length + 1 + part.length <= maxCharacters) current = `${current} ${part}`;
    else {
      pieces.push(current);
      current = part;
    }
  }
  if (current.length > 0) pieces.push(current);
  return pieces;
}
