/**
 * A draft file the user chose to import, read for the renderer: the desktop application's main process reads
 * the file the user picked (the sandboxed renderer cannot), and `parley serve` converts the bytes a browser
 * sends (a page cannot read a Word document's numbering itself without the converter).
 */
import { basename } from 'node:path';
import { commentsNote, readDraftSource, sourceFromBytes, trackedChangesNote, type DraftSource } from '../read-draft-file.js';
import type { ImportedDraftFile } from '../serve/api-methods.js';

/**
 * The file's text as the importers read it: a Word document converted, anything else checked as a text draft
 * (not binary, UTF-8, not implausibly large); what is wrong is said in a sentence naming the file.
 */
export async function readImportFile(path: string): Promise<ImportedDraftFile> {
  return importedFile(basename(path), await readDraftSource(path));
}

/** The same for a file's bytes, sent under the name `fileName`. */
export function importedFileFromBytes(fileName: string, bytes: Uint8Array): ImportedDraftFile {
  return importedFile(fileName, sourceFromBytes(bytes, fileName));
}

function importedFile(fileName: string, source: DraftSource): ImportedDraftFile {
  const notes = [trackedChangesNote(source.tracked, fileName), commentsNote(source.comments, fileName)].filter((n): n is string => n !== null).map((n) => `${fileName}: ${n}.`);
  return { fileName, text: source.text, format: source.format, ...(source.paragraphs ? { paragraphs: source.paragraphs } : {}),
    ...(source.styled?.length ? { styled: source.styled } : {}), ...(notes.length ? { notes } : {}) };
}
