import { beforeAll, describe, expect, it } from 'vitest';
import { parseResolutionFile } from '../../src/corpus/parse-resolution-file.js';
import type { DocumentUnit } from '../../src/corpus/resolution-document.js';
import { type GoldenItem, isAnswerable, loadGoldenSet } from '../../eval/golden-item.js';
import { normalizeForMatch } from '../../eval/key-fact-match.js';

const secondSetPath = 'eval/holdout-2.jsonl';
const otherSetPaths = ['eval/golden.jsonl', 'eval/holdout.jsonl'];
const corpusFiles = ['corpus/A_RES_76_172.txt', 'corpus/A_RES_74_148.txt'];
const latestSymbol = 'A/RES/76/172';
const olderSymbol = 'A/RES/74/148';

type UnitsById = ReadonlyMap<string, DocumentUnit>;

function symbolOf(unitId: string): string {
  return unitId.slice(0, unitId.indexOf(':'));
}

function namedIds(item: GoldenItem): string[] {
  return [...item.expected_citations, ...(item.acceptable_citations ?? [])];
}

/** What a key fact may be matched against: the unit's own text, its lead-in and the footnotes it references. */
function searchableTexts(unitIds: readonly string[], units: UnitsById): string[] {
  return unitIds.flatMap((id) => {
    const unit = units.get(id);
    if (!unit) return [];
    const footnotes = unit.footnotes.map((footnoteId) => units.get(footnoteId)?.text ?? '');
    return [unit.text, unit.leadIn ?? '', ...footnotes].map(normalizeForMatch);
  });
}

function findUnknownUnits(items: readonly GoldenItem[], units: UnitsById): string[] {
  return items.flatMap((item) => namedIds(item).filter((id) => !units.has(id)).map((id) => `${item.id}: ${id}`));
}

function findFactsOutside(items: readonly GoldenItem[], units: UnitsById, unitIdsOf: (item: GoldenItem) => string[]): string[] {
  return items.flatMap((item) => {
    const texts = searchableTexts(unitIdsOf(item), units);
    return item.key_facts
      .filter((fact) => !texts.some((text) => text.includes(normalizeForMatch(fact))))
      .map((fact) => `${item.id}: "${fact}"`);
  });
}

/**
 * A 2019 paragraph accepted in place of a 2021 one must say the same thing, so an answer citing only the
 * stand-in can still carry every key fact.
 */
function olderStandIns(item: GoldenItem): string[] {
  const expectsOnlyLatest = item.expected_citations.every((id) => symbolOf(id) === latestSymbol);
  if (!expectsOnlyLatest) return [];
  return (item.acceptable_citations ?? []).filter((id) => symbolOf(id) === olderSymbol);
}

function findFactsMissingFromStandIns(items: readonly GoldenItem[], units: UnitsById): string[] {
  const withStandIns = items.filter((item) => olderStandIns(item).length > 0);
  return findFactsOutside(withStandIns, units, olderStandIns);
}

function findSharedIds(items: readonly GoldenItem[], others: readonly GoldenItem[]): string[] {
  const otherIds = new Set(others.map((item) => item.id));
  return items.filter((item) => otherIds.has(item.id)).map((item) => item.id);
}

function findSharedQuestions(items: readonly GoldenItem[], others: readonly GoldenItem[]): string[] {
  const otherQuestions = new Set(others.map((item) => normalizeForMatch(item.question)));
  return items.filter((item) => otherQuestions.has(normalizeForMatch(item.question))).map((item) => item.id);
}

let items: GoldenItem[];
let otherItems: GoldenItem[];
let units: Map<string, DocumentUnit>;

beforeAll(async () => {
  items = await loadGoldenSet(secondSetPath);
  otherItems = (await Promise.all(otherSetPaths.map((path) => loadGoldenSet(path)))).flat();
  const documents = await Promise.all(corpusFiles.map((file) => parseResolutionFile(file)));
  units = new Map(documents.flatMap((document) => document.units.map((unit) => [unit.id, unit] as const)));
});

describe('the second held-out set', () => {
  it('should hold 40 items, all prefixed h2-, at least 8 of them unanswerable', () => {
    expect(items).toHaveLength(40);
    expect(items.filter((item) => !item.id.startsWith('h2-')).map((item) => item.id)).toEqual([]);
    expect(items.filter((item) => !isAnswerable(item)).length).toBeGreaterThanOrEqual(8);
  });

  it('should cover facts, look-ups, lists, comparisons, footnotes, metadata, follow-ups and typos', () => {
    const countOf = (type: string) => items.filter((item) => item.type === type).length;
    expect(countOf('fact')).toBeGreaterThanOrEqual(15);
    for (const type of ['lookup', 'list', 'comparison']) expect(countOf(type), type).toBeGreaterThanOrEqual(3);
    for (const type of ['footnote', 'metadata', 'follow-up']) expect(countOf(type), type).toBeGreaterThanOrEqual(2);
    expect(countOf('typo')).toBeGreaterThanOrEqual(1);
    expect(items.filter((item) => item.type === 'follow-up' && (item.history ?? []).length === 0).map((item) => item.id)).toEqual([]);
    expect(items.filter((item) => item.type === 'unanswerable' && isAnswerable(item)).map((item) => item.id)).toEqual([]);
  });

  it('should draw its facts from both years, preamble and operative paragraphs', () => {
    const factUnits = items.filter((item) => item.type === 'fact').flatMap((item) => item.expected_citations);
    expect(factUnits.some((id) => symbolOf(id) === latestSymbol)).toBe(true);
    expect(factUnits.some((id) => symbolOf(id) === olderSymbol)).toBe(true);
    expect(factUnits.some((id) => id.includes(':PP'))).toBe(true);
    expect(factUnits.some((id) => id.includes(':OP'))).toBe(true);
    expect(new Set(factUnits).size).toBe(factUnits.length);
  });

  it('should expect both versions in every 2019-versus-2021 comparison', () => {
    const oneSided = items
      .filter((item) => item.type === 'comparison')
      .filter((item) => {
        const symbols = new Set(item.expected_citations.map(symbolOf));
        return !(symbols.has(latestSymbol) && symbols.has(olderSymbol));
      });
    expect(oneSided.map((item) => item.id)).toEqual([]);
  });

  it('should only name units that exist in the parsed corpus', () => {
    expect(findUnknownUnits(items, units)).toEqual([]);
  });

  it('should find every key fact in the text, lead-in or footnotes of one of the expected units', () => {
    expect(findFactsOutside(items, units, (item) => item.expected_citations)).toEqual([]);
  });

  it('should find every key fact in the 2019 stand-ins accepted for a 2021 paragraph', () => {
    expect(items.filter((item) => olderStandIns(item).length > 0).length).toBeGreaterThanOrEqual(15);
    expect(findFactsMissingFromStandIns(items, units)).toEqual([]);
  });

  it('should give every answerable item at least one key fact', () => {
    expect(items.filter((item) => isAnswerable(item) && item.key_facts.length === 0).map((item) => item.id)).toEqual([]);
  });

  it('should share no id and no question with the public set or the first held-out set', () => {
    expect(otherItems.length).toBeGreaterThan(0);
    expect(findSharedIds(items, otherItems)).toEqual([]);
    expect(findSharedQuestions(items, otherItems)).toEqual([]);
  });
});

describe('the checks of the second held-out set', () => {
  // A hand-made item, so these tests show the checks can fail whatever state the set itself is in.
  const sample: GoldenItem = {
    id: 'h2-sample',
    type: 'fact',
    question: 'What share of migrants are women?',
    expected_citations: [`${latestSymbol}:PP19`],
    acceptable_citations: [`${olderSymbol}:PP13`],
    key_facts: ['almost half'],
  };

  it('should accept the sample as it stands', () => {
    expect(findUnknownUnits([sample], units)).toEqual([]);
    expect(findFactsOutside([sample], units, (item) => item.expected_citations)).toEqual([]);
    expect(findFactsMissingFromStandIns([sample], units)).toEqual([]);
    expect(findSharedIds([sample], otherItems)).toEqual([]);
    expect(findSharedQuestions([sample], otherItems)).toEqual([]);
  });

  it('should report a unit id that the corpus does not have', () => {
    const broken = { ...sample, acceptable_citations: [`${latestSymbol}:OP99(z)`] };
    expect(findUnknownUnits([broken], units)).toEqual([`h2-sample: ${latestSymbol}:OP99(z)`]);
  });

  it('should report a key fact that none of the expected units contains', () => {
    const broken = { ...sample, key_facts: ['almost half', '17 per cent of migrants'] };
    expect(findFactsOutside([broken], units, (item) => item.expected_citations)).toEqual(['h2-sample: "17 per cent of migrants"']);
  });

  it('should report a key fact that sits in another paragraph than the expected one', () => {
    // Real corpus text, but from the preamble paragraph on return, not from PP19.
    const broken = { ...sample, key_facts: ['non-refoulement'] };
    expect(findFactsOutside([broken], units, (item) => item.expected_citations)).toEqual(['h2-sample: "non-refoulement"']);
  });

  it('should match a key fact in a footnote the expected unit references', () => {
    const footnoted = { ...sample, expected_citations: [`${latestSymbol}:OP5(m)`], acceptable_citations: [], key_facts: ['No. 51379'] };
    expect(findFactsOutside([footnoted], units, (item) => item.expected_citations)).toEqual([]);
  });

  it('should report a 2019 stand-in that lacks a key fact of the 2021 paragraph', () => {
    const broken = { ...sample, acceptable_citations: [`${olderSymbol}:OP21`] };
    expect(findFactsMissingFromStandIns([broken], units)).toEqual(['h2-sample: "almost half"']);
  });

  it('should report an id or a question taken from another set', () => {
    const borrowed = otherItems[0];
    expect(borrowed).toBeDefined();
    if (!borrowed) return;
    const broken = { ...sample, id: borrowed.id, question: ` ${borrowed.question.toUpperCase()} ` };
    expect(findSharedIds([broken], otherItems)).toEqual([borrowed.id]);
    expect(findSharedQuestions([broken], otherItems)).toEqual([borrowed.id]);
  });
});
