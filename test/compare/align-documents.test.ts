import { describe, expect, it } from 'vitest';
import { alignDocuments, alignSeries } from '../../src/compare/align-documents.js';
import { findSeries } from '../../src/compare/resolution-series.js';
import type { AlignedPair, DocumentAlignment } from '../../src/compare/alignment-types.js';
import { bundledMigrantsResolutions } from './bundled-corpus.js';
import { syntheticDocument } from './synthetic-document.js';

const older = syntheticDocument('A/RES/70/1', { date: '2015-12-01', title: 'Water for all' }, [
  { unit: 'HEADER', text: 'Seventieth session. Water for all' },
  { unit: 'PP1', text: 'Recalling its resolution on water, sanitation and hygiene for all peoples,' },
  { unit: 'PP2', text: 'Noting with concern the spread of drought in arid regions and its effect on harvests,' },
  { unit: 'PP3', text: 'Welcoming the cooperation of river basin commissions on shared aquifers,' },
  { unit: 'PP4', text: 'Stressing the role of women in water management and governance,' },
  {
    unit: 'OP1',
    text: 'Calls upon States to ensure access to safe drinking water for rural communities and to protect groundwater from pollution by industrial waste;',
  },
  { unit: 'OP2', text: 'Encourages donors to finance desalination plants in coastal cities;' },
  { unit: 'OP3', text: 'Invites regional banks to fund desalination research;' },
  { unit: 'OP4', text: 'Requests the Secretary-General to report on implementation at its next session;' },
  { unit: 'OP5', text: 'Decides to establish a voluntary trust fund for village wells;' },
]);

const newer = syntheticDocument('A/RES/72/9', { date: '2017-12-01', title: 'Water for all' }, [
  { unit: 'HEADER', text: 'Seventy-second session. Water for all' },
  { unit: 'PP1', text: 'Recalling its resolution on water, sanitation and hygiene for all peoples,' },
  { unit: 'PP2', text: 'Stressing the role of women in water management and governance,' },
  { unit: 'PP3', text: 'Noting with concern the spread of drought in arid regions and its effect on harvests,' },
  { unit: 'PP4', text: 'Welcoming the cooperation of river basin commissions on shared aquifers,' },
  { unit: 'OP1', text: 'Calls upon States to ensure access to safe drinking water for rural communities;' },
  { unit: 'OP2', text: 'Also calls upon States to protect groundwater from pollution by industrial waste;' },
  {
    unit: 'OP3',
    text: 'Encourages donors to finance desalination plants in coastal cities, and invites regional banks to fund desalination research;',
  },
  { unit: 'OP4', text: 'Requests the Secretary-General to report on implementation at its seventy-fourth session;' },
  { unit: 'OP5', text: 'Decides to remain seized of the matter.' },
]);

function pairWith(alignment: DocumentAlignment, id: string): AlignedPair {
  const pair = alignment.pairs.find((candidate) => candidate.fromIds.includes(id) || candidate.toIds.includes(id));
  if (!pair) throw new Error(`no pair holds ${id}`);
  return pair;
}

describe('alignDocuments', () => {
  const alignment = alignDocuments(older, newer);

  it('should detect a paragraph split in two', () => {
    const pair = pairWith(alignment, 'A/RES/70/1:OP1');
    expect(pair.status).toBe('split');
    expect(pair.fromIds).toEqual(['A/RES/70/1:OP1']);
    expect(pair.toIds).toEqual(['A/RES/72/9:OP1', 'A/RES/72/9:OP2']);
  });

  it('should detect two neighbouring paragraphs merged into one', () => {
    const pair = pairWith(alignment, 'A/RES/72/9:OP3');
    expect(pair.status).toBe('merged');
    expect(pair.fromIds).toEqual(['A/RES/70/1:OP2', 'A/RES/70/1:OP3']);
    expect(pair.toIds).toEqual(['A/RES/72/9:OP3']);
  });

  it('should mark a paragraph that changed place as moved and keep the others in order', () => {
    expect(pairWith(alignment, 'A/RES/70/1:PP4')).toMatchObject({ status: 'moved', toIds: ['A/RES/72/9:PP2'] });
    expect(pairWith(alignment, 'A/RES/70/1:PP2')).toMatchObject({ status: 'unchanged', toIds: ['A/RES/72/9:PP3'], renumbered: true });
    expect(pairWith(alignment, 'A/RES/70/1:PP1')).toMatchObject({ status: 'unchanged', renumbered: false });
  });

  it('should keep a word diff of a changed paragraph', () => {
    const pair = pairWith(alignment, 'A/RES/70/1:OP4');
    expect(pair.status).toBe('changed');
    expect(pair.toIds).toEqual(['A/RES/72/9:OP4']);
    expect(pair.diff?.filter((segment) => segment.op === 'delete').map((segment) => segment.text.trim())).toEqual(['next']);
    expect(pair.diff?.filter((segment) => segment.op === 'insert').map((segment) => segment.text.trim())).toEqual(['seventy-fourth']);
    const rebuilt = (op: 'delete' | 'insert') =>
      pair.diff!.filter((segment) => segment.op !== op).map((segment) => segment.text).join('');
    expect(rebuilt('insert')).toBe(older.units.find((unit) => unit.unit === 'OP4')!.text);
    expect(rebuilt('delete')).toBe(newer.units.find((unit) => unit.unit === 'OP4')!.text);
  });

  it('should report paragraphs with no counterpart as added and removed', () => {
    expect(pairWith(alignment, 'A/RES/70/1:OP5')).toMatchObject({ status: 'removed', toIds: [] });
    expect(pairWith(alignment, 'A/RES/72/9:OP5')).toMatchObject({ status: 'added', fromIds: [] });
  });

  it('should pair the header blocks even when their wording differs', () => {
    expect(pairWith(alignment, 'A/RES/70/1:HEADER')).toMatchObject({ status: 'changed', toIds: ['A/RES/72/9:HEADER'] });
  });

  it('should count every unit of both documents exactly once and summarise by status', () => {
    const fromIds = alignment.pairs.flatMap((pair) => pair.fromIds).sort();
    const toIds = alignment.pairs.flatMap((pair) => pair.toIds).sort();
    expect(fromIds).toEqual(older.units.map((unit) => unit.id).sort());
    expect(toIds).toEqual(newer.units.map((unit) => unit.id).sort());
    expect(alignment.summary).toMatchObject({ split: 1, merged: 1, moved: 1, added: 1, removed: 1, changed: 2, unchanged: 3 });
    expect(JSON.parse(JSON.stringify(alignment))).toEqual(alignment);
  });

  it('should report every unit as added when the older document has no units', () => {
    const empty = syntheticDocument('A/RES/68/1', {}, []);
    const result = alignDocuments(empty, newer);
    expect(result.pairs.every((pair) => pair.status === 'added')).toBe(true);
    expect(result.summary.added).toBe(newer.units.length);
  });

  it('should keep identical repeated paragraphs one to one', () => {
    const repeated = (symbol: string) =>
      syntheticDocument(symbol, {}, [
        { unit: 'OP1', text: 'Decides to remain seized of the matter.' },
        { unit: 'OP2', text: 'Decides to remain seized of the matter.' },
      ]);
    const result = alignDocuments(repeated('A/RES/1/1'), repeated('A/RES/2/1'));
    expect(result.pairs.map((pair) => [pair.fromIds, pair.toIds, pair.status])).toEqual([
      [['A/RES/1/1:OP1'], ['A/RES/2/1:OP1'], 'unchanged'],
      [['A/RES/1/1:OP2'], ['A/RES/2/1:OP2'], 'unchanged'],
    ]);
  });

  it('should find nothing changed when a document is compared with itself', () => {
    const same = alignDocuments(newer, syntheticDocument('A/RES/72/9', {}, newer.units.map((unit) => ({ unit: unit.unit, text: unit.text }))));
    expect(same.pairs.every((pair) => pair.status === 'unchanged' && !pair.renumbered)).toBe(true);
  });
});

describe('alignDocuments on the bundled "Protection of migrants" resolutions', () => {
  const { older, newer } = bundledMigrantsResolutions();
  const alignment = alignDocuments(older, newer);
  const old = (unit: string) => `A/RES/74/148:${unit}`;
  const now = (unit: string) => `A/RES/76/172:${unit}`;
  const inserted = (pair: AlignedPair) => (pair.diff ?? []).filter((segment) => segment.op === 'insert').map((segment) => segment.text).join(' ');

  it('should find the preambular paragraph on holistic approaches dropped in 2021', () => {
    expect(older.units.find((unit) => unit.id === old('PP24'))!.text).toContain('holistic approaches');
    expect(pairWith(alignment, old('PP24'))).toMatchObject({ status: 'removed', toIds: [] });
  });

  it('should find the preambular paragraphs added in 2021 on migrants as rights holders and on COVID-19', () => {
    expect(pairWith(alignment, now('PP5'))).toMatchObject({ status: 'added', fromIds: [] });
    expect(newer.units.find((unit) => unit.id === now('PP5'))!.text).toContain('are human rights holders');
    for (const unit of ['PP16', 'PP18']) {
      expect(pairWith(alignment, now(unit))).toMatchObject({ status: 'added', fromIds: [] });
      expect(newer.units.find((candidate) => candidate.id === now(unit))!.text).toContain('COVID-19');
    }
  });

  it('should keep the changed words of operative paragraph 1', () => {
    const pair = pairWith(alignment, old('OP1'));
    expect(pair).toMatchObject({ status: 'changed', toIds: [now('OP1')], renumbered: false });
    expect(inserted(pair)).toContain('ensuring that their legislation and migration policies and practices are consistent with');
    expect(pair.diff!.filter((segment) => segment.op === 'delete').map((segment) => segment.text.trim())).toEqual(['avoiding']);
  });

  it('should follow the shift of numbering that the new paragraphs cause', () => {
    expect(pairWith(alignment, old('OP8'))).toMatchObject({ toIds: [now('OP9')], renumbered: true, status: 'changed' });
    expect(pairWith(alignment, old('OP10'))).toMatchObject({ toIds: [now('OP11')], renumbered: true });
    expect(pairWith(alignment, old('OP10(f)'))).toMatchObject({ toIds: [now('OP11(e)')], renumbered: true });
    expect(pairWith(alignment, old('PP7'))).toMatchObject({ toIds: [now('PP10')], status: 'changed' });
    expect(pairWith(alignment, old('PP31'))).toMatchObject({ toIds: [now('PP35')], status: 'unchanged', renumbered: true });
    expect(pairWith(alignment, old('FN9'))).toMatchObject({ toIds: [now('FN11')], status: 'unchanged', renumbered: true });
  });

  it('should see the two witness-protection sub-paragraphs merged into one', () => {
    expect(pairWith(alignment, now('OP11(d)'))).toMatchObject({
      status: 'merged',
      fromIds: [old('OP10(d)'), old('OP10(e)')],
      toIds: [now('OP11(d)')],
    });
  });

  it('should see the sub-paragraph on the Palermo Protocols become an operative paragraph of its own', () => {
    expect(pairWith(alignment, old('OP6(m)'))).toMatchObject({ status: 'moved', toIds: [now('OP8')] });
    expect(pairWith(alignment, old('OP7'))).toMatchObject({ status: 'unchanged', toIds: [now('OP7')] });
  });

  it('should see words added on COVID-19 and collective expulsion to kept paragraphs', () => {
    expect(inserted(pairWith(alignment, old('OP6(d)')))).toContain('COVID-19');
    expect(inserted(pairWith(alignment, now('PP25')))).toContain('collective expulsion');
  });

  it('should align the versions of a series in date order and reuse the cached result', () => {
    const [series] = findSeries([newer, older]);
    const [aligned] = alignSeries(series!);
    expect(aligned).toBe(alignment);
    expect([aligned!.from, aligned!.to]).toEqual(['A/RES/74/148', 'A/RES/76/172']);
  });

  it('should account for every unit of both texts once', () => {
    expect(alignment.pairs.flatMap((pair) => pair.fromIds).sort()).toEqual(older.units.map((unit) => unit.id).sort());
    expect(alignment.pairs.flatMap((pair) => pair.toIds).sort()).toEqual(newer.units.map((unit) => unit.id).sort());
  });
});
