/**
 * Italic and bold of a Word document, given back to the draft the importers made of its text.
 *
 *   applyRunStyles(draft, styled)  →  { placed, unplaced }   (the draft's paragraphs restyled in place)
 *
 * The Word reader (docx.ts) hands the importers plain text: they recognise headings, numbered paragraphs and
 * points in plain lines, as they do in a text file. It marks where a paragraph's runs change style with
 * private-use characters (styleMark), and gives the paragraphs that have any (`styled`) besides the text. Here
 * each paragraph of the imported draft whose text reads as one of them (spacing aside, and without the number
 * that made it a list item) takes its style back: runs of italic and bold become emphasis and strong.
 *
 * Why not write `*…*` into the converted text: the plain-text importer reads a `*` as a `*` (a footnote mark in
 * a UN draft), and the text it recognises headings in would hold the marks. A paragraph found nowhere keeps
 * its words, unstyled, and is counted in `unplaced`, so that the caller can say formatting was not read whole.
 *
 * This module is pure, and has no dependency: the application's renderer applies it to a Word document that
 * its main process (or `parley serve`) converted.
 */
import type { Block, Draft, Inline, Paragraph } from '../../model/draft.js';

export const STYLE_ITALIC = 1;
export const STYLE_BOLD = 2;

const STYLE_MARK = 0xe010;
/** Any style mark (a global expression: use with replace and search only). */
export const STYLE_MARKS = /[\uE010-\uE013]/g;

/** The mark that the text after it is in `style` (STYLE_ITALIC | STYLE_BOLD, or 0 for plain). */
export function styleMark(style: number): string {
  return String.fromCharCode(STYLE_MARK + style);
}

/** A paragraph's text without its marks, the style of each of its characters, and which styled paragraph it is. */
interface StyledText {
  text: string;
  styles: Uint8Array;
  paragraph: number;
}

/** The number a list item was made from ("1. ", "2) "), as the importers take it off (provision-blocks.ts). */
const ITEM_NUMBER = /^\d{1,9}[.)]\s+(?=\S)/;

/** Whether a UTF-16 code is white space as `\s` reads it (by code: this runs over every character of a draft). */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x1680 || c === 0x2028 ||
    c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A marked line read into text and styles, its spacing made single (as the importers make it). */
function readMarked(line: string, paragraph: number): StyledText {
  const plain = line.replace(STYLE_MARKS, '');
  const styles = new Uint8Array(plain.length);
  let style = 0;
  for (let i = 0, k = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code >= STYLE_MARK && code <= STYLE_MARK + 3) style = code - STYLE_MARK;
    else styles[k++] = style;
  }
  const spaced = singleSpaced(plain);
  if (spaced.at === null) return { text: plain, styles, paragraph };
  return { text: spaced.text, styles: Uint8Array.from(spaced.at, (at) => (at >= 0 ? styles[at]! : 0)), paragraph };
}

/**
 * A text's spacing made single, and for each character kept its place in the text (-1: a space put in); null
 * when the text has nothing to make single (most paragraphs), its places being its own.
 */
function singleSpaced(text: string): { text: string; at: Int32Array | null } {
  let single = true;
  for (let i = 0; i < text.length && single; i++) {
    if (isSpace(text.charCodeAt(i)) && (text.charCodeAt(i) !== 32 || i === 0 || i === text.length - 1 || isSpace(text.charCodeAt(i + 1)))) single = false;
  }
  if (single) return { text, at: null };
  let out = '';
  const at: number[] = [];
  let space = false;
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text.charCodeAt(i))) {
      space = out !== '';
      continue;
    }
    if (space) {
      out += ' ';
      at.push(-1);
      space = false;
    }
    out += text[i]!;
    at.push(i);
  }
  return { text: out, at: Int32Array.from(at) };
}

/**
 * The styled paragraphs by their text, and by their text without an item number, each list in document order
 * (the same text may come twice, styled otherwise).
 */
function indexStyled(entries: readonly StyledText[]): Map<string, StyledText[]> {
  const byText = new Map<string, StyledText[]>();
  const add = (key: string, entry: StyledText) => {
    const list = byText.get(key);
    if (list) list.push(entry); else byText.set(key, [entry]);
  };
  for (const entry of entries) {
    if (!entry.text) continue;
    add(entry.text, entry);
    const number = ITEM_NUMBER.exec(entry.text);
    if (number) add(entry.text.slice(number[0].length), { text: entry.text.slice(number[0].length), styles: entry.styles.slice(number[0].length), paragraph: entry.paragraph });
  }
  return byText;
}

/** The inline nodes of `text` with each character in its style; spaces at either end of a styled run stay plain. */
function styledInlines(text: string, styleAt: (i: number) => number): Inline[] {
  const styles = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) styles[i] = styleAt(i);
  // A run that is spaces or punctuation only is no formatting a reader sees (and `*.*` after a word would not
  // read back as emphasis): it stays plain, as do the spaces at a run's ends.
  let i = 0;
  while (i < text.length) {
    let j = i;
    while (j < text.length && styles[j] === styles[i]) j++;
    if (styles[i] !== 0) {
      if (!/[\p{L}\p{N}]/u.test(text.slice(i, j))) styles.fill(0, i, j);
      else {
        for (let k = i; k < j && isSpace(text.charCodeAt(k)); k++) styles[k] = 0;
        for (let k = j - 1; k >= i && isSpace(text.charCodeAt(k)); k--) styles[k] = 0;
      }
    }
    i = j;
  }
  const out: Inline[] = [];
  for (let start = 0; start < text.length;) {
    let end = start;
    while (end < text.length && styles[end] === styles[start]) end++;
    const value = text.slice(start, end);
    const style = styles[start]!;
    let node: Inline = { type: 'text', value };
    if (style & STYLE_ITALIC) node = { type: 'emphasis', children: [node] };
    if (style & STYLE_BOLD) node = { type: 'strong', children: [node] };
    out.push(node);
    start = end;
  }
  return out;
}

/**
 * Whether some letters or digits of a text are in a style and some are not: styled words, which a paragraph not
 * found loses. A text wholly in bold is a heading typed so, which becomes a clause's heading (plain text in any
 * draft); one wholly plain (the twin of a styled paragraph) or with no letter (a styled dash) loses nothing.
 */
function partlyStyled(entry: StyledText): boolean {
  let styled = false, plain = false;
  for (let i = 0; i < entry.text.length; i++) {
    if (!/[\p{L}\p{N}]/u.test(entry.text[i]!)) continue;
    if (entry.styles[i] === 0) plain = true; else styled = true;
    if (styled && plain) return true;
  }
  return false;
}

/**
 * Give the paragraphs of `draft` (its front and every clause's body, lists included) the italic and bold of
 * the `styled` paragraphs they were imported from (wordDocumentText's `styled`). Only paragraphs of plain
 * text are restyled. `unplaced`: styled paragraphs that no paragraph of the draft took, but for those wholly
 * in bold or italic (partlyStyled: a heading typed as a paragraph in bold, "ARTICLE 5", becomes a clause's
 * heading, whose title is plain text in every draft). `styled` may hold unstyled paragraphs too, the twins of
 * styled ones, so that the same text twice is matched in order: a paragraph that takes one is left plain.
 */
export function applyRunStyles(draft: Draft, styled: readonly string[]): { placed: number; unplaced: number } {
  if (styled.length === 0) return { placed: 0, unplaced: 0 };
  const entries = styled.map(readMarked);
  const byText = indexStyled(entries);
  // The styled paragraphs already given back (each is indexed twice when it has an item number).
  const taken = new Set<number>();
  const restyle = (paragraph: Paragraph): void => {
    if (paragraph.children.length === 0 || !paragraph.children.every((c) => c.type === 'text')) return;
    const value = paragraph.children.map((c) => (c as { value: string }).value).join('');
    const spaced = singleSpaced(value);
    const list = byText.get(spaced.text);
    const entry = list?.find((e) => !taken.has(e.paragraph));
    if (!entry) return;
    taken.add(entry.paragraph);
    // Each character of the paragraph takes the style of its single-spaced counterpart; a space dropped in
    // spacing takes the style of the character before it.
    const styleOf = new Uint8Array(value.length);
    if (spaced.at === null) styleOf.set(entry.styles);
    else for (let k = 0; k < spaced.at.length; k++) if (spaced.at[k]! >= 0) styleOf[spaced.at[k]!] = entry.styles[k]!;
    for (let i = 1; i < value.length; i++) if (isSpace(value.charCodeAt(i))) styleOf[i] = styleOf[i - 1]!;
    paragraph.children = styledInlines(value, (i) => styleOf[i]!);
  };
  const visit = (blocks: readonly Block[]): void => {
    for (const block of blocks) {
      if (block.type === 'paragraph') restyle(block);
      else if (block.type === 'list') for (const item of block.children) visit(item.children);
      else if (block.type === 'position' || block.type === 'blockquote') visit(block.children);
    }
  };
  visit(draft.front);
  const visitClauses = (clauses: Draft['clauses']): void => {
    for (const clause of clauses) {
      visit(clause.body);
      visitClauses(clause.children);
    }
  };
  visitClauses(draft.clauses);
  let unplaced = 0;
  for (const entry of entries) if (!taken.has(entry.paragraph) && partlyStyled(entry)) unplaced++;
  return { placed: taken.size, unplaced };
}
