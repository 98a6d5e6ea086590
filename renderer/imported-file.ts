/**
 * A draft file brought in to replace the working draft (Import Draft): its text as the importers read it, a
 * Word document already converted, and its format. The desktop application's main process reads the file and
 * sends it with the 'import-draft' menu command; in a browser, `parley serve` converts the bytes the page sends
 * (WebImport). The shape is ImportedDraftFile of src/node/serve/api-methods.ts, which the renderer may not import.
 */
export interface ImportedFile {
  fileName: string;
  text: string;
  format?: 'auto' | 'markdown' | 'text';
  /** A converted Word document's: the document paragraph of each paragraph of `text`. */
  paragraphs?: number[];
  /** Sentences to show with the import (a Word document's tracked changes, read as accepted). */
  notes?: string[];
}

/** What a page served by `parley serve` has that the desktop application does in its main process. */
export interface WebImport {
  /** Read a file the user picked (its name and bytes) as Import Draft reads a file; rejects with an ApiError. */
  importFile(name: string, bytes: ArrayBuffer): Promise<ImportedFile>;
}

/** Draft files the file picker offers (any file may still be chosen; what is not a draft is refused in a sentence). */
export const IMPORT_ACCEPT = '.md,.markdown,.txt,.text,.docx';

/**
 * The largest draft file Parley reads (MAX_DRAFT_BYTES of src/node/read-draft-file.ts, which the renderer may
 * not import): a larger file is refused before it is sent.
 */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;
