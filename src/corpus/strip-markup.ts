/**
 * Removes the markdown left by PDF conversion (emphasis, links, escapes, HTML tags) so the text reads as
 * printed. Footnote markers are removed separately, because their numbers must be recorded first.
 */
export function stripMarkup(text: string): string {
  return text
    .replace(/\[([^\][]*)\]\([^)]*\)/g, '$1')
    .replace(/\\([()[\]*_#.\\-])/g, '$1')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/\*+/g, '')
    .replace(/(^|\s)_+|_+(\s|$)/g, '$1$2')
    .replace(/\s\|(?=\s)/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,;:.])/g, '$1')
    .trim();
}
