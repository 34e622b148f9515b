import type { Context } from 'hono';
import type { z } from 'zod';
import { PublicError } from './public-error.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Turns zod issues into short, client-safe lines such as `messages.0.content: Too big`. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.slice(0, 10).map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}

/**
 * Reads and validates a JSON body, rejecting invalid UTF-8 (which `Request.json()` would silently
 * replace with U+FFFD), malformed JSON and wrong shapes with a 4xx that says which.
 */
export async function readJsonBody<Schema extends z.ZodType>(c: Context, schema: Schema): Promise<z.output<Schema>> {
  const contentType = c.req.header('content-type') ?? '';
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(contentType.trim())) throw new PublicError('unsupported-media-type');
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    throw new PublicError('invalid-utf8');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new PublicError('invalid-json');
  }
  const result = schema.safeParse(value);
  if (!result.success) throw new PublicError('invalid-request', describeIssues(result.error));
  return result.data;
}

export function parseQuery<Schema extends z.ZodType>(schema: Schema, value: unknown): z.output<Schema> {
  const result = schema.safeParse(value);
  if (!result.success) throw new PublicError('invalid-request', describeIssues(result.error));
  return result.data;
}
