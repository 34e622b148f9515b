import { randomBytes } from 'node:crypto';
import { access, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { syncPath } from './durable-file.js';

/**
 * A folder is replaced in two renames (target → `<target>.previous`, temp → target). A crash between
 * them leaves no target but an intact `.previous`; readers and the next writer treat it as current.
 */
export function previousDirectoryOf(target: string): string {
  return `${target}.previous`;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Temp folders of writers that died (kill -9) would otherwise pile up beside the index. */
async function removeAbandonedTempDirectories(target: string): Promise<void> {
  const parent = dirname(target);
  const prefix = `${basename(target)}.tmp-`;
  for (const name of await readdir(parent)) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (Number.isInteger(pid) && pid !== process.pid && !isProcessAlive(pid)) {
      await rm(join(parent, name), { recursive: true, force: true });
    }
  }
}

/**
 * The folder holding the current complete index: the target, or its `.previous` twin when a writer
 * crashed between its two renames. Undefined when neither has a manifest.
 */
export async function resolveCurrentDirectory(target: string, markerFile: string): Promise<string | undefined> {
  if (await exists(join(target, markerFile))) return target;
  const previous = previousDirectoryOf(target);
  if (await exists(join(previous, markerFile))) return previous;
  return undefined;
}

/**
 * Fills a fresh temp folder beside `target` and swaps it in. If `fill` throws (or the process dies),
 * the target is untouched and the temp folder is removed (or removed by the next writer).
 */
export async function replaceDirectoryAtomically(target: string, fill: (temporaryDirectory: string) => Promise<void>): Promise<void> {
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  await removeAbandonedTempDirectories(target);
  const temporary = join(parent, `${basename(target)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  await mkdir(temporary);
  try {
    await fill(temporary);
    await syncPath(temporary);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
  const previous = previousDirectoryOf(target);
  if (await exists(target)) {
    // A `.previous` beside an existing target is a leftover from a finished swap: safe to drop.
    await rm(previous, { recursive: true, force: true });
    await rename(target, previous);
  }
  await rename(temporary, target);
  await syncPath(parent);
  await rm(previous, { recursive: true, force: true });
}
