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
import { splitFrontMatter } from './front-matter-split.js';
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
  let text = source.replace(/^\uFEFF/, '');
  // Front matter of another tool's (a web page's "title:", "source_url:") is no text of the draft: its lines
  // are left blank (not removed, so that what is said of a line points at it). Its title is read where the
  // YAML reader is at hand (node/read-draft-file.ts): the renderer's importer does without that library.
  const split = format === 'markdown' ? splitFrontMatter(text) : null;
  if (split && split.yaml !== null) text = '\n'.repeat(split.bodyLine - 1) + split.body;
  if (!text.trim()) {
    return {
      draft: { meta: { title: titleFromFile(file), parties: {} }, front: [], clauses: [], untitled: true },
      diagnostics: [{ file, line: 1, column: 1, severity: 'error', code: 'empty-draft', message: 'the draft is empty: there is no text to import' }],
    };
  }
  const result = format === 'markdown' ? importLooseMarkdown(text, file) : importPlainText(text, file);
  if (!result.draft.meta.title) {
    result.draft.meta.title = titleFromFile(file);
    result.draft.untitled = true;
  }
  assignGeneratedIds(result.draft.clauses);
  return result;
}

function titleFromFile(file: string | undefined): string {
  const base = file ? file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '') : '';
  return base || 'Untitled draft';
}

/**
 * Whether Markdown text carries what only a Parley draft has: an id on a heading ("## Article 4 {#no-export-bans}")
 * or a Parley mark (":bracket[…]", ":::position"). A file with front matter but no "parley:" key and none of
 * these comes from elsewhere (a web page, a site generator) and is imported, not read as the Parley format.
 */
export function hasParleyMarks(source: string): boolean {
  return /^ {0,3}#{1,6}[ \t].*\{#[A-Za-z][\w.-]*[^}]*\}[ \t]*$/m.test(source) || /:bracket\[|^ {0,3}:{3,}[ \t]*position\b/m.test(source);
}
