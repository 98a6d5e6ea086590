/** A draft file the user chose to import, read for the renderer (which, sandboxed, cannot read files). */
import { basename } from 'node:path';
import { readDraftSource } from '../read-draft-file.js';
import type { ImportedDraftFile } from '../serve/api-methods.js';

/**
 * The file's text as the importers read it: a Word document converted, anything else checked as a text draft
 * (not binary, UTF-8, not implausibly large); what is wrong is said in a sentence naming the file.
 */
export async function readImportFile(path: string): Promise<ImportedDraftFile> {
  const source = await readDraftSource(path);
  return { fileName: basename(path), text: source.text, format: source.format, ...(source.paragraphs ? { paragraphs: source.paragraphs } : {}) };
}
