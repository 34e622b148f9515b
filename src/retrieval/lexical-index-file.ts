import { LEXICAL_FIELDS, type FieldPostings, type LexicalPostings } from './lexical-postings.js';

/**
 * Binary layout of the lexical index (little-endian, every array 4-byte aligned):
 *   header    "VLX1", u32 layout version, u32 chunks, u32 terms, u32 fields, u32 dictionary bytes,
 *             then per field: u32 postings, u32 zero, f64 average field length
 *   dictionary  the terms in id order, UTF-8, joined by "\n" (the tokenizer splits on newlines, so no
 *             term holds one), zero-padded to 4 bytes
 *   per field   u32 offsets[terms + 1], u32 rows[postings], u32 lengths[chunks], u16 frequencies[postings],
 *             zero-padded to 4 bytes
 * Loading copies nothing it can view in place and re-tokenises nothing.
 */
const MAGIC = 'VLX1';
const LAYOUT_VERSION = 1;
const FIXED_HEADER_BYTES = 24;
const FIELD_HEADER_BYTES = 16;

const padding = (bytes: number) => (4 - (bytes % 4)) % 4;
const asBytes = (array: Uint32Array | Uint16Array) => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);

/** The file's pieces in order, for a streaming durable write (no single buffer of the whole index). */
export function* encodeLexicalPostings(postings: LexicalPostings): Generator<Uint8Array> {
  const dictionary = Buffer.from(postings.terms.join('\n'), 'utf8');
  const header = Buffer.alloc(FIXED_HEADER_BYTES + FIELD_HEADER_BYTES * postings.fields.length);
  header.write(MAGIC, 0, 'latin1');
  header.writeUInt32LE(LAYOUT_VERSION, 4);
  header.writeUInt32LE(postings.documentCount, 8);
  header.writeUInt32LE(postings.terms.length, 12);
  header.writeUInt32LE(postings.fields.length, 16);
  header.writeUInt32LE(dictionary.length, 20);
  postings.fields.forEach((field, index) => {
    const at = FIXED_HEADER_BYTES + FIELD_HEADER_BYTES * index;
    header.writeUInt32LE(field.rows.length, at);
    header.writeDoubleLE(field.averageLength, at + 8);
  });
  yield header;
  yield dictionary;
  yield new Uint8Array(padding(dictionary.length));
  for (const field of postings.fields) {
    yield asBytes(field.offsets);
    yield asBytes(field.rows);
    yield asBytes(field.lengths);
    yield asBytes(field.frequencies);
    yield new Uint8Array(padding(field.frequencies.byteLength));
  }
}

/** Reads what `encodeLexicalPostings` wrote, checking its structure. Throws an Error saying what is wrong. */
export function decodeLexicalPostings(bytes: Uint8Array): LexicalPostings {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < FIXED_HEADER_BYTES || Buffer.from(bytes.buffer, bytes.byteOffset, 4).toString('latin1') !== MAGIC) {
    throw new Error('is not a lexical index file (bad header)');
  }
  const version = view.getUint32(4, true);
  if (version !== LAYOUT_VERSION) throw new Error(`has layout version ${version}, this code reads ${LAYOUT_VERSION}`);
  const documentCount = view.getUint32(8, true);
  const termCount = view.getUint32(12, true);
  const fieldCount = view.getUint32(16, true);
  const dictionaryBytes = view.getUint32(20, true);
  if (fieldCount !== LEXICAL_FIELDS.length) throw new Error(`has ${fieldCount} fields, expected ${LEXICAL_FIELDS.length}`);
  let at = FIXED_HEADER_BYTES + FIELD_HEADER_BYTES * fieldCount;
  const fieldHeaders = LEXICAL_FIELDS.map((_, index) => {
    const base = FIXED_HEADER_BYTES + FIELD_HEADER_BYTES * index;
    return { postings: view.getUint32(base, true), averageLength: view.getFloat64(base + 8, true) };
  });
  const expectedBytes =
    at +
    dictionaryBytes +
    padding(dictionaryBytes) +
    fieldHeaders.reduce((sum, field) => sum + 4 * (termCount + 1 + field.postings + documentCount) + 2 * field.postings + padding(2 * field.postings), 0);
  if (bytes.length !== expectedBytes) throw new Error(`is ${bytes.length} bytes, its header implies ${expectedBytes} (truncated or damaged)`);

  const terms = termCount === 0 ? [] : Buffer.from(bytes.buffer, bytes.byteOffset + at, dictionaryBytes).toString('utf8').split('\n');
  if (terms.length !== termCount) throw new Error(`holds ${terms.length} terms, its header says ${termCount}`);
  at += dictionaryBytes + padding(dictionaryBytes);

  // View in place when aligned (a file read into its own buffer is); copy otherwise.
  const aligned = (bytes.byteOffset % 4) === 0;
  const uint32s = (count: number): Uint32Array => {
    const array = aligned ? new Uint32Array(bytes.buffer, bytes.byteOffset + at, count) : new Uint32Array(copyOf(bytes, at, count * 4).buffer);
    at += count * 4;
    return array;
  };
  const fields = fieldHeaders.map((header): FieldPostings => {
    const offsets = uint32s(termCount + 1);
    const rows = uint32s(header.postings);
    const lengths = uint32s(documentCount);
    const frequencies = aligned ? new Uint16Array(bytes.buffer, bytes.byteOffset + at, header.postings) : new Uint16Array(copyOf(bytes, at, header.postings * 2).buffer);
    at += header.postings * 2 + padding(header.postings * 2);
    checkField(offsets, rows, header.postings, documentCount);
    return { offsets, rows, frequencies, lengths, averageLength: header.averageLength };
  });
  return { documentCount, terms, fields };
}

/** A fresh, aligned copy (Buffer#slice would return a view). */
const copyOf = (bytes: Uint8Array, start: number, length: number): Uint8Array => new Uint8Array(bytes.subarray(start, start + length));

function checkField(offsets: Uint32Array, rows: Uint32Array, postings: number, documentCount: number): void {
  if (offsets[0] !== 0 || offsets[offsets.length - 1] !== postings) throw new Error('has term offsets that do not span its postings');
  for (let term = 1; term < offsets.length; term += 1) {
    if (offsets[term]! < offsets[term - 1]!) throw new Error(`has term offsets going back at term ${term - 1}`);
  }
  for (let entry = 0; entry < rows.length; entry += 1) {
    if (rows[entry]! >= documentCount) throw new Error(`has a posting for chunk ${rows[entry]}, beyond its ${documentCount} chunks`);
  }
}
