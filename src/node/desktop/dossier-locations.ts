/**
 * Which dossier the desktop application opens, and its list of recent ones. Here rather than in electron/
 * because only src/node/ touches the disk; electron/ passes in the folders Electron knows (user data …).
 *
 * Order: a dossier named on the command line, else the most recent one, else the sample negotiation copied into
 * the user's data folder on first run (never opened in place, so the bundled fixture is never modified).
 */
import { existsSync } from 'node:fs';
import { cp, readFile } from 'node:fs/promises';
import { makeDirectories } from '../dossier/make-directories.js';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../dossier/atomic-write.js';
import { MANIFEST_FILE } from '../dossier/manifest-io.js';
import { STATE_DIR } from '../dossier/store.js';

export const RECENT_LIMIT = 10;

export function isDossierFolder(dir: string): boolean {
  return existsSync(join(dir, MANIFEST_FILE));
}

/** The first command-line argument that names a dossier folder (options and the app's own script are skipped). */
export function dossierFromArgs(argv: readonly string[], cwd: string): string | null {
  for (const arg of argv) {
    if (arg.startsWith('-')) continue;
    const dir = resolve(cwd, arg);
    if (isDossierFolder(dir)) return dir;
  }
  return null;
}

/** `userDataDir`/rare-earths-mou, copied from the fixture the first time (without any .parley state). */
export async function ensureSampleCopy(fixture: string, userDataDir: string): Promise<string> {
  const copy = join(userDataDir, 'rare-earths-mou');
  if (!isDossierFolder(copy)) {
    await makeDirectories(copy);
    await cp(fixture, copy, { recursive: true, filter: (source) => source !== join(fixture, STATE_DIR) });
  }
  return copy;
}

/** The recent dossiers recorded in `file` (a JSON list), keeping only those that still exist. */
export async function readRecent(file: string): Promise<string[]> {
  try {
    const list = JSON.parse(await readFile(file, 'utf8')) as unknown;
    return Array.isArray(list) ? list.filter((d): d is string => typeof d === 'string' && isDossierFolder(d)) : [];
  } catch {
    return []; // no list yet, or a damaged one: start afresh rather than refuse to start
  }
}

/** Put `dir` first in the list and save it; returns the new list. */
export async function rememberRecent(file: string, dir: string, current: readonly string[]): Promise<string[]> {
  const list = [dir, ...current.filter((d) => d !== dir)].slice(0, RECENT_LIMIT);
  await writeFileAtomic(file, JSON.stringify(list, null, 2) + '\n');
  return list;
}

export async function forgetRecent(file: string): Promise<void> {
  await writeFileAtomic(file, '[]\n');
}
