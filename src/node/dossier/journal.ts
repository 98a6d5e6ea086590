/**
 * The autosave journal: `.parley/autosave.json`, the editor's latest unsaved text, written often and cheaply
 * so that a crash loses seconds, not an afternoon. It records which working.md it was based on (its hash), so
 * that on reopening we can tell "newer work on top of working.md" from "left over after working.md moved on".
 */
import { rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import { errnoCode, ioError } from './errors.js';
import { readTextIfPresent } from './read-text.js';

export const JOURNAL_FILE = 'autosave.json';

export interface JournalEntry {
  /** ISO timestamp of the autosave. */
  savedAt: string;
  /** sha256 of working.md as it was on disk when this text was autosaved on top of it. */
  baseSha256: string;
  text: string;
}

export function journalPath(parleyDir: string): string {
  return join(parleyDir, JOURNAL_FILE);
}

export async function writeJournal(parleyDir: string, entry: JournalEntry): Promise<void> {
  const file = journalPath(parleyDir);
  try {
    await writeFileAtomic(file, JSON.stringify(entry));
  } catch (error) {
    throw ioError('write the autosave journal', file, error);
  }
}

/** The journal, or null if there is none or it cannot be understood (then it is left in place). */
export async function readJournal(parleyDir: string): Promise<JournalEntry | null> {
  const file = journalPath(parleyDir);
  const text = await readTextIfPresent(file, 'read the autosave journal');
  if (text === null) return null;
  try {
    const data = JSON.parse(text) as Partial<JournalEntry>;
    if (typeof data.savedAt === 'string' && typeof data.baseSha256 === 'string' && typeof data.text === 'string') {
      return { savedAt: data.savedAt, baseSha256: data.baseSha256, text: data.text };
    }
  } catch {
    // Written atomically, so this is not a torn write but a foreign or damaged file: ignore it, keep it.
  }
  return null;
}

export async function clearJournal(parleyDir: string): Promise<void> {
  const file = journalPath(parleyDir);
  try {
    await unlink(file);
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw ioError('clear the autosave journal', file, error);
  }
}

/** Keep a journal we will not recover from under another name rather than delete someone's words. */
export async function setJournalAside(parleyDir: string, savedAt: string): Promise<string> {
  const target = join(parleyDir, `autosave-${savedAt.replace(/[:.]/g, '-')}.json`);
  try {
    await rename(journalPath(parleyDir), target);
  } catch (error) {
    throw ioError('set aside the autosave journal', journalPath(parleyDir), error);
  }
  return target;
}
