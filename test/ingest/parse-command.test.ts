import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runParseCommand } from '../../ingest/parse-command.js';
import { migrants2021Path } from '../corpus/corpus-paths.js';

function collector(): { write(text: string): void; text: string } {
  return {
    text: '',
    write(chunk: string) {
      this.text += chunk;
    },
  };
}

describe('parse command', () => {
  it('should print the parsed document as JSON with ids, kinds, labels, texts and footnotes', async () => {
    const output = collector();
    const errors = collector();
    expect(await runParseCommand(['--', migrants2021Path], output, errors)).toBe(0);
    expect(errors.text).toBe('');
    const printed = JSON.parse(output.text) as {
      symbol: string;
      title: string;
      date: string;
      session: string;
      agendaItem: string;
      units: Array<{ id: string; kind: string; label: string; text: string; footnotes: string[] }>;
    };
    expect(printed).toMatchObject({
      symbol: 'A/RES/76/172',
      title: 'Protection of migrants',
      date: '2021-12-16',
      session: 'Seventy-sixth session',
      agendaItem: '74 (b)',
    });
    expect(printed.units.find((unit) => unit.id === 'A/RES/76/172:PP2')).toEqual({
      id: 'A/RES/76/172:PP2',
      kind: 'preamble',
      label: 'A/RES/76/172, preamble, para. 2',
      text: expect.stringMatching(/^Reaffirming the Universal Declaration of Human Rights, which proclaims/),
      footnotes: ['A/RES/76/172:FN5'],
    });
    expect(new Set(printed.units.map((unit) => unit.kind))).toEqual(new Set(['header', 'preamble', 'operative', 'footnote', 'footer']));
  });

  it('should print a clear message and exit 1 on a document it cannot understand', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'verbatim-parse-'));
    const file = join(folder, 'garbage.txt');
    await writeFile(file, 'lorem ipsum\n\ndolor sit amet\n');
    const output = collector();
    const errors = collector();
    expect(await runParseCommand([file], output, errors)).toBe(1);
    expect(output.text).toBe('');
    expect(errors.text).toBe(`Cannot parse ${file}, line 1: no resolution symbol found: expected a title line such as "76/172. Protection of migrants" or "Resolution 242 (1967)"\n`);
  });

  it('should exit 1 on a missing file and 2 without exactly one file', async () => {
    const errors = collector();
    expect(await runParseCommand([join(tmpdir(), 'no-such-resolution.txt')], collector(), errors)).toBe(1);
    expect(errors.text).toMatch(/^No such file: /);
    expect(await runParseCommand([], collector(), collector())).toBe(2);
  });

  it('should run as a script that exits 1 with the message on stderr', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'verbatim-parse-'));
    const file = join(folder, 'garbage.txt');
    await writeFile(file, 'not a resolution\n');
    const script = fileURLToPath(new URL('../../ingest/parse-command.ts', import.meta.url));
    const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
    const failure = await promisify(execFile)(tsx, [script, file]).then(
      () => undefined,
      (error: { code: number; stderr: string; stdout: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain(`Cannot parse ${file}, line 1: no resolution symbol found`);
    expect(failure?.stdout).toBe('');
  });
});
