/**
 * Importing real drafts that arrive as plain text or loose Markdown, without ids or front matter, into the
 * clause model. See src/format/import/plain-text.ts and loose-markdown.ts for what is recognised and the
 * decisions about preambles, signature blocks and footnotes.
 *
 *   importDraft(source, { file, format })  →  { draft, diagnostics }
 *
 * Clause ids are generated from labels and titles (src/format/ids.ts); alignment with a previous version may
 * later replace them with inherited ids. Bad input never throws: what cannot be read is reported.
 */
import type { Draft } from '../model/draft.js';
import type { Diagnostic } from './diagnostic.js';
import { assignGeneratedIds } from './ids.js';
import { importLooseMarkdown } from './import/loose-markdown.js';
import { importPlainText } from './import/plain-text.js';

export type { Diagnostic } from './diagnostic.js';

export interface ImportOptions {
  /** File name, used in diagnostics, to pick the format and as a last-resort title. */
  file?: string;
  /** 'auto' (default): by the file extension, else Markdown when the text has ATX headings. */
  format?: 'text' | 'markdown' | 'auto';
}

export function detectFormat(source: string, file?: string): 'text' | 'markdown' {
  if (file && /\.(md|markdown)$/i.test(file)) return 'markdown';
  if (file && /\.txt$/i.test(file)) return 'text';
  return /^ {0,3}#{1,6}[ \t]+\S/m.test(source) ? 'markdown' : 'text';
}

export function importDraft(source: string, options: ImportOptions = {}): { draft: Draft; diagnostics: Diagnostic[] } {
  const file = options.file;
  const format = !options.format || options.format === 'auto' ? detectFormat(source, file) : options.format;
  const text = source.replace(/^\uFEFF/, '');
  if (!text.trim()) {
    return {
      draft: { meta: { title: titleFromFile(file), parties: {} }, front: [], clauses: [] },
      diagnostics: [{ file, line: 1, column: 1, severity: 'error', code: 'empty-draft', message: 'the draft is empty: there is no text to import' }],
    };
  }
  const result = format === 'markdown' ? importLooseMarkdown(text, file) : importPlainText(text, file);
  if (!result.draft.meta.title) result.draft.meta.title = titleFromFile(file);
  assignGeneratedIds(result.draft.clauses);
  return result;
}

function titleFromFile(file: string | undefined): string {
  const base = file ? file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '') : '';
  return base || 'Untitled draft';
}
