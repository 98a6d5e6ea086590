/**
 * Loose Markdown drafts (no front matter, no ids) → clauses.
 *
 * The source is cut at ATX heading lines first and each clause body is parsed on its own: remark is
 * super-linear on one huge document, and a 2,000-article draft must import in well under a second.
 *
 * - Heading depth gives nesting; the heading text gives label and title ("## [Article 3bis] *(REDD-plus)*").
 * - "## Article 9" directly followed by "### Valuation Committee" (a heading without a label, nothing between):
 *   the second heading is the TITLE of Article 9, not a sub-clause.
 * - A first heading without a label, before any content ("## Draft agreement and …"), is the draft's title.
 * - Recitals before the first heading (from the paragraph that opens like a preamble) are a "Preamble" clause,
 *   as the plain-text importer reads them; an article's heading typed as a paragraph of its own under a "#"
 *   division ("**Article 1.1: Tariffs**") opens a clause one level below it.
 * - Footnote definitions ("[^1]: …") go to a trailing "Footnotes" clause; a final signature paragraph
 *   ("DONE at Paris …", "IN WITNESS WHEREOF …") and what follows it to a trailing "Signatures" clause.
 */
import type { Block, Clause, Draft } from '../../model/draft.js';
import type { Diagnostic } from '../diagnostic.js';
import { ClauseOutline } from './clause-outline.js';
import { recogniseHeading, type RecognisedHeading } from './heading-recognition.js';
import { parseHeadingText } from '../heading.js';
import { markdownBlocks, markdownParagraph } from './mdast-blocks.js';
import { textParagraph } from './provision-blocks.js';
import { inlineText } from '../../model/text.js';
import { PREAMBLE_OPENING, SIGNATURE_OPENING } from './plain-text.js';
import { fenceAfter, findParagraphHeadings, typedClauseHeading } from './paragraph-headings.js';

const ATX = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const FOOTNOTE_DEFINITION = /^\[\^[^\]]+\]:/;
const KRAMDOWN_ATTRIBUTES = /^ {0,3}\{:[^}]*\}\s*$/;
const ATX_LINE = /^ {0,3}#{1,6}[ \t]+(\S.*)$/m;
/**
 * Whether the source has no "#" heading but, at most, its title: one heading, its first line, that names no
 * clause (a web page's <h1>). Fences aside: a heading in a code block is too rare to matter.
 */
function noHeadingsButTitle(source: string): boolean {
  const first = ATX_LINE.exec(source);
  if (!first) return true;
  const rest = source.slice(first.index + first[0].length);
  if (/^ {0,3}#{1,6}[ \t]+\S/m.test(rest) || source.slice(0, first.index).trim() !== '') return false;
  const kind = recogniseHeading(first[1]!)?.kind;
  return kind !== 'division' && kind !== 'clause' && kind !== 'preamble';
}
const RULE = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const CONVERTED_FOOTNOTE = /^(?:\\\[(\d{1,3})\\?\]|<a\s[^>]*href="#_ftnref\d+"[^>]*>\[(\d{1,3})\]<\/a>)\s*/;
const ATTRIBUTES = /\s*\{#([A-Za-z][\w.-]*)((?:\s+\.[\w-]+)*)\s*\}\s*$/;

interface Section {
  depth: number;
  text: string;
  line: number;
  body: string[];
}

export function importLooseMarkdown(source: string, file: string | undefined): { draft: Draft; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const front: string[] = [];
  const sections: Section[] = [];
  // Footnote texts; `markdown` for those of a converted document, whose emphasis is Markdown (a "[^1]:"
  // definition is kept as written).
  const footnotes: { text: string; markdown: boolean }[] = [];
  let inFence: string | null = null;
  let inFootnote = false;
  // Whether the last paragraph outside the footnotes' lines was a "[^1]:" definition (its indented paragraphs follow).
  let definitionOpen = false;
  // Footnotes of a converted Word document: after a rule, "\[1\] text" or "<a href="#_ftnref1">[1]</a> text"
  // (a link back to the marker).
  let afterRule = false;
  // A draft converted from Word has its headings in bold, not as "#" lines; one pasted, on lines of their own;
  // a web page may have one "#" line, its title, over such headings.
  const paragraphHeadings = noHeadingsButTitle(source) ? findParagraphHeadings(lines) : null;
  // With "#" headings, the depth of the last one: an article typed as a paragraph under it opens one deeper.
  let headingDepth = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    inFence = fenceAfter(inFence, line);
    const found = paragraphHeadings?.get(i);
    if (found) {
      inFootnote = false;
      sections.push({ depth: found.depth, text: found.text, line: i + 1, body: [] });
      // A Preamble heading takes no line: the paragraph it is put before opens the preamble.
      if (found.lines > 0) {
        i += found.lines - 1;
        continue;
      }
    }
    const heading = inFence === null ? ATX.exec(line) : null;
    if (heading) {
      inFootnote = false;
      afterRule = false;
      definitionOpen = false;
      headingDepth = heading[1]!.length;
      sections.push({ depth: headingDepth, text: heading[2]!, line: i + 1, body: [] });
      continue;
    }
    // An article's heading typed as a paragraph of its own under a "#" heading (not in a footnote or list).
    if (!paragraphHeadings && headingDepth > 0 && inFence === null && !inFootnote && !afterRule && !definitionOpen &&
        (i === 0 || lines[i - 1]!.trim() === '') && (i + 1 === lines.length || lines[i + 1]!.trim() === '') && !/^\s/.test(line)) {
      const typed = typedClauseHeading(line);
      if (typed) {
        sections.push({ depth: Math.min(6, headingDepth + 1), text: typed, line: i + 1, body: [] });
        continue;
      }
    }
    if (inFence === null && RULE.test(line) && (i === 0 || lines[i - 1]!.trim() === '')) {
      let next = i + 1;
      while (next < lines.length && lines[next]!.trim() === '') next++;
      if (next < lines.length && CONVERTED_FOOTNOTE.test(lines[next]!)) {
        afterRule = true;
        inFootnote = false;
        continue;
      }
    }
    if (afterRule && inFence === null) {
      // Everything after the footnotes' rule is footnotes (links to annexes after a second rule too), as
      // the plain-text importer reads it: each paragraph one.
      const converted = CONVERTED_FOOTNOTE.exec(line);
      if (line.trim() === '' || RULE.test(line)) inFootnote = false;
      else if (converted) footnotes.push({ text: `[${converted[1] ?? converted[2]}] ${line.slice(converted[0].length).trim()}`, markdown: true });
      else if (inFootnote) footnotes[footnotes.length - 1]!.text += '\n' + line.trim();
      else footnotes.push({ text: line.trim(), markdown: true });
      inFootnote = line.trim() !== '' && !RULE.test(line);
      continue;
    }
    if (inFence === null && FOOTNOTE_DEFINITION.test(line)) {
      footnotes.push({ text: line, markdown: false });
      inFootnote = true;
      definitionOpen = true;
      continue;
    }
    if (inFootnote && line.trim() !== '') {
      footnotes[footnotes.length - 1]!.text += ' ' + line.trim();
      continue;
    }
    // A paragraph indented by four spaces after a definition and a blank line goes on with that footnote, as
    // Markdown's footnotes have it.
    if (definitionOpen && line.trim() !== '' && /^(?: {4}|\t)/.test(line)) {
      footnotes[footnotes.length - 1]!.text += ' ' + line.trim();
      inFootnote = true;
      continue;
    }
    if (line.trim() !== '') definitionOpen = false;
    inFootnote = false;
    const body = sections.length ? sections[sections.length - 1]!.body : front;
    // A site generator's attribute line ("{:toc}", "{: .note}") shows nothing; "{:toc}" puts the page's table
    // of contents in place of the list item "* TOC" above it, which is no text of the draft either.
    if (inFence === null && KRAMDOWN_ATTRIBUTES.test(line)) {
      if (/^\{:\s*toc\s*\}/.test(line.trim()) && body.length && /^\s*(?:[-*+]|\d+[.)])\s+TOC\s*$/i.test(body[body.length - 1]!)) body.pop();
      continue;
    }
    body.push(line);
  }

  let title = '';
  const outline = new ClauseOutline(2);
  outline.add(markdownBlocks(front.join('\n')));
  for (let s = 0; s < sections.length; s++) {
    const section = sections[s]!;
    let text = section.text;
    let id = '';
    let topics: string[] = [];
    const attrs = ATTRIBUTES.exec(text);
    if (attrs) {
      id = attrs[1]!;
      topics = attrs[2]!.split(/\s+/).filter(Boolean).map((t) => t.slice(1));
      text = text.slice(0, attrs.index);
    }
    // Emphasis in headings ("Article 1 *(definitions)*") is typography, not part of label or title.
    text = text.replace(/[*_]+/g, '');
    const heading = numberedHeading(recogniseHeading(text, { allowNumber: true, allowPlain: true }));
    if (!heading) {
      // A heading with nothing to read in it ("# ", "# **", "# {#id}") makes no clause: its text stays with the
      // clause before it, and the reader is told.
      diagnostics.push({ file, line: section.line, column: 1, severity: 'warning', code: 'empty-heading', message: 'heading has no text: read as part of the text before it' });
      outline.add(markdownBlocks(section.body.join('\n')));
      continue;
    }
    const isBlank = section.body.every((l) => l.trim() === '');
    if (s === 0 && !title && heading.kind === 'plain' && outline.front.length === 0 && !outline.clauses.length) {
      title = heading.title;
      outline.add(markdownBlocks(section.body.join('\n')));
      continue;
    }
    let headingTitle = heading.title;
    const following = sections[s + 1];
    if (heading.label && !headingTitle && isBlank && following && following.depth > section.depth) {
      const sub = recogniseHeading(following.text, { allowPlain: true });
      if (sub && (sub.kind === 'plain' || sub.kind === 'caps')) {
        headingTitle = sub.title;
        section.body = following.body;
        s++;
      }
    }
    for (const marker of heading.droppedMarkers) {
      diagnostics.push({ file, line: section.line, column: 1, severity: 'warning', code: 'footnote-in-heading', message: `footnote marker ${marker} left out of the heading "${section.text}"` });
    }
    const clause = outline.open(heading.label, headingTitle, section.depth, section.depth);
    clause.id = id;
    clause.topics = topics;
    outline.add(markdownBlocks(section.body.join('\n')));
  }

  openPreamble(outline);
  moveSignatures(outline);
  if (footnotes.length) {
    outline.open('', 'Footnotes', 0, 2);
    // A converted footnote's "[1]" is text, not a link: its text is read as one paragraph.
    outline.add(footnotes.map((f) => (f.markdown ? markdownParagraph(f.text) : textParagraph(f.text))));
  }
  if (!title && outline.front.length) {
    const first = outline.front[0]!;
    if (first.type === 'paragraph') title = inlineText(first.children);
  }
  return { draft: { meta: { title, parties: {} }, front: outline.front, clauses: outline.clauses }, diagnostics };
}

/**
 * A "#" heading is a heading whatever its words: "## 2. Supply chains and trade routes" is clause 2, titled,
 * though its title is not in title case (which a numbered line of plain text needs to be told from a
 * numbered paragraph); and "## Annex I — Critical minerals" is Annex I, as a Parley draft writes it (heading.ts),
 * though a line of plain text reading "Annex I." may be the end of a sentence ("as set out in Schedule 2 to
 * Annex I."), which the plain-text reader must not take for a heading.
 */
function numberedHeading(heading: RecognisedHeading | null): RecognisedHeading | null {
  if (heading?.kind !== 'plain') return heading;
  const m = /^(\d{1,3}(?:\.\d{1,3})*)\.?\s+(\S.*)$/.exec(heading.title);
  if (m) return { ...heading, kind: 'number', label: m[1]!, title: m[2]! };
  const parts = parseHeadingText(heading.title);
  return parts.label ? { ...heading, kind: 'clause', label: parts.label, title: parts.title } : heading;
}

/**
 * Recitals before the first heading ("The Parties to this Agreement, … Recognizing …, Have agreed as follows:"),
 * as a Word document with its articles in Heading styles or a web page with `<h2>` articles has them, are the
 * preamble, as the plain-text importer reads them: a clause of its own, from the paragraph that opens like one,
 * before the first clause. Left in the front (the title block), which the comparison reads only as a whole
 * (compare.ts, frontRedline), a changed recital would be neither aligned nor read in law as a clause's text is.
 * A draft with a Preamble heading of its own, or with no heading, is left as it is.
 */
function openPreamble(outline: ClauseOutline): void {
  const first = outline.clauses[0];
  if (!first || (!first.label && first.title === 'Preamble')) return;
  const text = (b: Block) => (b.type === 'paragraph' ? inlineText(b.children).replace(/[*_]/g, '').trim() : '');
  // The word "Preamble" typed over them (a heading in all but style) is the clause's heading.
  const at = outline.front.findIndex((b) => PREAMBLE_OPENING.test(text(b)) || recogniseHeading(text(b))?.kind === 'preamble');
  if (at < 0) return;
  const recitals = outline.front.splice(at);
  if (recogniseHeading(text(recitals[0]!))?.kind === 'preamble') recitals.shift();
  outline.clauses.unshift({ id: '', level: first.level, label: '', title: 'Preamble', topics: [], body: recitals, children: [] });
}

/** A signature paragraph at the end of the last clause starts a trailing "Signatures" clause. */
function moveSignatures(outline: ClauseOutline): void {
  let last: Clause | undefined = outline.clauses[outline.clauses.length - 1];
  while (last && last.children.length) last = last.children[last.children.length - 1];
  // Already under a heading of that name (a Word document's own, a redline Parley wrote): nothing to move.
  if (!last || (!last.label && last.title === 'Signatures')) return;
  const at = last.body.findIndex((b: Block) => b.type === 'paragraph' && SIGNATURE_OPENING.test(inlineText(b.children)));
  if (at < 0) return;
  const moved = last.body.splice(at);
  outline.open('', 'Signatures', 0, 2);
  outline.add(moved);
}
