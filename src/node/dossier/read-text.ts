/**
 * Reading a dossier file that may not be there: the journal, the lock and working.md are all absent in the
 * normal course of things, and absence is an answer rather than an error.
 */
import { readFile } from 'node:fs/promises';
import { errnoCode, ioError } from './errors.js';

/** The file's text, or null when it does not exist; any other failure is an io DossierError naming `doing`. */
export async function readTextIfPresent(file: string, doing: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null;
    throw ioError(doing, file, error);
  }
}
