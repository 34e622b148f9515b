import { createHash } from 'node:crypto';
import { readAdoptionLine, type AdoptionLine } from './adoption-line.js';
import { findEnglishDate } from './english-date.js';
import { footnoteText, readFootnoteSegment, type FootnoteDraft } from './footnote-collection.js';
import { extractFootnoteMarkers } from './footnote-markers.js';
import { readHeaderMetadata } from './header-metadata.js';
import { joinLines } from './join-lines.js';
import { isPageClutter } from './page-clutter.js';
import { readParagraphMarker } from './paragraph-marker.js';
import { ParseError } from './parse-error.js';
import type { DocumentUnit, ResolutionDocument } from './resolution-document.js';
import { segmentLines, segmentRawText, type Segment } from './segment-lines.js';
import { splitSourceLines, type SourceLine } from './source-line.js';
import { stripMarkup } from './strip-markup.js';
import { structureBody } from './structure-body.js';
import { readTitleBlock } from './title-block.js';
import { councilHeading } from './resolution-heading.js';
import { unitLabel } from './unit-label.js';
import type { UnitDraft } from './unit-draft.js';

/** Bump whenever a change could alter unit ids or texts, so stored indexes are rebuilt. */
export const PARSER_VERSION = '1';

export interface ParseOptions {
  sourceFile: string;
}

/**
 * Parses one resolution (plain text or PDF-converted markdown) into citable units with canonical ids.
 * Throws ParseError (file, line, reason) rather than guess when the structure cannot be understood.
 */
export function parseResolution(text: string, options: ParseOptions): ResolutionDocument {
  const file = options.sourceFile;
  const checksum = createHash('sha256').update(text, 'utf8').digest('hex');
  const lines = splitSourceLines(text).filter((line) => !isPageClutter(line.text));
  const titleBlock = readTitleBlock(lines, file);
  let { heading } = titleBlock;
  const segments = joinSplitAdoptionLines(segmentLines(titleBlock.bodyLines));

  const footerIndex = segments.findIndex((segment) => readAdoptionLine(stripMarkup(joinLines(segment.lines.map((line) => line.text)))) !== undefined);
  const footnotes: FootnoteDraft[] = [];
  const bodySegments: Segment[] = [];
  let annexAfterFooter = false;
  segments.forEach((segment, index) => {
    if (index === footerIndex) return;
    const afterFooter = footerIndex >= 0 && index > footerIndex;
    const definitions = readFootnoteSegment(segment, afterFooter);
    if (definitions) {
      footnotes.push(...definitions);
      return;
    }
    if (!afterFooter) {
      bodySegments.push(segment);
      return;
    }
    const firstLine = stripMarkup(segment.lines[0]?.text ?? '');
    if (/^(ANNEX|Annex)(\s+([A-Z]|[IVX]{1,4}|\d{1,2}))?\.?$/.test(firstLine)) annexAfterFooter = true;
    // Below the adoption line only annexes and footnotes belong to the resolution; the rest is the next document.
    if (annexAfterFooter) bodySegments.push(segment);
  });

  const footnoteNumbers = new Set<number>();
  for (const footnote of footnotes) {
    if (footnoteNumbers.has(footnote.number)) {
      throw new ParseError(file, footnote.line, `footnote ${footnote.number} is defined twice`);
    }
    footnoteNumbers.add(footnote.number);
  }
  const plainNumbers = new Set(footnotes.filter((footnote) => footnote.style === 'plain').map((footnote) => footnote.number));
  const numberedOperatives = bodySegments.some((segment) => {
    const marker = readParagraphMarker(stripMarkup(segment.lines[0]?.text ?? ''));
    return marker?.type === 'number' && (marker.value === 1 || marker.alternatives.includes(1));
  });
  const drafts = structureBody(bodySegments, { file, plainNumbers, numberedOperatives });
  if (!drafts.some((draft) => draft.kind === 'preamble' || draft.kind === 'operative')) {
    throw new ParseError(file, titleBlock.bodyLines[0]?.line ?? 1, 'no preambular or operative paragraphs found after the title');
  }

  const footerSegment = footerIndex >= 0 ? segments[footerIndex] : undefined;
  const footerLines = footerSegment?.lines ?? titleBlock.adoptionLines;
  const footerDraft = footerLines.length > 0 ? lineDraft('FOOTER', 'footer', footerLines, plainNumbers) : undefined;
  const adoption: AdoptionLine | undefined = footerDraft ? readAdoptionLine(footerDraft.text) : undefined;
  const headerDraft = lineDraft('HEADER', 'header', titleBlock.headerLines, plainNumbers, '\n');
  const metadata =
    heading.body === 'General Assembly' ? readHeaderMetadata(titleBlock.headerLines.map((line) => stripMarkup(line.text))) : {};
  const date = metadata.date ?? adoption?.date ?? findEnglishDate(headerDraft.text);
  const year = date ? Number(date.slice(0, 4)) : heading.year;
  if (heading.body === 'Security Council' && year !== undefined && year !== heading.year) {
    // The symbol's year is the adoption year; when OCR damaged or dropped it in the title, the date decides.
    heading = councilHeading(/^S\/RES\/(\d+)/.exec(heading.symbol)?.[1] ?? '', year);
  }

  const footnoteDrafts: UnitDraft[] = footnotes.map((footnote) => ({
    unit: `FN${footnote.number}`,
    kind: 'footnote',
    rawParts: footnote.rawLines,
    text: stripMarkup(footnoteText(footnote)),
    references: [],
    line: footnote.line,
  }));
  const allDrafts = [headerDraft, ...drafts, ...(footerDraft ? [footerDraft] : []), ...footnoteDrafts].sort((left, right) => left.line - right.line);
  const units = toUnits(heading.symbol, allDrafts, footnoteNumbers, file);

  return {
    symbol: heading.symbol,
    title: heading.title,
    body: heading.body,
    ...(date ? { date } : {}),
    ...(year ? { year } : {}),
    ...(metadata.session ? { session: metadata.session } : {}),
    ...(metadata.agendaItem ? { agendaItem: metadata.agendaItem } : {}),
    ...(metadata.committeeReport ? { committeeReport: metadata.committeeReport } : {}),
    ...(metadata.committee ? { committee: metadata.committee } : {}),
    ...(adoption ? { plenaryMeeting: adoption.meeting } : {}),
    url: heading.url,
    sourceFile: file,
    checksum,
    units,
  };
}

function lineDraft(unit: string, kind: UnitDraft['kind'], lines: readonly SourceLine[], plainNumbers: ReadonlySet<number>, separator = ' '): UnitDraft {
  const markers = extractFootnoteMarkers(lines.map((line) => line.text).join('\n'), { plainNumbers });
  const cleanLines = markers.text
    .split('\n')
    .map((line) => stripMarkup(line))
    .filter((line) => line.length > 0);
  const text = separator === ' ' ? joinLines(cleanLines) : cleanLines.join(separator);
  return {
    unit,
    kind,
    rawParts: [segmentRawText({ lines: [...lines], soft: false })],
    text,
    references: markers.references,
    line: lines[0]?.line ?? 1,
  };
}

function toUnits(symbol: string, drafts: readonly UnitDraft[], footnoteNumbers: ReadonlySet<number>, file: string): DocumentUnit[] {
  const seen = new Set<string>();
  return drafts.map((draft, order) => {
    const id = `${symbol}:${draft.unit}`;
    if (seen.has(id)) throw new ParseError(file, draft.line, `unit ${draft.unit} would appear twice`);
    seen.add(id);
    const ancestors: UnitDraft[] = [];
    for (let parent = draft.parent; parent; parent = parent.parent) ancestors.unshift(parent);
    const unit: DocumentUnit = {
      id,
      unit: draft.unit,
      kind: draft.kind,
      label: unitLabel(symbol, draft.unit),
      text: draft.text,
      rawText: draft.rawParts.join('\n'),
      footnotes: draft.references.filter((number) => footnoteNumbers.has(number)).map((number) => `${symbol}:FN${number}`),
      order,
      line: draft.line,
    };
    if (draft.parent) {
      unit.parentId = `${symbol}:${draft.parent.unit}`;
      unit.leadIn = ancestors.map((ancestor) => ancestor.text).join(' ');
    }
    return unit;
  });
}

/** "Adopted unanimously at the" / blank line / "2828th meeting." is one adoption line that a page break cut. */
function joinSplitAdoptionLines(segments: Segment[]): Segment[] {
  const joined: Segment[] = [];
  for (const segment of segments) {
    const previous = joined[joined.length - 1];
    const previousText = previous ? joinLines(previous.lines.map((line) => line.text)) : '';
    const opensWithMeeting = /^\d{1,5}\s*[a-z]{0,3}\s+(\([a-z]+\)\s+)?meeting\b/i.test(segment.lines[0]?.text ?? '');
    if (previous && opensWithMeeting && /^Ad[ao]pted\b/i.test(previousText) && !/meet-?ing/i.test(previousText)) {
      joined[joined.length - 1] = { lines: [...previous.lines, ...segment.lines], soft: previous.soft };
    } else {
      joined.push(segment);
    }
  }
  return joined;
}
