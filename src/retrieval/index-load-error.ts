/**
 * Raised when a stored index cannot be used: missing, corrupt, truncated, or built by another parser or
 * embedder. The message names the file and says how to fix it, because the reader is an operator.
 */
export class IndexLoadError extends Error {
  constructor(
    readonly directory: string,
    readonly file: string,
    readonly reason: string,
  ) {
    super(`Index at ${directory} cannot be loaded: ${file}: ${reason}. Rebuild it with \`npm run ingest\` (or delete the folder to have \`npm start\` rebuild it).`);
    this.name = 'IndexLoadError';
  }
}
