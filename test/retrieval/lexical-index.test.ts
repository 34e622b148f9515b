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

  it('should tolerate typos of long words only when fuzzy matching is on', () => {
    const fuzzy = LexicalIndex.build(fixtureChunks, { fuzzy: true });
    expect(ids('readmision')).toEqual([]);
    expect(fuzzy.searchUnits('readmision', 5).map((hit) => hit.unitId)).toContain('A/RES/76/172:OP3');
  });

  it('should search the same after being serialized to JSON lines and read back', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'lexical-')), 'lexical.jsonl');
    await writeFile(file, [...index.serialize()].join(''));
    const unitIds = fixtureChunks.map((chunk) => chunk.unitId);
    const loaded = await LexicalIndex.read(file, unitIds);
    for (const query of ['detained', 'unaccompanied children', 'report Secretary-General', 'arbitrary detention of migrants']) {
      expect(loaded.searchUnits(query, 5)).toEqual(index.searchUnits(query, 5));
    }
    await expect(LexicalIndex.read(file, unitIds.slice(1))).rejects.toThrow(/chunks/);
  });
});
