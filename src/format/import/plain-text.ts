/**
 * Plain-text drafts → clauses.
 *
 * Decisions (tested in tests/import-text.test.ts):
 * - The first line is the title (meta.title). What follows before the preamble or the first heading is the
 *   front (title block, date line).
 * - The preamble is a clause titled "Preamble": an explicit "Preamble" heading, or else the first paragraph that
 *   opens like one ("The Government of …", "The Parties to this Agreement,", "Whereas, …", "SEEKING to …").
 *   Each paragraph is one provision: the opening line naming the parties, each recital, and the closing
 *   "have reached the following understandings:" — all are text of the instrument and change between drafts.
 * - Headings with a keyword ("Article 2bis", "Section II") are recognised anywhere; capital titles
 *   ("AREAS OF COOPERATION") only once the preamble or a heading has begun, or when a "1." paragraph follows —
 *   title blocks are written in capitals too.
 * - A label-only heading takes the next line as its title when that line reads as one ("Section I" /
 *   "Critical Minerals and Rare Earths").
 * - The signature block ("IN WITNESS WHEREOF", "DONE at", "Signed at/in") and everything after it goes to a
 *   trailing clause titled "Signatures"; footnote texts after a rule ("-----" then "[1] …") to a trailing
 *   clause titled "Footnotes". Neither produces a clause per line, and neither inflates the last article.
 */
import type { Draft } from '../../model/draft.js';
import type { Diagnostic } from '../diagnostic.js';
import { ClauseOutline } from './clause-outline.js';
import { isTitleLine, recogniseHeading } from './heading-recognition.js';
import { readPageLayout } from './page-furniture.js';
import { splitPlainParagraphs, type PlainParagraph } from './plain-paragraphs.js';
import { provisionBlocks, textParagraph } from './provision-blocks.js';
import type { Clause } from '../../model/draft.js';

export const PREAMBLE_OPENING =
  /^\[?\s*(?:The\s+(?:Government|Governments|Parties|Participants|United States|Republic|Kingdom|States)\b|Whereas\b|WHEREAS\b|\p{Lu}{3,}(?:\s\p{Lu}{3,})?\s(?:to|the|that|their|its|of|as|with|in)\b)/u;
export const SIGNATURE_OPENING = /^(?:IN WITNESS WHEREOF|DONE\b|Done (?:at|in)\b|Signed\b|SIGNED\b)/;
const FOOTNOTE = /^\[\^?\d{1,3}\]/;
const FIRST_FOOTNOTE = /^\[\^?1\]\s/;
const NUMBERED = /^\d{1,3}[.)]\s/;

export function importPlainText(source: string, file: string | undefined): { draft: Draft; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  // The title is the first line (blanked out, not removed, so that diagnostics keep their line numbers).
  const lines = source.split(/\r\n?|\n/);
  // Page numbers and running heads of a text extracted from a PDF are blanked out (not removed, so that
  // diagnostics keep their line numbers), each as a page break: a paragraph may go on across it. The footnotes
  // at the foot of its pages go to the closing "Footnotes" clause, as "[2] …".
  const layout = readPageLayout(lines);
  for (const i of layout.furniture) lines[i] = '\f';
  for (const note of layout.footnotes) for (const i of note.lines) lines[i] = '\f';
  const titleAt = lines.findIndex((l) => l.trim() !== '');
  let title = '';
  const firstLine = lines[titleAt]?.trim() ?? '';
  if (titleAt >= 0 && !recogniseHeading(firstLine) && !PREAMBLE_OPENING.test(firstLine)) {
    title = firstLine.replace(/\s+/g, ' ');
    lines[titleAt] = '';
    // A long title hard-wrapped over several lines: a full-width line carries on into the next one.
    for (let i = titleAt + 1, previous = firstLine; i < lines.length; i++) {
      const next = lines[i]!.trim();
      if (previous.length < 60 || !next || recogniseHeading(next) || PREAMBLE_OPENING.test(next)) break;
      title += ' ' + next.replace(/\s+/g, ' ');
      lines[i] = '';
      previous = next;
    }
  }
  const paragraphs = splitPlainParagraphs(lines.join('\n'));
  const outline = new ClauseOutline(2);
  const texts = new Map<Clause | null, string[]>();
  const push = (text: string) => {
    const key = outline.current ?? null;
    const list = texts.get(key);
    if (list) list.push(text);
    else texts.set(key, [text]);
  };

  const index = 0;

  let started = false;
  let trailing: 'signatures' | 'footnotes' | null = null;
  for (let i = index; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    const next: PlainParagraph | undefined = paragraphs[i + 1];
    if (p.kind === 'rule') {
      if (next && FOOTNOTE.test(next.text) && trailing !== 'footnotes') {
        outline.open('', 'Footnotes', 0);
        trailing = 'footnotes';
      }
      continue;
    }
    if (trailing) {
      // Footnotes after the signature block with no rule before them (a Word document's, its rule a border
      // that is not text): the first, "[1] …", opens them.
      if (trailing === 'signatures' && FIRST_FOOTNOTE.test(p.text)) {
        outline.open('', 'Footnotes', 0);
        trailing = 'footnotes';
      }
      push(p.text);
      continue;
    }
    if (started && SIGNATURE_OPENING.test(p.text)) {
      outline.open('', 'Signatures', 0);
      trailing = 'signatures';
      push(p.text);
      continue;
    }
    const heading =
      p.kind === 'boxed' || p.kind === 'heading' || p.lineCount === 1
        ? recogniseHeading(p.text, {
            allowCaps: p.kind === 'boxed' || started || (next !== undefined && NUMBERED.test(next.text)),
            allowNumber: true,
          })
        : null;
    if (heading) {
      for (const marker of heading.droppedMarkers) {
        diagnostics.push({
          file, line: p.line, column: 1, severity: 'warning', code: 'footnote-in-heading',
          message: `footnote marker ${marker} left out of the heading "${p.text}"`,
        });
      }
      let headingTitle = heading.title;
      if (heading.label && !headingTitle && next && next.kind === 'text' && next.lineCount === 1 && isTitleLine(next.text) && !recogniseHeading(next.text)) {
        headingTitle = next.text;
        i++;
      }
      if (heading.kind === 'preamble') outline.open('', 'Preamble', 9, undefined, 0);
      else outline.open(heading.label, headingTitle, heading.rank);
      started = true;
      continue;
    }
    if (!started && PREAMBLE_OPENING.test(p.text)) {
      outline.open('', 'Preamble', 9, undefined, 0);
      started = true;
    }
    push(p.text);
  }

  if (layout.footnotes.length > 0) {
    if (trailing !== 'footnotes') outline.open('', 'Footnotes', 0);
    for (const note of layout.footnotes) push(`[${note.number}] ${note.text}`);
  }

  const finish = (clauses: Clause[]) => {
    for (const clause of clauses) {
      const body = texts.get(clause) ?? [];
      // Recitals, signatures and footnotes are plain paragraphs even when they open with a number.
      clause.body = clause.title === 'Preamble' && !clause.label || clause.title === 'Signatures' || clause.title === 'Footnotes'
        ? body.map(textParagraph)
        : provisionBlocks(body);
      finish(clause.children);
    }
  };
  finish(outline.clauses);
  outline.front.push(...(texts.get(null) ?? []).map(textParagraph));
  if (!outline.clauses.length) {
    diagnostics.push({ file, line: 1, column: 1, severity: 'warning', code: 'no-clauses', message: 'no clause headings recognised; the whole text is kept as front matter' });
  }
  return { draft: { meta: { title, parties: {} }, front: outline.front, clauses: outline.clauses, unformatted: true }, diagnostics };
}
