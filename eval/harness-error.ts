/** A problem with the run itself (bad golden line, bad option, unreachable server): exit code 2. */
export class HarnessError extends Error {
  override name = 'HarnessError';
}
