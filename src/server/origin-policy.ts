import type { PublicErrorCode } from './public-error.js';

/**
 * Who may call the API from a browser. Same-origin pages and non-browser clients (no Origin header)
 * always may; another origin must be in ALLOWED_ORIGINS or bound to a widget key. Widget keys are
 * public and origin-bound: a key proves nothing by itself, it only has to match the Origin the browser
 * sends, and once keys exist, cross-origin callers must present theirs (per-key rate limits need it).
 */
export interface OriginPolicy {
  /** Origins that get CORS headers. */
  readonly corsOrigins: ReadonlySet<string>;
  readonly keys: ReadonlyMap<string, string>;
}

export type OriginDecision =
  | { allowed: true; crossOrigin: boolean; key?: string }
  | { allowed: false; code: PublicErrorCode };

export class OriginPolicyError extends Error {
  override name = 'OriginPolicyError';
}

function normaliseOrigin(value: string, source: string): string {
  try {
    const url = new URL(value);
    if (url.origin === 'null') throw new Error('opaque');
    return url.origin;
  } catch {
    throw new OriginPolicyError(`${source}: "${value}" is not an origin such as https://www.example.org`);
  }
}

export function createOriginPolicy(allowedOrigins: readonly string[], widgetKeys: readonly string[]): OriginPolicy {
  const corsOrigins = new Set(allowedOrigins.map((origin) => normaliseOrigin(origin, 'ALLOWED_ORIGINS')));
  const keys = new Map<string, string>();
  for (const pair of widgetKeys) {
    const separator = pair.indexOf('=');
    const key = pair.slice(0, separator).trim();
    if (separator <= 0 || key.length === 0) {
      throw new OriginPolicyError(`WIDGET_KEYS: "${pair}" should be key=https://origin.example`);
    }
    const origin = normaliseOrigin(pair.slice(separator + 1).trim(), 'WIDGET_KEYS');
    keys.set(key, origin);
    corsOrigins.add(origin);
  }
  return { corsOrigins, keys };
}

function isSameOrigin(origin: string, host: string | undefined): boolean {
  if (!host) return false;
  try {
    return new URL(origin).host.toLowerCase() === host.toLowerCase();
  } catch {
    return false;
  }
}

export function decideOrigin(
  policy: OriginPolicy,
  request: { origin?: string | undefined; host?: string | undefined; key?: string | undefined },
): OriginDecision {
  const { origin, host } = request;
  // With no keys configured a key proves nothing and binds nothing; an embed that sends one still works.
  const key = policy.keys.size > 0 ? request.key : undefined;
  if (key !== undefined) {
    const boundOrigin = policy.keys.get(key);
    if (!boundOrigin || !origin || boundOrigin !== origin) return { allowed: false, code: 'widget-key-invalid' };
    return { allowed: true, crossOrigin: !isSameOrigin(origin, host), key };
  }
  if (!origin || isSameOrigin(origin, host)) return { allowed: true, crossOrigin: false };
  if (!policy.corsOrigins.has(origin)) return { allowed: false, code: 'origin-not-allowed' };
  if (policy.keys.size > 0) return { allowed: false, code: 'widget-key-required' };
  return { allowed: true, crossOrigin: true };
}
