import { ParseError } from './parse-error.js';
import { readParagraphMarker, type ParagraphMarker } from './paragraph-marker.js';
import { ocrConfusions, placeListItem, type ListItem } from './list-item-placement.js';
import { numberToRoman } from './roman-numeral.js';
import type { Segment } from './segment-lines.js';
import { stripMarkup } from './strip-markup.js';
import { appendToDraft, cleanSegment, endsParagraph, startsLowercase, type CleanSegment, type UnitDraft } from './unit-draft.js';

interface BodyState {
  section: string;
  preambleCount: number;
  operativeCount: number;
  operative?: UnitDraft;
  letter?: ListItem;
  roman?: ListItem;
  lastLevel?: 'letter' | 'roman';
  current?: UnitDraft;
  /** The annex being read; `titled` once its title line has been taken into the heading unit. */
  annex?: { name: string; count: number; titled: boolean };
  annexNames: string[];
  inOperativePart: boolean;
  /**
   * Unnumbered paragraphs met in the numbered operative part. If the next number skips exactly one,
   * OCR lost that paragraph's number and the single floating paragraph takes it; otherwise they are
   * part of the paragraph before them (a closing sentence, a quoted passage).
   */
  floating: UnitDraft[];
}

/** Words that open preambular paragraphs without being participles. */
const preambleOpeners = new Set([
  'aware', 'mindful', 'conscious', 'cognizant', 'convinced', 'concerned', 'deeply', 'gravely', 'seriously',
  'alarmed', 'determined', 'desirous', 'anxious', 'whereas', 'appreciative', 'grateful', 'further', 'also',
  'keenly', 'profoundly', 'strongly', 'fully', 'noting', 'by', 'in', 'as', 'the', 'it', 'therefore',
]);

function looksOperative(paragraph: string): boolean {
  // Early texts repeat the organ before the verb: "The Security Council Decides to keep ...".
  const text = paragraph.replace(/^(Therefore,?\s+)?the Security Council,?\s+/i, '');
  const word = /^([A-Za-z]+)/.exec(text)?.[1]?.toLowerCase();
  if (!word || !/^[A-Z]/.test(text)) return false;
  return !word.endsWith('ing') && !preambleOpeners.has(word);
}

/** More than a few lost numbers in a row is not OCR damage but a document we do not understand. */
const maximumSkip = 3;

const annexHeading = /^(?:ANNEX|Annex)(?:\s+([A-Z]|[IVX]{1,4}|\d{1,2}))?\.?$/;
const sectionHeading = /^(?:([A-K])\.?|Article\s+(\d{1,3}))$/;

function sectionName(match: RegExpExecArray): string {
  return match[1] ?? `ART${match[2] ?? ''}`;
}

export interface StructureOptions {
  file: string;
  plainNumbers: ReadonlySet<number>;
  /** True when some paragraph of the body carries an operative number; otherwise operatives are counted. */
  numberedOperatives: boolean;
}

/**
 * Sections (A, B, … or "Article 6") either continue the operative numbering (687 (1991)) or restart it
 * (101 (1953)). Only restarting sections need their name in the unit id, so the whole body is checked first.
 */
function sectionsRestartNumbering(texts: readonly string[]): boolean {
  let seenOperative = false;
  let afterHeading = false;
  for (const text of texts) {
    if (sectionHeading.test(text)) {
      afterHeading = true;
      continue;
    }
    const marker = readParagraphMarker(text);
    if (marker?.type !== 'number') continue;
    if (afterHeading && seenOperative && marker.value === 1) return true;
    afterHeading = false;
    seenOperative = true;
  }
  return false;
}

/** Turns body segments into preambular, operative, sub-paragraph and annex units with canonical ids. */
export function structureBody(segments: readonly Segment[], options: StructureOptions): UnitDraft[] {
  const pieces = segments.map((segment) => ({ segment, clean: cleanSegment(segment, options.plainNumbers) }));
  const markers = pieces.map((piece) => readParagraphMarker(piece.clean.text));
  const restarting = sectionsRestartNumbering(pieces.map((piece) => piece.clean.text));
  const drafts: UnitDraft[] = [];
  const state: BodyState = { section: '', preambleCount: 0, operativeCount: 0, annexNames: [], inOperativePart: false, floating: [] };
  const prefix = (): string => (state.section ? `${state.section}:` : '');
  const add = (draft: UnitDraft): UnitDraft => {
    drafts.push(draft);
    state.current = draft;
    return draft;
  };
  const fail = (line: number, reason: string): never => {
    throw new ParseError(options.file, line, reason);
  };
  const nextParenthesized = (from: number): string | undefined => {
    for (let index = from + 1; index < markers.length; index += 1) {
      const marker = markers[index];
      if (marker?.type === 'parenthesized') return marker.token;
      if (marker?.type === 'number') return undefined;
    }
    return undefined;
  };

  const nextNumber = (from: number): number | undefined => {
    for (let index = from + 1; index < markers.length; index += 1) {
      const marker = markers[index];
      if (marker?.type === 'number' && !pieces[index]?.segment.soft) return marker.value >= 0 ? marker.value : marker.alternatives[0];
    }
    return undefined;
  };

  pieces.forEach(({ segment, clean }, index) => {
    // An opener repeated inside the text ("The Security Council" between "Whereas" and "Decides") is no paragraph.
    if (clean.text.length === 0 || /^The Security Council,?$/.test(clean.text)) return;
    const marker = markers[index];
    const annex = annexHeading.exec(stripMarkup(segment.lines[0]?.text ?? ''));
    if (annex) {
      const name = annex[1] ?? '';
      if (state.annexNames.includes(name)) fail(clean.line, `annex "${clean.text}" appears twice`);
      state.annexNames.push(name);
      // "Annex B" with its title on the next line: the title is already in, what follows is paragraph 1.
      const titled = segment.lines.length > 1;
      state.annex = { name, count: 0, titled };
      add(newDraft(name ? `ANNEX-${name}` : 'ANNEX', 'annex', clean));
      if (titled) state.current = undefined;
      return;
    }
    if (state.annex) {
      const base = state.annex.name ? `ANNEX-${state.annex.name}` : 'ANNEX';
      const heading = drafts.find((draft) => draft.unit === base);
      if (heading && !state.annex.titled && state.annex.count === 0 && !marker && !/[.;:]$/.test(clean.text) && clean.text.length < 160) {
        // The first short line under "Annex" is the annex's own title; it belongs to the heading unit,
        // and what follows it ("Rule 41") opens the first paragraph whatever its punctuation.
        appendToDraft(heading, clean);
        state.annex.titled = true;
        state.current = undefined;
        return;
      }
      if (state.current && isContinuation(state.current, clean, marker)) return appendToDraft(state.current, clean);
      state.annex.count += 1;
      add(newDraft(`${base}:P${state.annex.count}`, 'annex', clean));
      return;
    }
    const section = sectionHeading.exec(clean.text);
    if (section && !segment.soft) {
      if (!restarting) return;
      state.section = sectionName(section);
      Object.assign(state, { preambleCount: 0, operativeCount: 0, operative: undefined, letter: undefined, roman: undefined, current: undefined, inOperativePart: false });
      return;
    }

    if (marker?.type === 'number') {
      const candidates = marker.value >= 0 ? [marker.value] : marker.alternatives;
      const expected = state.operativeCount + 1;
      if (options.numberedOperatives && !candidates.includes(expected) && candidates.includes(expected + 1) && state.floating.length === 1) {
        const recovered = state.floating[0] as UnitDraft;
        recovered.unit = `${prefix()}OP${expected}`;
        // Sometimes only the full stop was lost ("7 Calls upon ..."); the bare number is not text.
        recovered.text = recovered.text.replace(new RegExp(`^${expected}\\s+(?=[A-Z])`), '');
        recovered.kind = 'operative';
        state.floating = [];
        state.operativeCount = expected;
      }
      const accepted = state.operativeCount + 1;
      // A printed number may skip ahead when OCR lost one (the ids stay those printed); it may never go back.
      // A misread digit shows in the next number: "4. 8. 6." is 4, 5, 6; "4. 6. 7." lost 5.
      const following = nextNumber(index);
      const misreadOfExpected = !segment.soft && following === accepted + 1 && marker.value >= 0 && isDigitMisreading(marker.value, accepted);
      const skipped =
        !segment.soft && marker.value > accepted && marker.value <= accepted + maximumSkip && (following === undefined || following === marker.value + 1)
          ? marker.value
          : undefined;
      const number = candidates.includes(accepted) || misreadOfExpected ? accepted : skipped;
      if (number !== undefined && options.numberedOperatives) {
        settleFloating(state, drafts);
        state.operativeCount = number;
        state.inOperativePart = true;
        state.letter = undefined;
        state.roman = undefined;
        state.lastLevel = undefined;
        const inner = readParagraphMarker(marker.rest);
        const firstItem = inner?.type === 'parenthesized' ? placeListItem(state, inner.token, nextParenthesized(index)) : undefined;
        state.operative = add(newDraft(`${prefix()}OP${number}`, 'operative', clean, firstItem ? '' : marker.rest));
        if (inner?.type === 'parenthesized' && firstItem) {
          // "10. (a) The Government ..." opens the paragraph with its first item; the paragraph has no text of its own.
          const item = add(newDraft(`${state.operative.unit}(${firstItem.token})`, 'operative', clean, inner.rest));
          item.parent = state.operative;
          state.letter = { ...firstItem, draft: item };
          state.lastLevel = 'letter';
        }
        return;
      }
      if (state.current && (segment.soft || !endsParagraph(state.current.text) || marker.value < 0)) return appendToDraft(state.current, clean);
      if (!options.numberedOperatives) {
        // A numbered item in a resolution without numbered operatives is a list inside a paragraph.
        if (state.current) return appendToDraft(state.current, clean);
      }
      return fail(clean.line, `operative paragraph ${marker.value} where ${expected} was expected: numbering is out of order or duplicated`);
    }

    if (marker?.type === 'parenthesized' && state.inOperativePart && state.operative) {
      const following = nextParenthesized(index);
      const placed =
        placeListItem(state, marker.token, following) ??
        (ocrConfusions[marker.token] ?? []).map((token) => placeListItem(state, token, following)).find((item) => item !== undefined);
      if (placed) {
        const parent = placed.style === 'letter' ? state.operative : (state.letter?.draft ?? state.operative);
        const tokenText = placed.style === 'letter' ? placed.token : placed.style === 'roman' ? numberToRoman(placed.value) : String(placed.value);
        const draft = add(newDraft(`${parent.unit}(${tokenText})`, 'operative', clean, marker.rest));
        draft.parent = parent;
        const item: ListItem = { ...placed, draft };
        if (placed.style === 'letter') {
          state.letter = item;
          state.roman = undefined;
          state.lastLevel = 'letter';
        } else {
          state.roman = item;
          state.lastLevel = 'roman';
        }
        return;
      }
      if (state.current && (segment.soft || !endsParagraph(state.current.text))) return appendToDraft(state.current, clean);
      return fail(clean.line, `sub-paragraph "(${marker.token})" does not follow the lettering or numbering before it`);
    }

    if (state.current && isContinuation(state.current, clean, marker)) return appendToDraft(state.current, clean);

    if (state.inOperativePart && options.numberedOperatives) {
      state.floating.push(add(newDraft('', 'operative', clean)));
      return;
    }
    if (!options.numberedOperatives && (state.inOperativePart || looksOperative(clean.text))) {
      state.inOperativePart = true;
      state.operativeCount += 1;
      state.operative = add(newDraft(`${prefix()}OP${state.operativeCount}`, 'operative', clean));
      state.letter = undefined;
      state.roman = undefined;
      return;
    }
    if (marker?.type === 'parenthesized' && state.current) return appendToDraft(state.current, clean);
    state.preambleCount += 1;
    add(newDraft(`${prefix()}PP${state.preambleCount}`, 'preamble', clean));
  });
  settleFloating(state, drafts);
  return drafts;
}

/** Digits OCR confuses with one another; "8." for "5." is a misreading, "1." for "3." is not. */
const confusableDigits = ['035689', '147'];

function isDigitMisreading(printed: number, expected: number): boolean {
  const left = String(printed);
  const right = String(expected);
  if (left.length !== right.length) return false;
  const differences = [...left].map((digit, index) => [digit, right[index] ?? '']).filter(([digit, other]) => digit !== other);
  return (
    differences.length === 1 &&
    confusableDigits.some((group) => differences.every(([digit, other]) => group.includes(digit ?? '') && group.includes(other ?? '')))
  );
}

function settleFloating(state: BodyState, drafts: UnitDraft[]): void {
  for (const floating of state.floating) {
    const index = drafts.indexOf(floating);
    const previous = drafts[index - 1];
    if (!previous) continue;
    previous.rawParts.push(...floating.rawParts);
    previous.text = `${previous.text} ${floating.text}`.trim();
    for (const reference of floating.references) if (!previous.references.includes(reference)) previous.references.push(reference);
    drafts.splice(index, 1);
    if (state.current === floating) state.current = previous;
  }
  state.floating = [];
}

function isContinuation(current: UnitDraft, clean: CleanSegment, marker: ParagraphMarker | undefined): boolean {
  if (marker?.type === 'dash') return true;
  if (marker) return false;
  return startsLowercase(clean.text) || !endsParagraph(current.text);
}

function newDraft(unit: string, kind: UnitDraft['kind'], clean: CleanSegment, text = clean.text): UnitDraft {
  return { unit, kind, rawParts: [clean.raw], text, references: [...clean.references], line: clean.line };
}
