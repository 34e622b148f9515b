import { beforeAll, describe, expect, it } from 'vitest';
import type { ResolutionDocument } from '../../src/corpus/resolution-document.js';
import { describeTopic, listTopic, unitsByFormalTerms, unitsMentioning } from '../../src/answer/list-answer.js';
import { stem } from '../../src/retrieval/text-terms.js';
import { bundledDocuments } from './bundled-corpus.js';

let latest: ResolutionDocument[];

beforeAll(async () => {
  latest = (await bundledDocuments()).filter((document) => document.symbol === 'A/RES/76/172');
});

const ids = (units: Array<{ unit: string }>) => units.map((unit) => unit.unit);

describe('unitsMentioning', () => {
  it('should find every unit with the topic words in order within a short span', () => {
    const found = ids(unitsMentioning(latest, listTopic('Which paragraphs mention the Special Rapporteur on the human rights of migrants?')));
    expect(found).toEqual(expect.arrayContaining(['OP16', 'OP19', 'OP21']));
  });

  it('should not count the verb that frames the question as part of the topic', () => {
    expect(listTopic('In which paragraphs does the Special Rapporteur come up?')).toEqual(['special', 'rapporteur']);
  });

  it('should leave out one word the documents use elsewhere when no unit has the whole phrase', () => {
    const topic = listTopic('Which paragraphs mention the best interests of the child principle?');
    expect(topic).toContain('principl');
    const found = ids(unitsMentioning(latest, topic));
    expect(found).toEqual(expect.arrayContaining(['OP5(b)', 'OP6(k)']));
    expect(found.length).toBeLessThan(8);
  });

  it('should never leave out a word the documents do not use, so an absent topic stays absent', () => {
    expect(unitsMentioning(latest, listTopic('Which paragraphs mention the Rohingya refugee crisis?'))).toEqual([]);
  });

  it('should match a topic word through the formal term that stands in for it', () => {
    const topic = listTopic('Which paragraphs mention the coronavirus pandemic?');
    const plain = ids(unitsMentioning(latest, topic, new Map()));
    const expanded = ids(unitsMentioning(latest, topic, new Map([[stem('coronavirus'), [stem('COVID')]]])));
    expect(expanded).toContain('OP6(e)');
    expect(expanded.length).toBeGreaterThan(plain.length);
  });
});

describe('describeTopic', () => {
  it('should give the topic as written, without closing punctuation', () => {
    expect(describeTopic('Give me every paragraph that mentions the coronavirus pandemic.')).toBe('the coronavirus pandemic');
  });
});

describe('unitsByFormalTerms', () => {
  const unitIds = (units: Array<{ id: string }>) => units.map((unit) => unit.id);
  const everyUnit = () => true;

  it('should list every paragraph using the formal term that stands in for the topic', () => {
    const topic = listTopic('Which parts deal with children travelling on their own?');
    const expansion = [{ from: 'on their own', term: 'unaccompanied' }];
    const found = ids(unitsByFormalTerms(latest, topic, expansion, everyUnit));
    expect(found).toEqual(expect.arrayContaining(['PP25', 'OP6(k)']));
    expect(unitsMentioning(latest, topic)).toEqual([]);
  });

  it('should leave out a term most of whose paragraphs retrieval did not find', () => {
    const topic = listTopic('Which paragraphs mention the coronavirus?');
    const expansion = [{ from: 'coronavirus', term: 'COVID-19' }];
    const all = unitsByFormalTerms(latest, topic, expansion, everyUnit);
    expect(all.length).toBeGreaterThan(2);
    const retrieved = new Set(unitIds(all).slice(0, 1));
    expect(unitsByFormalTerms(latest, topic, expansion, (unit) => retrieved.has(unit.id))).toEqual([]);
  });

  it('should ignore terms found for the words that frame the question', () => {
    const topic = listTopic('Which paragraphs talk about remittances?');
    expect(unitsByFormalTerms(latest, topic, [{ from: 'talk', term: 'COVID-19' }], everyUnit)).toEqual([]);
  });
});
