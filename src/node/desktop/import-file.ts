/** A draft file the user chose to import, read for the renderer (which, sandboxed, cannot read files). */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ImportedDraftFile } from '../serve/api-methods.js';

export async function readImportFile(path: string): Promise<ImportedDraftFile> {
  try {
    return { fileName: basename(path), text: await readFile(path, 'utf8') };
  } catch (error) {
    throw new Error(`Could not read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
