import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * The one map from error code to HTTP status and the message a client may see. Internal error text
 * never leaves the server: anything not raised as a PublicError becomes `internal`.
 */
export const publicErrors = {
  'invalid-json': { status: 400, message: 'The request body is not valid JSON.' },
  'invalid-utf8': { status: 400, message: 'The request body is not valid UTF-8.' },
  'invalid-request': { status: 400, message: 'The request does not have the expected shape.' },
  'invalid-id': { status: 400, message: 'The id is not a valid canonical unit id.' },
  'unsupported-media-type': { status: 415, message: 'Send the request body as JSON with Content-Type: application/json.' },
  'body-too-large': { status: 413, message: 'The request body is larger than 16 KiB.' },
  'route-not-found': { status: 404, message: 'There is no such endpoint.' },
  'unit-not-found': { status: 404, message: 'No paragraph has this id.' },
  'document-not-found': { status: 404, message: 'No document has this symbol.' },
  'answer-not-found': { status: 404, message: 'No answer has this id.' },
  'model-not-found': { status: 404, message: 'Unknown model; GET /v1/models lists the models.' },
  'origin-not-allowed': { status: 403, message: 'This origin is not allowed to call the API.' },
  'widget-key-invalid': { status: 403, message: 'The widget key is unknown or not bound to this origin.' },
  'widget-key-required': { status: 403, message: 'Requests from this origin need a widget key (X-Verbatim-Key).' },
  'rate-limited': { status: 429, message: 'Too many requests; wait before retrying.' },
  overloaded: { status: 503, message: 'The server is busy; retry shortly.' },
  'not-ready': { status: 503, message: 'The index is still loading; retry shortly.' },
  'shutting-down': { status: 503, message: 'The server is restarting; retry shortly.' },
  'storage-unavailable': { status: 503, message: 'Storage is unavailable; retry shortly.' },
  'deadline-exceeded': { status: 504, message: 'The answer took too long and was stopped.' },
  'answer-failed': { status: 500, message: 'The answer could not be completed.' },
  internal: { status: 500, message: 'Something went wrong on our side.' },
} as const satisfies Record<string, { status: ContentfulStatusCode; message: string }>;

export type PublicErrorCode = keyof typeof publicErrors;

export function isPublicErrorCode(code: string): code is PublicErrorCode {
  return Object.hasOwn(publicErrors, code);
}

export class PublicError extends Error {
  constructor(
    readonly code: PublicErrorCode,
    /** Client-safe specifics, e.g. which field failed validation. Never internal error text. */
    readonly details?: string[],
    readonly retryAfterSeconds?: number,
  ) {
    super(code);
    this.name = 'PublicError';
  }
}

/** OpenAI clients read `error.message` and `error.type`; our own clients read `error.code`. */
export function publicErrorBody(code: PublicErrorCode, details?: string[]) {
  const { status, message } = publicErrors[code];
  const type = status >= 500 ? 'server_error' : status === 429 ? 'rate_limit_error' : 'invalid_request_error';
  const fullMessage = details && details.length > 0 ? `${message} ${details.join('; ')}` : message;
  return { error: { code, type, message: fullMessage, ...(details && details.length > 0 ? { details } : {}) } };
}

export function publicErrorResponse(c: Context, error: PublicError): Response {
  if (error.retryAfterSeconds !== undefined) c.header('Retry-After', String(Math.max(1, Math.ceil(error.retryAfterSeconds))));
  return c.json(publicErrorBody(error.code, error.details), publicErrors[error.code].status);
}
