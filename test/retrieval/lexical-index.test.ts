import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LexicalIndex } from '../../src/retrieval/lexical-index.js';
import { fixtureChunks } from './search-fixtures.js';

const index = LexicalIndex.build(fixtureChunks);
const ids = (query: string, k = 5, filter?: (unitId: string) => boolean) => index.searchUnits(query, k, filter).map((hit) => hit.unitId);

describe('LexicalIndex', () => {
  it('should find a paragraph by another inflection of its words', () => {
    // "detaining" in the text, "detained" in the query: same Porter stem.
    expect(ids('detained')).toEqual(['A/RES/74/148:OP1']);
  });

  it('should find "children" paragraphs from a question about a child, and the reverse', () => {
    expect(ids('child')).toContain('A/RES/76/172:OP2');
    expect(ids('unaccompanied children')[0]).toBe('A/RES/76/172:OP2');
  });

  it('should not match raw substrings', () => {
    // "port" is a substring of "report" and "transport"-like words, but no paragraph has the word.
    expect(ids('port')).toEqual([]);
    expect(ids('rat')).toEqual([]);
  });

  it('should report a unit once, even when several of its chunks match', () => {
    const hits = ids('child children best interests minors');
    expect(hits.filter((id) => id === 'A/RES/76/172:OP2')).toHaveLength(1);
  });

  it('should rank the paragraph sharing more query terms first', () => {
    expect(ids('arbitrary detention of migrants alternatives')[0]).toBe('A/RES/76/172:OP1');
  });

  it('should apply the unit filter', () => {
    const only2019 = (unitId: string) => unitId.startsWith('A/RES/74/148:');
    expect(ids('migrants trafficking detention detained', 5, only2019).every((id) => id.startsWith('A/RES/74/148:'))).toBe(true);
    expect(ids('arbitrary detention of migrants', 5, only2019)).toEqual([]);
  });

  it('should return nothing for a query made only of stop words', () => {
    expect(ids('the of and')).toEqual([]);
  });

  it('should honour k', () => {
    expect(index.searchUnits('States', 1)).toHaveLength(1);
  });

  it('should score with BM25+ (k1 1.2, b 0.7, d 0.5), the label at half weight, times the query terms matched', () => {
    const chunk = (unitId: string, text: string, label: string) => ({ chunkId: `${unitId}#0`, unitId, text, metadata: { symbol: 'S', unitId, label, kind: 'operative' as const, title: 'T', footnoteTexts: [] } });
    // Field lengths count distinct raw tokens, stop words included: 2 for each text, 1 for each label.
    const small = LexicalIndex.build([chunk('S:OP1', 'detention detention alternatives', 'One'), chunk('S:OP2', 'the alternatives', 'Two'), chunk('S:OP3', 'other words', 'detention')]);
    const averageText = 2;
    const averageLabel = 1;
    const bm25 = (frequency: number, matching: number, length: number, average: number) =>
      Math.log(1 + (3 - matching + 0.5) / (matching + 0.5)) * (0.5 + (frequency * 2.2) / (frequency + 1.2 * (1 - 0.7 + (0.7 * length) / average)));
    const scores = Object.fromEntries(small.searchUnits('detention alternatives', 5).map((hit) => [hit.unitId, hit.score]));
    expect(Object.keys(scores)).toEqual(['S:OP1', 'S:OP3', 'S:OP2']);
    expect(scores['S:OP1']).toBeCloseTo((bm25(2, 1, 2, averageText) + bm25(1, 2, 2, averageText)) * 2, 10);
    expect(scores['S:OP2']).toBeCloseTo(bm25(1, 2, 2, averageText), 10);
    expect(scores['S:OP3']).toBeCloseTo(0.5 * bm25(1, 1, 1, averageLabel), 10);
    // A word asked twice counts twice in the sum but once among the matched terms.
    expect(small.searchUnits('detention detention', 1)[0]!.score).toBeCloseTo(2 * bm25(2, 1, 2, averageText), 10);
  });

  it('should return the same units in the same order for every k as the prefix of the full ranking', () => {
    for (const query of ['States migrants', 'children detention report', 'international cooperation']) {
      const all = index.searchUnits(query, 1000);
      for (let k = 1; k <= all.length; k += 1) expect(index.searchUnits(query, k)).toEqual(all.slice(0, k));
    }
  });

  it('should give the same results when queried repeatedly (its score buffers are reused)', () => {
    const first = index.searchUnits('arbitrary detention of migrants', 10);
    index.searchUnits('children trafficking women', 10);
    expect(index.searchUnits('arbitrary detention of migrants', 10)).toEqual(first);
  });

  it('should search the same after being written to its binary file and read back', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'lexical-')), 'lexical.bin');
    await writeFile(file, Buffer.concat([...index.serialize()]));
    const unitIds = fixtureChunks.map((chunk) => chunk.unitId);
    const loaded = await LexicalIndex.read(file, unitIds);
    for (const query of ['detained', 'unaccompanied children', 'report Secretary-General', 'arbitrary detention of migrants']) {
      expect(loaded.searchUnits(query, 5)).toEqual(index.searchUnits(query, 5));
    }
    await expect(LexicalIndex.read(file, unitIds.slice(1))).rejects.toThrow(/chunks/);
  });

  it('should refuse a truncated, foreign or inconsistent file with a reason', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'lexical-'));
    const bytes = Buffer.concat([...index.serialize()]);
    const unitIds = fixtureChunks.map((chunk) => chunk.unitId);
    const attempt = async (name: string, content: Buffer) => {
      await writeFile(join(directory, name), content);
      return LexicalIndex.read(join(directory, name), unitIds);
    };
    await expect(attempt('truncated.bin', bytes.subarray(0, bytes.length - 4))).rejects.toThrow(/truncated or damaged/);
    await expect(attempt('foreign.bin', Buffer.from('{"documentCount": 3}\n'))).rejects.toThrow(/not a lexical index file/);
    // The first posting of the text field (after header, dictionary and term offsets) points past the chunks.
    const damaged = Buffer.from(bytes);
    const view = new DataView(damaged.buffer, damaged.byteOffset, damaged.byteLength);
    const termCount = view.getUint32(12, true);
    const dictionaryBytes = view.getUint32(20, true);
    const textPostings = view.getUint32(24, true);
    const firstRow = 24 + 16 * 2 + dictionaryBytes + ((4 - (dictionaryBytes % 4)) % 4) + 4 * (termCount + 1);
    view.setUint32(firstRow, 999_999, true);
    expect(textPostings).toBeGreaterThan(0);
    await expect(attempt('damaged.bin', damaged)).rejects.toThrow(/beyond its/);
  });
});
