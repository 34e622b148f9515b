import { beforeAll, describe, expect, it } from 'vitest';
import { chunkDocument, DEFAULT_MAX_CHUNK_CHARACTERS } from '../../src/corpus/chunk-document.js';
import { parseResolutionFile } from '../../src/corpus/parse-resolution-file.js';
import type { ResolutionDocument } from '../../src/corpus/resolution-document.js';
import { splitSentences } from '../../src/corpus/split-sentences.js';
import { migrants2021Path } from './corpus-paths.js';

let document: ResolutionDocument;

beforeAll(async () => {
  document = await parseResolutionFile(migrants2021Path);
});

describe('chunkDocument', () => {
  it('should make one chunk per unit, header, footer and footnotes included', () => {
    const chunks = chunkDocument(document, { maxCharacters: 100_000 });
    expect(chunks.map((chunk) => chunk.unitId)).toEqual(document.units.map((unit) => unit.id));
    expect(chunks.map((chunk) => chunk.chunkId)).toEqual(document.units.map((unit) => `${unit.id}#0`));
    expect(chunks.some((chunk) => chunk.metadata.kind === 'header')).toBe(true);
    expect(chunks.some((chunk) => chunk.metadata.kind === 'footer')).toBe(true);
    expect(chunks.filter((chunk) => chunk.metadata.kind === 'footnote')).toHaveLength(35);
  });

  it('should carry the parent lead-in in a sub-paragraph chunk', () => {
    const chunk = chunkDocument(document).find((each) => each.unitId === 'A/RES/76/172:OP5(b)');
    const parent = document.units.find((unit) => unit.id === 'A/RES/76/172:OP5');
    const unit = document.units.find((each) => each.id === 'A/RES/76/172:OP5(b)');
    expect(chunk?.text).toBe(`${parent?.text} ${unit?.text}`);
    expect(chunk?.text.startsWith('Also reaffirms the duty of States')).toBe(true);
    expect(chunk?.metadata).toMatchObject({
      symbol: 'A/RES/76/172',
      unitId: 'A/RES/76/172:OP5(b)',
      label: 'A/RES/76/172, para. 5 (b)',
      kind: 'operative',
      title: 'Protection of migrants',
      date: '2021-12-16',
      year: 2021,
    });
  });

  it('should put the texts of referenced footnotes in the metadata', () => {
    const chunk = chunkDocument(document).find((each) => each.unitId === 'A/RES/76/172:PP2');
    expect(chunk?.metadata.footnoteTexts).toEqual(['Resolution 217 A (III).']);
    expect(chunk?.text).not.toContain('217 A');
  });

  it('should split a long unit on sentence boundaries, every piece keeping the unit id and lead-in', () => {
    const long = document.units.find((unit) => unit.id === 'A/RES/76/172:PP6');
    expect(long?.text.length).toBeGreaterThan(1200);
    const chunks = chunkDocument(document, { maxCharacters: 400 }).filter((chunk) => chunk.unitId === 'A/RES/76/172:PP6');
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.map((chunk) => chunk.chunkId)).toEqual(chunks.map((_chunk, index) => `A/RES/76/172:PP6#${index}`));
    for (const chunk of chunks) {
      expect(chunk.text.length).toBeLessThanOrEqual(400);
      expect(chunk.metadata.unitId).toBe('A/RES/76/172:PP6');
    }
    expect(chunks.map((chunk) => chunk.text).join(' ')).toBe(long?.text);

    const subChunks = chunkDocument(document, { maxCharacters: 200 }).filter((chunk) => chunk.unitId === 'A/RES/76/172:OP5(a)');
    const leadIn = document.units.find((unit) => unit.id === 'A/RES/76/172:OP5(a)')?.leadIn ?? '';
    expect(subChunks.length).toBeGreaterThan(1);
    for (const chunk of subChunks) expect(chunk.text.startsWith(leadIn)).toBe(true);
  });

  it('should keep units whole under the default limit', () => {
    expect(DEFAULT_MAX_CHUNK_CHARACTERS).toBe(1500);
    const chunks = chunkDocument(document);
    const split = chunks.filter((chunk) => !chunk.chunkId.endsWith('#0'));
    const longUnits = document.units.filter((unit) => unit.text.length > DEFAULT_MAX_CHUNK_CHARACTERS);
    expect(split.length > 0).toBe(longUnits.length > 0);
  });

  it('should refuse a limit that is not a positive integer', () => {
    expect(() => chunkDocument(document, { maxCharacters: 0 })).toThrow(RangeError);
  });
});

describe('splitSentences', () => {
  it('should cut at sentence ends before clause boundaries', () => {
    expect(splitSentences('One short sentence. Another one here; with a clause.', 25)).toEqual([
      'One short sentence.',
      'Another one here;',
      'with a clause.',
    ]);
  });

  it('should return short text unchanged and never cut inside a word when spaces exist', () => {
    expect(splitSentences('Short.', 100)).toEqual(['Short.']);
    const pieces = splitSentences('alpha beta gamma delta epsilon zeta eta theta', 12);
    expect(pieces.every((piece) => piece.length <= 12)).toBe(true);
    expect(pieces.join(' ')).toBe('alpha beta gamma delta epsilon zeta eta theta');
  });
});
