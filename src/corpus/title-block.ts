import { ParseError } from './parse-error.js';
import { readResolutionHeading, type ResolutionHeading } from './resolution-heading.js';
import type { SourceLine } from './source-line.js';
import { stripMarkup } from './strip-markup.js';

/** Where the title block ends and the numbered paragraphs begin. */
export interface TitleBlock {
  heading: ResolutionHeading;
  /** Lines of the title block (session, agenda item, title, adoption date, committee report). */
  headerLines: SourceLine[];
  /** Security Council prints of the 1990s state the adoption in the title block instead of below the text. */
  adoptionLines: SourceLine[];
  bodyLines: SourceLine[];
}

/** Residue of the neighbouring document on the same printed page is longer than any title block. */
const maximumPreludeLines = 12;
const maximumPreludeLength = 100;

const councilHeaderLine = [
  /^([oe]f|on|o f)\s+\S*\d/i,
  /^[[({]\s*[S5$]?\s*\/?\s*\d/,
  /^[[({]\s*S\//,
  /^Resolution of\b/i,
  /^(United Nations|Distr\.?|GENERAL|Security Council\.?)(\s|:|$)/i,
  /^\d{1,2}\s+[A-Za-z]+\s+\d{4}$/,
];

export function readTitleBlock(lines: readonly SourceLine[], file: string): TitleBlock {
  const headingIndex = lines.findIndex((line) => readResolutionHeading(line.text) !== undefined);
  const heading = headingIndex >= 0 ? readResolutionHeading(lines[headingIndex]?.text ?? '') : undefined;
  if (!heading) {
    const first = lines.find((line) => line.text.length > 0);
    throw new ParseError(
      file,
      first?.line ?? 1,
      'no resolution symbol found: expected a title line such as "76/172. Protection of migrants" or "Resolution 242 (1967)"',
    );
  }
  const prelude = lines.slice(0, headingIndex).filter((line) => line.text.length > 0);
  return heading.body === 'General Assembly'
    ? readAssemblyTitleBlock(lines, headingIndex, heading, prelude, file)
    : readCouncilTitleBlock(lines, headingIndex, heading, prelude);
}

function readAssemblyTitleBlock(
  lines: readonly SourceLine[],
  headingIndex: number,
  heading: ResolutionHeading,
  prelude: SourceLine[],
  file: string,
): TitleBlock {
  const openerOffset = lines.slice(headingIndex + 1).findIndex((line) => /^The General Assembly\b/.test(stripMarkup(line.text)));
  if (openerOffset < 0) {
    throw new ParseError(file, lines[headingIndex]?.line ?? 1, 'no "The General Assembly," line after the title: cannot tell where the paragraphs begin');
  }
  const openerIndex = headingIndex + 1 + openerOffset;
  const headerLines = [...prelude, ...lines.slice(headingIndex, openerIndex).filter((line) => line.text.length > 0)];
  return { heading, headerLines, adoptionLines: [], bodyLines: lines.slice(openerIndex + 1) };
}

function readCouncilTitleBlock(
  lines: readonly SourceLine[],
  headingIndex: number,
  heading: ResolutionHeading,
  prelude: SourceLine[],
): TitleBlock {
  const keepPrelude = prelude.length <= maximumPreludeLines && prelude.every((line) => line.text.length <= maximumPreludeLength);
  const headerLines = [...(keepPrelude ? prelude : []), lines[headingIndex] as SourceLine];
  const adoptionLines: SourceLine[] = [];
  let index = headingIndex + 1;
  while (index < lines.length) {
    const line = lines[index] as SourceLine;
    const text = stripMarkup(line.text);
    if (text.length === 0) {
      index += 1;
      continue;
    }
    if (/^Adopted by the Security/i.test(text)) {
      while (index < lines.length && (lines[index]?.text.length ?? 0) > 0) {
        adoptionLines.push(lines[index] as SourceLine);
        index += 1;
      }
      continue;
    }
    if (!councilHeaderLine.some((pattern) => pattern.test(text))) break;
    headerLines.push(line);
    index += 1;
  }
  const bodyLines = lines.slice(index);
  const openerLine = bodyLines[0];
  if (openerLine) {
    const opener = /^The Security(\s+Council)?\s*[,.:;]?\s*/.exec(stripMarkup(openerLine.text));
    if (opener) {
      const rest = stripMarkup(openerLine.text).slice(opener[0].length);
      const next = bodyLines[1];
      const wrapped = !opener[1] && next !== undefined && /^Council\b/.test(next.text);
      const remainder = wrapped ? [{ ...next, text: next.text.replace(/^Council\s*[,.:;]?\s*/, '') }] : [];
      const restLines = rest.length > 0 ? [{ ...openerLine, text: rest }] : [];
      return { heading, headerLines, adoptionLines, bodyLines: [...restLines, ...remainder, ...bodyLines.slice(wrapped ? 2 : 1)] };
    }
  }
  return { heading, headerLines, adoptionLines, bodyLines };
}
