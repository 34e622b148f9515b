/**
 * The readable citation for a unit id. Scheme (see DEVELOPERS.md):
 * `HEADER` → "title block", `FOOTER` → "adoption line", `PP3` → "preamble, para. 3",
 * `OP5(b)(ii)` → "para. 5 (b) (ii)", `FN31` → "footnote 31", `ANNEX` → "annex",
 * `ANNEX:P3` → "annex, para. 3", `ANNEX-B:P3` → "annex B, para. 3",
 * and a lettered operative section `A:OP1` → "section A, para. 1".
 */
export function unitLabel(symbol: string, unit: string): string {
  return `${symbol}, ${describeUnit(unit)}`;
}

function describeUnit(unit: string): string {
  if (unit === 'HEADER') return 'title block';
  if (unit === 'FOOTER') return 'adoption line';
  const footnote = /^FN(\d+)$/.exec(unit);
  if (footnote) return `footnote ${footnote[1]}`;
  const annex = /^ANNEX(?:-([A-Z0-9]+))?(?::P(\d+))?$/.exec(unit);
  if (annex) {
    const name = annex[1] ? `annex ${annex[1]}` : 'annex';
    return annex[2] ? `${name}, para. ${annex[2]}` : name;
  }
  const article = /^ART(\d+):(.+)$/.exec(unit);
  if (article) return `article ${article[1]}, ${describeUnit(article[2] ?? '')}`;
  const section = /^([A-Z]+):(.+)$/.exec(unit);
  if (section) return `section ${section[1]}, ${describeUnit(section[2] ?? '')}`;
  const preamble = /^PP(\d+)$/.exec(unit);
  if (preamble) return `preamble, para. ${preamble[1]}`;
  const operative = /^OP(\d+)((?:\([a-z0-9]+\))*)$/.exec(unit);
  if (operative) {
    const parts = [...(operative[2] ?? '').matchAll(/\(([a-z0-9]+)\)/g)].map((part) => `(${part[1]})`);
    return ['para.', operative[1], ...parts].join(' ');
  }
  return unit;
}
