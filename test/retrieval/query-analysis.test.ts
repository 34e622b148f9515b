import { describe, expect, it } from 'vitest';
import { createCorpusStore } from '../../src/corpus/corpus-store.js';
import { analyzeQuery } from '../../src/retrieval/query-analysis.js';
import { sampleDocuments } from '../answer/sample-documents.js';

const corpus = createCorpusStore(sampleDocuments());

describe('analyzeQuery', () => {
  it('should resolve a named paragraph of a named resolution straight to its unit', () => {
    const analysis = analyzeQuery('what does 2 (c) of 74/148 say?', corpus);
    expect(analysis.unitIds).toEqual(['A/RES/74/148:OP2(c)']);
    expect(analysis.assumedLatest).toBe(false);
  });

  it('should resolve a paragraph without a symbol in the latest version and say it assumed so', () => {
    const analysis = analyzeQuery('op 3', corpus);
    expect(analysis.unitIds).toEqual(['A/RES/76/172:OP3']);
    expect(analysis.assumedLatest).toBe(true);
  });

  it('should resolve ordinal preambular references and footnotes', () => {
    expect(analyzeQuery('the first preambular paragraph of the 2019 resolution', corpus).unitIds).toEqual(['A/RES/74/148:PP1']);
    expect(analyzeQuery('footnote 2 in A/RES/76/172', corpus).unitIds).toEqual(['A/RES/76/172:FN2']);
  });

  it('should report paragraphs that do not exist instead of inventing them', () => {
    const analysis = analyzeQuery('what does op 40 say?', corpus);
    expect(analysis.unitIds).toEqual([]);
    expect(analysis.missingUnitIds).toEqual(['A/RES/76/172:OP40']);
  });

  it('should take filters from the question: year, symbol, the older one, the latest', () => {
    expect(analyzeQuery('detention in the 2019 resolution', corpus).filters.symbols).toEqual(['A/RES/74/148']);
    expect(analyzeQuery('What does A/RES/76/172 say about children?', corpus).filters.symbols).toEqual(['A/RES/76/172']);
    expect(analyzeQuery('what does the older one say about remittances?', corpus).filters.symbols).toEqual(['A/RES/74/148']);
    expect(analyzeQuery('and the latest one?', corpus).filters.symbols).toEqual(['A/RES/76/172']);
    expect(analyzeQuery('what does it say about children?', corpus).filters.symbols).toBeUndefined();
  });

  it('should keep request filters and ignore years that match no document', () => {
    const analysis = analyzeQuery('the Global Compact endorsed in 2018', corpus, { symbols: ['A/RES/74/148'] });
    expect(analysis.filters.symbols).toEqual(['A/RES/74/148']);
    expect(analysis.searchText).toContain('2018');
  });

  it('should recognise metadata, list, footnote and unanswerable questions', () => {
    expect(analyzeQuery('What is the adoption date?', corpus).metadataField).toBe('date');
    expect(analyzeQuery('When was the resolution adopted?', corpus).metadataField).toBe('date');
    expect(analyzeQuery('At which meeting was it adopted?', corpus).metadataField).toBe('meeting');
    expect(analyzeQuery('Which agenda item?', corpus).metadataField).toBe('agendaItem');
    expect(analyzeQuery('Which paragraphs mention trafficking in persons?', corpus).listRequested).toBe(true);
    expect(analyzeQuery('Which Treaty Series volume is cited for the Convention on the Rights of the Child?', corpus).footnoteRequested).toBe(true);
    expect(analyzeQuery('How many countries voted in favour?', corpus).unanswerable).toBe('vote');
    expect(analyzeQuery('Who sponsored the resolution?', corpus).unanswerable).toBe('sponsor');
    expect(analyzeQuery("Who is the Special Rapporteur's name?", corpus).unanswerable).toBe('person');
    expect(analyzeQuery('Who is invited to present an oral report?', corpus).unanswerable).toBeUndefined();
  });
});

describe('analyzeQuery on list, figure and document questions', () => {
  it('should take "in which paragraphs" and "list all of them" as list questions', () => {
    expect(analyzeQuery('In which paragraphs does the Special Rapporteur come up?', corpus).listRequested).toBe(true);
    expect(analyzeQuery('Where is the best interests principle invoked? List all of them.', corpus).listRequested).toBe(true);
    expect(analyzeQuery('Which paragraph calls for search and rescue?', corpus).listRequested).toBe(false);
    expect(analyzeQuery('Which parts of the resolution deal with unaccompanied children?', corpus).listRequested).toBe(true);
    expect(analyzeQuery('Which provisions concern remittances?', corpus).listRequested).toBe(true);
    expect(analyzeQuery('List each reference to the Special Rapporteur.', corpus).listRequested).toBe(true);
  });

  it('should confine the search to the part of the resolution the question names', () => {
    expect(analyzeQuery('What risks does the preamble say migrants face?', corpus).filters.kinds).toEqual(['preamble']);
    expect(analyzeQuery('Which operative paragraphs deal with remittances?', corpus).filters.kinds).toEqual(['operative']);
    expect(analyzeQuery('Do the preamble and the operative part both mention remittances?', corpus).filters.kinds).toBeUndefined();
    expect(analyzeQuery('What does preambular paragraph 4 of 74/148 say?', corpus).filters.kinds).toBeUndefined();
  });

  it('should expect a figure when a minimum or maximum is asked for', () => {
    expect(analyzeQuery('What minimum wage must migrant workers be paid?', corpus).expectedValue).toBe('number');
    expect(analyzeQuery('What does the resolution say about wages?', corpus).expectedValue).toBeUndefined();
  });

  it('should send "which documents are…" to the footnotes', () => {
    expect(analyzeQuery('Which documents are the reports it takes note of?', corpus).footnoteRequested).toBe(true);
  });
});

describe('analyzeQuery on questions about drafting', () => {
  it('should treat who drafted or sponsored a resolution as something the texts never say', () => {
    expect(analyzeQuery('Which non-governmental organization drafted resolution 76/172?', corpus).unanswerable).toBe('sponsor');
    expect(analyzeQuery('Which countries sponsored it?', corpus).unanswerable).toBe('sponsor');
    expect(analyzeQuery('What does the draft say about detention?', corpus).unanswerable).toBeUndefined();
  });

  it('should take advice on a personal case as unanswerable, but not a question about complaints in general', () => {
    expect(analyzeQuery('Can I use this resolution in court against my employer?', corpus).unanswerable).toBe('legal-advice');
    expect(analyzeQuery('My claim was refused. Could we appeal, and would we win?', corpus).unanswerable).toBe('legal-advice');
    expect(analyzeQuery('Can migrants complain about abuse by an employer?', corpus).unanswerable).toBeUndefined();
  });

  it('should expect a figure for a maximum or total number and route report questions to the title block', () => {
    expect(analyzeQuery('What is the maximum number of days in detention?', corpus).expectedValue).toBe('number');
    expect(analyzeQuery('Whose report was the 2019 resolution adopted on?', corpus).metadataField).toBe('committeeReport');
  });
});
