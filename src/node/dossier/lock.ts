/**
 * The write lock of a dossier: `.parley/lock`, a small JSON file naming its holder (pid, host, since).
 *
 * Created with O_EXCL, so of two processes racing for it exactly one wins. proper-lockfile is not used: it
 * judges staleness by an mtime the holder must keep refreshing, so a killed holder blocks the dossier for
 * seconds and the lock cannot say who holds it. Here a lock whose process is dead (same host, pid gone) is
 * stale and is taken over at once; a lock held from another host is never broken automatically, because we
 * cannot tell whether that process lives.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { link, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { createFileExclusive } from './atomic-write.js';
import { DossierError, errnoCode, ioError } from './errors.js';
import { readTextIfPresent } from './read-text.js';

export interface LockHolder {
  pid: number;
  host: string;
  /** ISO timestamp of when the lock was taken. */
  since: string;
}

export interface DossierLock {
  readonly file: string;
  readonly holder: LockHolder;
  release(): Promise<void>;
}

export const LOCK_FILE = 'lock';

/**
 * Take the write lock of the dossier whose state folder is `parleyDir`. `dossierDir` only names the dossier
 * in messages. Throws DossierError('locked') naming the holder when another live process has it.
 */
export async function acquireLock(dossierDir: string, parleyDir: string): Promise<DossierLock> {
  const file = join(parleyDir, LOCK_FILE);
  const holder: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  const content = JSON.stringify(holder) + '\n';

  // Two rounds: the second follows the removal of a stale lock. More would mean someone keeps re-creating it.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      // Written whole to a temporary file and linked into place: a lock file is never seen half-written, so a
      // lock we cannot read is damage, not a rival caught between creating the file and filling it.
      await createFileExclusive(file, content);
      return { file, holder, release: () => releaseLock(file, content) };
    } catch (error) {
      if (errnoCode(error) !== 'EEXIST') throw ioError('create the lock file', file, error);
    }
    const existing = await readHolder(file);
    if (existing === 'gone') continue; // released between our attempt and our look: try again
    if (existing !== 'unreadable' && isAlive(existing)) {
      throw new DossierError('locked',
        `The dossier ${dossierDir} is already open for editing by process ${existing.pid} on ${existing.host} since ${existing.since}. ` +
        `Close it there, or open it read-only.` +
        (existing.host === hostname() ? '' : ` If that machine is no longer using it, delete ${file}.`));
    }
    await breakStaleLock(file);
  }
  throw new DossierError('locked', `The dossier ${dossierDir} is being opened by another process at the same moment; try again.`);
}

/** Who holds the lock, if anyone: for read-only openers that want to say "being edited by …". */
export async function lockHolder(parleyDir: string): Promise<LockHolder | null> {
  const existing = await readHolder(join(parleyDir, LOCK_FILE));
  return existing === 'gone' || existing === 'unreadable' ? null : existing;
}

async function readHolder(file: string): Promise<LockHolder | 'gone' | 'unreadable'> {
  const text = await readTextIfPresent(file, 'read the lock file');
  if (text === null) return 'gone';
  try {
    const data = JSON.parse(text) as Partial<LockHolder>;
    if (typeof data.pid === 'number' && typeof data.host === 'string' && typeof data.since === 'string') {
      return { pid: data.pid, host: data.host, since: data.since };
    }
  } catch {
    // fall through: not written by Parley (locks are created whole), so it names no live holder
  }
  return 'unreadable';
}

/**
 * A lock is alive unless we can tell its process is gone: only on this host, where signal 0 asks the kernel
 * whether the pid exists. (A pid reused by an unrelated process keeps a dead holder's lock alive; the message
 * names the pid so that the user can check and delete the lock.)
 */
function isAlive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true;
  if (holder.pid === process.pid) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return errnoCode(error) === 'EPERM'; // exists, owned by someone else
  }
}

/**
 * Remove a stale lock without ever removing a fresh one: two processes may both judge the same lock stale,
 * and the slower one must not delete the lock the faster one has just taken. So move it aside under a unique
 * name, check that what we moved is still stale, and if it is not, put it back (link fails rather than
 * overwrite, so a third taker is not clobbered either).
 */
async function breakStaleLock(file: string): Promise<void> {
  const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(file, aside);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return;
    throw ioError('remove the stale lock file', file, error);
  }
  const moved = await readHolder(aside);
  if (moved !== 'gone' && moved !== 'unreadable' && isAlive(moved)) {
    await link(aside, file).catch(() => undefined);
  }
  await unlink(aside).catch(() => undefined);
}

async function releaseLock(file: string, ours: string): Promise<void> {
  // Only remove the lock if it is still ours: after a forced break elsewhere it may belong to another process.
  try {
    if ((await readFile(file, 'utf8')) === ours) await unlink(file);
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw ioError('release the lock file', file, error);
  }
}
