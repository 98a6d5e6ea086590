/**
 * Durable file writes. A reader (or a machine that loses power) sees either the whole old file or the whole
 * new one, never a mix, never an empty file:
 *
 *   1. write the bytes to a temporary file in the SAME directory (rename is only atomic within one file system);
 *   2. fsync the temporary file, so its bytes are on disk before its name is;
 *   3. rename it over the target (replace) or hard-link it to the target name (create, failing if it exists);
 *   4. fsync the directory, so the rename itself survives a crash.
 *
 * write-file-atomic does 1–3 but not 4 and cannot create exclusively, hence these few lines over node:fs.
 */
import { randomBytes } from 'node:crypto';
import { link, open, readdir, realpath, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { errnoCode } from './errors.js';

/** Temporary files are hidden and end in this suffix, so that a crash leaves something recognisable. */
const TEMP_SUFFIX = '.parley-tmp';

function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`);
}

async function writeTemp(target: string, data: string | Uint8Array): Promise<string> {
  const temp = tempPathFor(target);
  const handle = await open(temp, 'wx', 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  return temp;
}

/** fsync a directory so that names created, renamed or removed in it are durable. */
export async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
  } catch (error) {
    // Some platforms (Windows) cannot open a directory; there rename durability is the file system's job.
    if (errnoCode(error) === 'EISDIR' || errnoCode(error) === 'EPERM') return;
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    if (errnoCode(error) !== 'EINVAL' && errnoCode(error) !== 'EPERM') throw error;
  } finally {
    await handle.close();
  }
}

/**
 * Replace (or create) `target` with `data` atomically and durably. Through a symbolic link, the file the link
 * names is replaced and the link kept: renaming over the link itself would leave that file unchanged and the
 * link gone (a working draft linked from a synced folder would silently stop being saved there).
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const target = await throughLinks(path);
  const temp = await writeTemp(target, data);
  try {
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dirname(target));
}

/** The file `path` names, symbolic links followed; `path` itself where it names nothing yet (or a dangling link). */
async function throughLinks(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return path;
  }
}

/**
 * Create `target` with `data`, complete or not at all, failing with EEXIST if the name is taken: a hard link
 * never replaces an existing file, so this cannot overwrite, even when two writers race.
 */
export async function createFileExclusive(target: string, data: string | Uint8Array): Promise<void> {
  const temp = await writeTemp(target, data);
  try {
    await link(temp, target);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
  await syncDirectory(dirname(target));
}

/**
 * Remove temporary files that a killed writer left in `dir`: those whose writer (the pid in the name) is no
 * longer running. A live process's temporary file may be a lock being taken, so it is left alone.
 */
export async function removeLeftoverTemps(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return [];
    throw error;
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = /\.(\d+)\.[0-9a-f]+\.parley-tmp$/.exec(name)?.[1];
    if (name.startsWith('.') && pid !== undefined && !processExists(Number(pid))) {
      await unlink(join(dir, name)).catch(() => undefined);
      removed.push(name);
    }
  }
  return removed;
}

function processExists(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoCode(error) === 'EPERM';
  }
}
