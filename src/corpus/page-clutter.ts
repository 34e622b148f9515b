/**
 * Lines a printed page adds around the text — rules, job numbers, running heads, page numbers — which
 * must not end up inside a paragraph that a page break happens to cut.
 */
const clutterPatterns: readonly RegExp[] = [
  /^[-_*—]{3,}$/,
  /^\d{2}-\d{4,6}\s*\(E\)(\s.*)?$/,
  /^\*\d{6,}\*$/,
  /^[AS]\/RES\/\d+(\/\d+)?(\s*\(\d{4}\))?$/,
  /^Page \d+$/i,
  /^\d{1,4}$/,
  /^\|$/,
];

export function isPageClutter(text: string): boolean {
  const trimmed = text.trim();
  return clutterPatterns.some((pattern) => pattern.test(trimmed));
}
