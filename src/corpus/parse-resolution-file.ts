import { readFile } from 'node:fs/promises';
import { parseResolution } from './parse-resolution.js';
import type { ResolutionDocument } from './resolution-document.js';

/** Reads a resolution file as UTF-8 and parses it; ParseError names this path. */
export async function parseResolutionFile(path: string): Promise<ResolutionDocument> {
  const text = await readFile(path, 'utf8');
  return parseResolution(text, { sourceFile: path });
}
