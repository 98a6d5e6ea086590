/**
 * A draft file brought in to replace the working draft (Import Draft): its text as the importers read it, a
 * Word document already converted, and its format. The desktop application's main process reads the file and
 * sends it with the 'import-draft' menu command; in a browser, `parley serve` converts the bytes the page sends
 * (WebImport). The shape is ImportedDraftFile of src/node/serve/api-methods.ts, which the renderer may not import.
 */
import type { InheritedDraft } from '../src/api.js';
import type { Draft } from '../src/model/draft.js';
import { fewNamed } from '../src/notices.js';

export interface ImportedFile {
  fileName: string;
  text: string;
  format?: 'auto' | 'markdown' | 'text';
  /** A converted Word document's: the document paragraph of each paragraph of `text`. */
  paragraphs?: number[];
  /** A converted Word document's paragraphs with italic or bold, marked (applyRunStyles). */
  styled?: string[];
  /** Sentences to show with the import (a Word document's tracked changes, read as accepted). */
  notes?: string[];
}

/** What a page served by `parley serve` has that the desktop application does in its main process. */
export interface WebImport {
  /** Read a file the user picked (its name and bytes) as Import Draft reads a file; rejects with an ApiError. */
  importFile(name: string, bytes: ArrayBuffer): Promise<ImportedFile>;
}

/** Draft files the file picker offers (any file may still be chosen; what is not a draft is refused in a sentence). */
export const IMPORT_ACCEPT = '.md,.markdown,.txt,.text,.docx,.html,.htm';

/**
 * The largest draft file Parley reads (MAX_DRAFT_BYTES of src/node/read-draft-file.ts, which the renderer may
 * not import): a larger file is refused before it is sent.
 */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;

/** What became of the clause ids of an import (DossierApi.inheritIds), in a sentence or two. */
export function importedIds(inherited: InheritedDraft): string {
  let clauses = 0;
  const count = (list: Draft['clauses']) => { for (const c of list) { clauses++; count(c.children); } };
  count(inherited.draft.clauses);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (inherited.fromVersion === null) return `${plural(clauses, 'clause')} (nothing is tabled yet, so the ids are new).`;
  const fresh = inherited.fresh.length ? `, ${inherited.fresh.length} new (${fewNamed(inherited.fresh)})` : ', none new';
  const dropped = inherited.dropped.length ? ` Not in it, of v${inherited.fromVersion}: ${fewNamed(inherited.dropped)}.` : '';
  const restored = inherited.restored.length ? ` Put back from earlier versions: ${fewNamed(inherited.restored.map((c) => `${c.id} (v${c.version})`))}.` : '';
  return `${plural(clauses, 'clause')}, ${inherited.kept} matched to clauses of v${inherited.fromVersion}${fresh}.${restored}${dropped}`;
}
