/**
 * Full mode runs the loops the issue asks for (100 kills, thousands of fuzz cases); short mode, for CI,
 * runs about a tenth. Set RESILIENCE_MODE=short, or run under CI=true.
 */
export type ResilienceMode = 'full' | 'short';

export function resilienceMode(environment: Record<string, string | undefined> = process.env): ResilienceMode {
  if (environment.RESILIENCE_MODE === 'full') return 'full';
  if (environment.RESILIENCE_MODE === 'short') return 'short';
  return environment.CI === 'true' || environment.CI === '1' ? 'short' : 'full';
}

/** The full-mode count, or its short-mode stand-in. */
export function scaled(full: number, short: number, mode: ResilienceMode = resilienceMode()): number {
  return mode === 'full' ? full : short;
}
