import { describe, expect, it } from 'vitest';
import {
  findSeries,
  findVersion,
  latestInSeries,
  normaliseTitle,
  previousInSeries,
} from '../../src/compare/resolution-series.js';
import { syntheticDocument } from './synthetic-document.js';

const unit = [{ unit: 'PP1', text: 'Recalling its earlier resolutions,' }];
const migrants2021 = syntheticDocument('A/RES/76/172', { title: 'Protection of migrants', date: '2021-12-16' }, unit);
const migrants2019 = syntheticDocument('A/RES/74/148', { title: 'Protection of Migrants.', date: '2019-12-18' }, unit);
const migrants2017 = syntheticDocument('A/RES/72/179', { title: '72/179. Protection of migrants', date: '2017-12-19' }, unit);
const other = syntheticDocument('A/RES/76/100', { title: 'Right to food', date: '2021-12-09' }, unit);
const council = syntheticDocument('S/RES/2000 (2011)', { title: 'Protection of migrants', body: 'Security Council', date: '2011-07-27' }, unit);

describe('findSeries', () => {
  it('should group versions sharing a normalised title, oldest first', () => {
    const series = findSeries([migrants2021, other, migrants2017, migrants2019]);
    expect(series).toHaveLength(1);
    expect(series[0]!.documents.map((document) => document.symbol)).toEqual(['A/RES/72/179', 'A/RES/74/148', 'A/RES/76/172']);
    expect(series[0]!.key).toBe('protection of migrants');
  });

  it('should not join documents of different organs or single documents into a series', () => {
    expect(findSeries([migrants2021, council, other])).toEqual([]);
  });

  it('should order by session number when dates are missing', () => {
    const undated2019 = syntheticDocument('A/RES/74/148', { title: 'Protection of migrants' }, unit);
    const undated2021 = syntheticDocument('A/RES/76/172', { title: 'Protection of migrants' }, unit);
    expect(findSeries([undated2021, undated2019])[0]!.documents.map((document) => document.symbol)).toEqual([
      'A/RES/74/148',
      'A/RES/76/172',
    ]);
  });
});

describe('normaliseTitle', () => {
  it('should ignore case, punctuation and a leading resolution number', () => {
    expect(normaliseTitle('74/148. Protection of  Migrants.')).toBe('protection of migrants');
  });
});

describe('findVersion', () => {
  const series = findSeries([migrants2021, migrants2017, migrants2019])[0]!;

  it('should find the latest and the one before it', () => {
    expect(latestInSeries(series).symbol).toBe('A/RES/76/172');
    expect(previousInSeries(series, migrants2021)?.symbol).toBe('A/RES/74/148');
    expect(previousInSeries(series, migrants2017)).toBeUndefined();
  });

  it('should resolve years, symbols and relative words', () => {
    expect(findVersion(series, 'the 2019 one')?.symbol).toBe('A/RES/74/148');
    expect(findVersion(series, 'resolution 72/179')?.symbol).toBe('A/RES/72/179');
    expect(findVersion(series, 'A/RES/76/172')?.symbol).toBe('A/RES/76/172');
    expect(findVersion(series, 'the older one')?.symbol).toBe('A/RES/74/148');
    expect(findVersion(series, 'the original text')?.symbol).toBe('A/RES/72/179');
    expect(findVersion(series, 'the latest')?.symbol).toBe('A/RES/76/172');
    expect(findVersion(series, 'the 2005 one')).toBeUndefined();
  });
});
