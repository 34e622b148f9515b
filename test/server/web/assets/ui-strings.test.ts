import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const source = readFileSync(new URL('../../../../src/server/web/assets/ui-strings.js', import.meta.url), 'utf8');
const { STRINGS, stringsFor } = new Function(`${source}\nreturn { STRINGS, stringsFor };`)() as {
  STRINGS: Record<string, Record<string, string>>;
  stringsFor(language: string): Record<string, string>;
};

describe('STRINGS', () => {
  it('should translate every UI string into French', () => {
    const english = Object.keys(STRINGS.en ?? {});
    expect(Object.keys(STRINGS.fr ?? {}).sort()).toEqual(english.sort());
    for (const key of english) expect(STRINGS.fr?.[key], key).not.toBe('');
    expect(stringsFor('fr-CA').send).toBe('Envoyer');
    expect(stringsFor('de').send).toBe('Send');
  });
});
