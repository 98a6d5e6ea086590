/**
 * Reading a draft file from disk with a plain sentence for everything that can be wrong with it: missing,
 * a folder, empty, binary, not UTF-8, implausibly large. Nothing here throws anything but UserError.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Diagnostic } from '../format/diagnostic.js';
import { hasParleyMarks, importDraft } from '../format/import-text.js';
import { isZipArchive, unpackWordDocument, WordDocumentError, wordDocumentText, type TrackedChanges, type UnpackedWordDocument, type WordComment, type WordReadOptions } from '../format/import/docx.js';
import { inDocumentTerms } from '../format/import/docx-diagnostics.js';
import { applyRunStyles } from '../format/import/word-run-styles.js';
import { htmlDocumentText, looksLikeHtml } from '../format/import/html.js';
import { parseDraft } from '../format/markdown.js';
import { COMMENT_AUTHOR } from '../export/comment-author.js';
import type { Draft } from '../model/draft.js';

/** A problem the user caused or can fix; its message is shown as is. `exitCode` 2: the input cannot be read. */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(message: string, readonly exitCode = 2) {
    super(message);
  }
}

/** A 2,000-article treaty is about 3.4 MB; anything past this is almost certainly not a draft. */
export const MAX_DRAFT_BYTES = 32 * 1024 * 1024;

export async function readDraftText(file: string): Promise<string> {
  return decodeDraftBytes(await readDraftBytes(file), file);
}

/** A draft file's bytes, with a sentence for a missing file, a folder or one too large to be a draft. */
async function readDraftBytes(file: string): Promise<Uint8Array> {
  let size: number;
  let regular: boolean;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new UserError(`${file} is a folder, not a draft file.`);
    size = info.size;
    regular = info.isFile();
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`${file} cannot be read: ${describeFsError(error)}.`);
  }
  // A pipe or a device (/dev/stdin, <(…)) has no size to check first: read it with the limit as it comes.
  if (!regular) {
    try {
      return await readLimited(createReadStream(file), file);
    } catch (error) {
      if (error instanceof UserError) throw error;
      throw new UserError(`${file} cannot be read: ${describeFsError(error)}.`);
    }
  }
  if (size > MAX_DRAFT_BYTES) {
    throw new UserError(`${file} is ${(size / 1024 / 1024).toFixed(1)} MB; Parley reads drafts of up to ${MAX_DRAFT_BYTES / 1024 / 1024} MB ` +
      '(a 2,000-article treaty is about 3.4 MB). Is this the right file?');
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new UserError(`${file} cannot be read: ${describeFsError(error)}.`);
  }
  return bytes;
}

/** The names of Word's own document formats (OOXML, ZIP archives): documents, macro-enabled ones, templates. */
const WORD_NAME = /\.(docx|docm|dotx|dotm)$/i;

/** Whether bytes open as a PDF file does ("%PDF-"). */
function isPdf(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d;
}

/** Bytes to text, refusing what is not a UTF-8 text file, with the line where the trouble is. */
export function decodeDraftBytes(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new UserError(`${file} is empty: there is no draft in it.`, 1);
  // A PDF may hold no zero byte, and would then be read as text: its markup.
  if (isPdf(bytes)) {
    throw new UserError(`${file} is a PDF document, which Parley does not read: extract its text first (\`pdftotext -layout FILE.pdf FILE.txt\`, ` +
      'from poppler-utils, keeps its line breaks and tables), or save the document as Word (.docx) from where it was written.');
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new UserError(`${file} is a binary file (it contains a zero byte at line ${lineAt(bytes, nul)}), not a text draft. ` +
      'Parley reads Markdown, plain-text, Word (.docx) and web-page (.html) drafts; save an older Word (.doc) or other document as .docx or as text first.');
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.startsWith('\uFEFF') ? text.slice(1) : text;
  } catch {
    const bad = firstInvalidUtf8(bytes);
    throw new UserError(`${file}:${lineAt(bytes, bad)}: this file is not valid UTF-8 (byte 0x${bytes[bad]!.toString(16).padStart(2, '0')} ` +
      `at offset ${bad}). Save it as UTF-8 and try again.`);
  }
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
  return line;
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) if (i + k >= bytes.length || (bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return bytes.length - 1;
}

function describeFsError(error: unknown): string {
  const code = typeof error === 'object' && error && 'code' in error ? String(error.code) : '';
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return error instanceof Error ? error.message : String(error);
}

/**
 * Read a draft in whatever form it comes: a Parley Markdown file (front matter with `parley:`) is parsed as
 * such; anything else is imported (plain text, loose Markdown, a Word document).
 */
export async function loadDraftFile(file: string): Promise<{ draft: Draft; diagnostics: Diagnostic[]; text: string; comments?: WordComment[] }> {
  return readDraft(sourceFromBytes(await readDraftBytes(file), file), file);
}

/**
 * A Word document's two drafts: as it stood before its tracked changes and with them accepted (`parley diff
 * --tracked`), each labelled so. Anything but a Word document is refused in a sentence.
 */
export async function loadTrackedChanges(file: string): Promise<{ before: Draft; after: Draft; diagnostics: Diagnostic[] }> {
  const bytes = await readDraftBytes(file);
  if (!isZipArchive(bytes)) throw new UserError(`--tracked reads the tracked changes of a Word document (.docx); ${file} is not one.`);
  // Unpacked and parsed once, read in both views.
  const document = asUserError(file, () => unpackWordDocument(bytes));
  const read = (changes: 'original' | 'accepted', label: string) => {
    const loaded = readDraft(wordSource(document, file, { changes }), file);
    return { ...loaded, draft: { ...loaded.draft, meta: { ...loaded.draft.meta, label } } };
  };
  const before = read('original', `${basename(file)} before its tracked changes`);
  const after = read('accepted', `${basename(file)} with its tracked changes`);
  // What is said of the document is said of it as it reads with its changes (its comments there among them).
  return { before: before.draft, after: after.draft, diagnostics: after.diagnostics };
}

/**
 * A draft file's text as the importers read it, and in which format: UTF-8 text as it is ('auto': the reader
 * decides), a Word document converted (the conversion says whether it made Markdown or plain text).
 */
export interface DraftSource {
  text: string;
  format: 'auto' | 'markdown' | 'text';
  /** What the text was converted from: a Word document (its italic and bold in `styled`) or a web page. */
  from?: 'word' | 'html';
  /** A web page's title (its first <h1>, else its <title>): the draft's. */
  title?: string;
  /** A converted Word document's: the document paragraph of each paragraph of `text` (wordDocumentText). */
  paragraphs?: number[];
  /** A converted Word document's paragraphs with italic or bold, style marks in them (applyRunStyles). */
  styled?: string[];
  /**
   * A Word document read with its tracked changes accepted without being asked how (the default): those
   * changes, which its reader is told of (trackedChangesNote).
   */
  tracked?: TrackedChanges;
  /** A Word document's comments, which the text leaves out: its reader is told of them (commentsNote). */
  comments?: WordComment[];
}

/** The code of the finding that a Word document's tracked changes were read as accepted (trackedChangesNote). */
export const TRACKED_CHANGES = 'tracked-changes';

/**
 * What a reader of a Word document with tracked changes, read as accepted, should be told: that it has them,
 * whose they are, and how to see them. Null when it has none.
 */
export function trackedChangesNote(tracked: TrackedChanges | undefined, file: string): string | null {
  if (!tracked || tracked.count === 0) return null;
  const by = tracked.authors.length ? ` by ${tracked.authors.join(', ')}` : '';
  return `${tracked.count} tracked ${tracked.count === 1 ? 'change' : 'changes'}${by} read as accepted, the first in paragraph ${tracked.firstParagraph} ` +
    `of the document; \`parley diff --tracked ${basename(file)}\` compares the document before and after them`;
}

/** The code of the finding that a Word document's comments were left out (commentsNote). */
export const WORD_COMMENTS = 'word-comments';

/**
 * The comments a reader of a Word document is told of: all but Parley's own notes on a redline it wrote (a moved
 * clause's, what changed in law), which a redline sent out and returned still carries: they say nothing of
 * anyone's position. `parley show` lists them all.
 */
function toldComments(all: readonly WordComment[] | undefined): WordComment[] {
  return all?.filter((c) => c.author !== COMMENT_AUTHOR) ?? [];
}

/**
 * What a reader of a Word document with comments should be told: Parley reads its text, not its comments (the
 * other side's remarks, often its positions), and they stay in the document. Null when it has none to tell of
 * (toldComments).
 */
export function commentsNote(all: readonly WordComment[] | undefined, file: string): string | null {
  const comments = toldComments(all);
  if (comments.length === 0) return null;
  const authors = [...new Set(comments.map((c) => c.author).filter(Boolean))];
  const by = authors.length ? ` by ${authors.join(', ')}` : '';
  return `${comments.length} ${comments.length === 1 ? 'comment' : 'comments'}${by} not read into the draft, the first on paragraph ${comments[0]!.paragraph} ` +
    `of the document; \`parley show ${basename(file)}\` lists them`;
}

export async function readDraftSource(file: string): Promise<DraftSource> {
  return sourceFromBytes(await readDraftBytes(file), file);
}

/**
 * A Word document (a ZIP archive, whatever its name) is converted, its tracked changes read as accepted;
 * anything else must be UTF-8 text. `file` names the file in what is said of it.
 */
export function sourceFromBytes(bytes: Uint8Array, file: string): DraftSource {
  if (isZipArchive(bytes)) return wordSource(bytes, file);
  // Named as a Word document but no ZIP archive: damaged, or another kind of file renamed. Read as text, it would
  // be compared as a draft of whatever characters it holds.
  if (WORD_NAME.test(file)) {
    throw new UserError(`${file} is named as a Word document but is not one: a ${extname(file).toLowerCase()} file is a ZIP archive, and this one is not. ` +
      'It may be damaged, or another kind of file renamed; open it where it was written and save it as a Word document (.docx) again.');
  }
  const text = decodeDraftBytes(bytes, file);
  // A web page (by its name, or by its first tag under any name): its text as Markdown (format/import/html.ts).
  if (/\.x?html?$/i.test(file) || looksLikeHtml(text)) {
    const page = htmlDocumentText(text);
    return { text: page.text, format: 'markdown', from: 'html', ...(page.title ? { title: page.title } : {}) };
  }
  return { text, format: 'auto' };
}

/** A Word document converted, its tracked changes read as `word` says. */
function wordSource(document: Uint8Array | UnpackedWordDocument, file: string, word: WordReadOptions = {}): DraftSource {
  const { text, format, paragraphs, tracked, comments, styled } = asUserError(file, () => wordDocumentText(document, word));
  // Asked for one view or the other (--tracked), the reader knows of the changes already; not of the comments.
  return { text, format, from: 'word', paragraphs, styled, comments, ...(word.changes === undefined ? { tracked } : {}) };
}

/** What reading a Word document finds wrong, said of the file. */
function asUserError<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof WordDocumentError) throw new UserError(`${file} cannot be read: ${error.message}`);
    throw error;
  }
}

/** What diagnostics call a draft read from standard input. */
export const STANDARD_INPUT = '<standard input>';

/**
 * A draft piped in (`parley diff - new.md`), read to its end with the same limit and checks as a file; without
 * a file name, a Parley draft is told by its front matter alone.
 */
export async function loadDraftFromStandardInput(input: AsyncIterable<Uint8Array> = process.stdin): Promise<{ draft: Draft; diagnostics: Diagnostic[]; text: string; comments?: WordComment[] }> {
  return readDraft(sourceFromBytes(await readLimited(input, STANDARD_INPUT), STANDARD_INPUT), STANDARD_INPUT);
}

/** A stream read to its end, refused once it passes the size a draft can have (it may never end). */
async function readLimited(input: AsyncIterable<Uint8Array>, name: string): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of input) {
    size += chunk.length;
    if (size > MAX_DRAFT_BYTES) {
      throw new UserError(`${name} holds over ${MAX_DRAFT_BYTES / 1024 / 1024} MB; Parley reads drafts of up to that size ` +
        '(a 2,000-article treaty is about 3.4 MB). Is this the right input?');
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Give an imported draft the title its source names beside its text (a page's <h1>, front matter's `title:`). */
function titleDraft(draft: Draft, title: string): void {
  draft.meta.title = title;
  delete draft.untitled;
}

function readDraft(source: DraftSource, file: string): { draft: Draft; diagnostics: Diagnostic[]; text: string; comments?: WordComment[] } {
  const text = source.text;
  if (source.from === 'html') {
    // A web page: its text has no lines of the page's, so what the importer says is said of the page.
    const imported = importDraft(text, { file, format: 'markdown' });
    if (source.title) titleDraft(imported.draft, source.title);
    const diagnostics = imported.diagnostics.map((d): Diagnostic => d.code === 'empty-draft'
      ? { ...d, message: 'the web page has no text Parley reads (its head, scripts, styles and navigation are left out)' }
      : { ...d, line: 1, column: 1, message: `${d.message} (in the page's text)` });
    return { draft: imported.draft, diagnostics, text };
  }
  if (source.format !== 'auto') {
    // A converted Word document: imported in the format the conversion made; what the importer says of a line
    // of the converted text is said of the document's paragraph (a .docx has no lines to go to).
    const imported = importDraft(text, { file, format: source.format });
    const diagnostics = inDocumentTerms(imported.diagnostics, text, source.paragraphs ?? []);
    const note = trackedChangesNote(source.tracked, file);
    if (note) diagnostics.push({ file, line: source.tracked!.firstParagraph, column: 1, severity: 'warning', code: TRACKED_CHANGES, message: note });
    // Said on the paragraph of the first comment told of, which the message names too.
    const comments = commentsNote(source.comments, file);
    if (comments) diagnostics.push({ file, line: toldComments(source.comments)[0]!.paragraph, column: 1, severity: 'warning', code: WORD_COMMENTS, message: comments });
    // Its runs' italic and bold, given back to the paragraphs they were read from; where some found no
    // paragraph, the draft's formatting is not whole, and is not compared.
    // (The plain-text importer marks its drafts unformatted: this one's formatting was read.)
    const { unplaced } = applyRunStyles(imported.draft, source.styled ?? []);
    const { unformatted: _plain, ...draft } = imported.draft;
    return { draft: unplaced > 0 ? { ...draft, unformatted: true } : draft, diagnostics, text, ...(source.comments?.length ? { comments: source.comments } : {}) };
  }
  const isParley = /^---\r?\n(?:.*\r?\n)*?parley:/.test(text.slice(0, 4096));
  if (isParley || (extname(file).toLowerCase() === '.md' && text.startsWith('---'))) {
    const parsed = parseDraft(text, { file });
    // Front matter without "parley:" over a text with no id and no mark of Parley's is a web page's or a site
    // generator's: imported, as a draft from outside (its front matter's title kept). Front matter with an
    // error (not YAML, a title that is not text) is reported as Parley's; a site's date with a time is no error.
    if (!isParley && !hasParleyMarks(text) && !parsed.diagnostics.some((d) => d.severity === 'error' && d.code.startsWith('front-matter'))) {
      const imported = importDraft(text, { file, format: 'markdown' });
      // Titled by its front matter, as the Parley reading read it.
      if (parsed.draft.meta.title) titleDraft(imported.draft, parsed.draft.meta.title);
      // Unless the import finds no clause either: then the Parley reading says so (no-clauses).
      if (imported.draft.clauses.length > 0) return { ...imported, text };
    }
    return { ...parsed, text };
  }
  return { ...importDraft(text, { file }), text };
}
