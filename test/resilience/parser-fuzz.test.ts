import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ParseError } from '../../src/corpus/parse-error.js';
import { parseResolution } from '../../src/corpus/parse-resolution.js';
import { recordResilienceSection } from './support/resilience-report.js';
import { scaled } from './support/resilience-mode.js';
import { BUNDLED_FILES, SECURITY_COUNCIL_DIRECTORY } from './support/temp-corpus.js';

const seeds = [
  ...BUNDLED_FILES.map((file) => readFileSync(file, 'utf8')),
  ...readdirSync(SECURITY_COUNCIL_DIRECTORY)
    .sort()
    .filter((_, position) => position % 60 === 0)
    .map((name) => readFileSync(join(SECURITY_COUNCIL_DIRECTORY, name), 'utf8')),
];

const tally = { cases: 0, parsed: 0, parseErrors: 0, otherErrors: 0, slowestMs: 0 };
const failures: string[] = [];

/** Parses and classifies: a document with sound ids, a ParseError, or a failure (any other throw). */
function parseOnce(text: string): void {
  tally.cases += 1;
  const started = performance.now();
  try {
    const document = parseResolution(text, { sourceFile: 'fuzz.txt' });
    tally.parsed += 1;
    const ids = document.units.map((unit) => unit.id);
    if (new Set(ids).size !== ids.length) failures.push(`duplicate unit ids in ${document.symbol}`);
    if (ids.some((id) => !id.startsWith(`${document.symbol}:`))) failures.push(`unit id outside symbol ${document.symbol}`);
  } catch (error) {
    if (error instanceof ParseError) tally.parseErrors += 1;
    else {
      tally.otherErrors += 1;
      failures.push(`${(error as Error).name}: ${(error as Error).message} for input ${JSON.stringify(text.slice(0, 200))}`);
    }
  } finally {
    tally.slowestMs = Math.max(tally.slowestMs, performance.now() - started);
  }
}

type Mutation =
  | { kind: 'delete-lines'; at: number; count: number }
  | { kind: 'duplicate-lines'; at: number; count: number }
  | { kind: 'swap-lines'; first: number; second: number }
  | { kind: 'insert-text'; at: number; text: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'replace-digits'; digit: string }
  | { kind: 'line-endings'; ending: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete-lines' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('duplicate-lines' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 10 }) }),
  fc.record({ kind: fc.constant('swap-lines' as const), first: fc.nat(), second: fc.nat() }),
  fc.record({
    kind: fc.constant('insert-text' as const),
    at: fc.nat(),
    text: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom('\u0000', '\uFEFF', '(a)', '1.', '_______', '* ', '\f', 'Adopted at the 1st meeting.', '<script>', '\u202E', 'ANNEX', '(iv)')),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('replace-digits' as const), digit: fc.constantFrom('0', '9', 'x', '') }),
  fc.record({ kind: fc.constant('line-endings' as const), ending: fc.constantFrom('\r\n', '\r', '\n\n', '\u2028') }),
);

function mutate(text: string, mutations: readonly Mutation[]): string {
  let lines = text.split('\n');
  let joined: string | undefined;
  for (const change of mutations) {
    if (joined !== undefined) {
      lines = joined.split('\n');
      joined = undefined;
    }
    const at = (position: number) => position % Math.max(1, lines.length);
    switch (change.kind) {
      case 'delete-lines':
        lines.splice(at(change.at), change.count);
        break;
      case 'duplicate-lines':
        lines.splice(at(change.at), 0, ...lines.slice(at(change.at), at(change.at) + change.count));
        break;
      case 'swap-lines': {
        const first = at(change.first);
        const second = at(change.second);
        [lines[first], lines[second]] = [lines[second] ?? '', lines[first] ?? ''];
        break;
      }
      case 'insert-text': {
        const whole = lines.join('\n');
        const position = change.at % (whole.length + 1);
        joined = whole.slice(0, position) + change.text + whole.slice(position);
        break;
      }
      case 'truncate': {
        const whole = lines.join('\n');
        joined = whole.slice(0, change.at % (whole.length + 1));
        break;
      }
      case 'replace-digits':
        joined = lines.join('\n').replace(/\d/g, (digit) => (digit === '1' ? change.digit : digit));
        break;
      case 'line-endings':
        joined = lines.join(change.ending);
        break;
    }
  }
  return joined ?? lines.join('\n');
}

describe('parser fuzzing', () => {
  afterAll(async () => {
    await recordResilienceSection({
      key: '4-fuzz-parser',
      title: 'Fuzzing: parser',
      figures: {
        'documents tried': tally.cases,
        parsed: tally.parsed,
        'ParseError (clear, expected)': tally.parseErrors,
        'crashes (any other error)': tally.otherErrors,
        'slowest parse (ms)': Math.round(tally.slowestMs),
      },
      notes: `Random text (unicode graphemes, resolution-like tokens) and mutations of ${seeds.length} real documents (bundled and Security Council): deleted, duplicated and swapped lines, inserted text (NUL, BOM, bidi override, markers), truncation, changed digits and line endings. fast-check, fixed seed.`,
    });
  });

  it('should only ever return a document or throw ParseError on random text', () => {
    const resolutionish = fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.constantFrom('\n', '\n\n', '1. ', '(a) ', 'Recalling ', 'The General Assembly,', 'A/RES/76/172', 'Resolution adopted by the General Assembly on 16 December 2021', '53rd plenary meeting', '___', '1 See ')), { maxLength: 200 });
    fc.assert(
      fc.property(resolutionish, (pieces) => {
        parseOnce(pieces.join(''));
      }),
      { numRuns: scaled(3000, 300), seed: 20261123 },
    );
    expect(failures).toEqual([]);
  });

  it('should only ever return a document or throw ParseError on mutated real documents', () => {
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), (seed, mutations) => {
        parseOnce(mutate(seeds[seed]!, mutations));
      }),
      { numRuns: scaled(3000, 300), seed: 20261124 },
    );
    expect(failures).toEqual([]);
  });
});
