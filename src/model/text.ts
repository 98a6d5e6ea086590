/**
 * Plain text of model content: what the comparison engine, the outline and the checks read.
 */
import type { Block, Clause, Draft, Inline } from './draft.js';

export interface TextOptions {
  /**
   * How bracketed language reads in plain text. `plain` drops the bracket marks (the words as they would
   * read if agreed); `marked` keeps square brackets around them so that a change of bracketing is visible.
   */
  brackets?: 'plain' | 'marked';
}

export function inlineText(nodes: readonly Inline[], options: TextOptions = {}): string {
  // The usual paragraph is one text node: its value as it is, without building a new string.
  if (nodes.length === 1 && nodes[0]!.type === 'text') return nodes[0]!.value;
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
      case 'rawInline':
        out += node.value;
        break;
      case 'break':
        out += '\n';
        break;
      case 'emphasis':
      case 'strong':
        out += inlineText(node.children, options);
        break;
      case 'bracket':
        out += options.brackets === 'marked'
          ? '[' + inlineText(node.children, options) + ']'
          : inlineText(node.children, options);
        break;
    }
  }
  return out;
}

/** Text of blocks, one paragraph per line. Positions are commentary, not text of the instrument: skipped. */
export function blocksText(blocks: readonly Block[], options: TextOptions = {}): string {
  // Built by concatenation rather than an array and join: the comparison reads the text of every clause of
  // both drafts, and most bodies are one or two paragraphs. `any` says whether a part was written yet.
  let out = '';
  let any = false;
  for (const block of blocks) {
    let part: string;
    switch (block.type) {
      case 'paragraph':
        part = inlineText(block.children, options);
        break;
      case 'list':
        for (let i = 0; i < block.children.length; i++) {
          // The item's opening ("\n4. ") as one string, kept for small numbers: a comparison holds the text of
          // every unchanged clause until it ends, and each string fewer is one the garbage collector copies less.
          const opening = itemOpening(any, block.ordered ? (block.start ?? 1) + i : -1);
          const text = blocksText(block.children[i]!.children, options);
          out = any ? out + opening + text : opening === '' ? text : opening + text;
          any = true;
        }
        continue;
      case 'blockquote':
        part = blocksText(block.children, options);
        break;
      case 'rawBlock':
        part = block.value;
        break;
      default:
        // 'position': commentary, not text.
        continue;
    }
    out = any ? out + '\n' + part : part;
    any = true;
  }
  return out;
}

/**
 * Where blocksText(blocks, options) writes a line break inside a paragraph (a hard break, or one in its text)
 * rather than between two blocks: their offsets, ascending. A writer that sets each block as a paragraph of its
 * own (a Word document) sets these as line breaks. Kept beside blocksText, whose walk it follows.
 */
export function lineBreaksInParagraphs(blocks: readonly Block[], options: TextOptions = {}): number[] {
  const out: number[] = [];
  breaksIn(blocks, options, 0, out);
  return out;
}

/** lineBreaksInParagraphs' walk of blocksText: collects the breaks of `blocks` written from `start`; returns the length written. */
function breaksIn(blocks: readonly Block[], options: TextOptions, start: number, out: number[]): number {
  let length = 0;
  let any = false;
  for (const block of blocks) {
    const gap = any ? 1 : 0;
    switch (block.type) {
      case 'paragraph': {
        const text = inlineText(block.children, options);
        for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(start + length + gap + i);
        length += gap + text.length;
        break;
      }
      case 'list':
        for (let i = 0; i < block.children.length; i++) {
          const opening = itemOpening(any, block.ordered ? (block.start ?? 1) + i : -1);
          length += opening.length;
          length += breaksIn(block.children[i]!.children, options, start + length, out);
          any = true;
        }
        continue;
      case 'blockquote':
        length += gap;
        length += breaksIn(block.children, options, start + length, out);
        break;
      case 'rawBlock':
        length += gap + block.value.length;
        break;
      default:
        continue;
    }
    any = true;
  }
  return length;
}

/** Item openings by number, after a line break ([0]) and at the start ([1]); built on first use. */
const OPENINGS: [string[], string[]] = [[], []];
const KEPT_OPENINGS = 1000;

/** What opens a list item in blocksText: its line break unless first, then its number ("4. ") when ordered (n ≥ 0). */
function itemOpening(afterText: boolean, n: number): string {
  if (n < 0) return afterText ? '\n' : '';
  if (n >= KEPT_OPENINGS || !Number.isInteger(n)) return `${afterText ? '\n' : ''}${n}. `;
  const table = OPENINGS[afterText ? 0 : 1];
  return (table[n] ??= `${afterText ? '\n' : ''}${n}. `);
}

/** The clause's own text (its body, not its sub-clauses). */
export function clauseText(clause: Clause, options: TextOptions = {}): string {
  return blocksText(clause.body, options);
}

/**
 * The instrument's title, as the newer of two drafts gives it, else the older; '' where neither has one of its own
 * (a draft from outside whose text has no title is named after its file: `untitled`), so that a redline is not
 * headed by a file's name as if it were the instrument's.
 */
export function instrumentTitle(older: Pick<Draft, 'meta' | 'untitled'>, newer: Pick<Draft, 'meta' | 'untitled'>): string {
  if (!newer.untitled && newer.meta.title) return newer.meta.title;
  return older.untitled ? '' : older.meta.title;
}

/** The heading as a reader sees it: "Article 4 — No export restrictions". */
export function clauseHeading(clause: Pick<Clause, 'label' | 'title'>): string {
  if (clause.label && clause.title) return `${clause.label} — ${clause.title}`;
  return clause.label || clause.title;
}

/**
 * The "[" characters that blocksText(blocks, { brackets: 'marked' }) writes, in the order it writes them: the
 * party of a bracket's opening mark, null for a "[" of the text itself (a literal bracket, a rawBlock). What a
 * reader of the marked text needs to tell whose bracket an opening is; kept beside blocksText, whose walk it
 * follows (positions skipped, list items and quotes in order).
 */
export function bracketMarks(blocks: readonly Block[]): (string | null)[] {
  const out: (string | null)[] = [];
  const literal = (value: string) => {
    for (let i = value.indexOf('['); i >= 0; i = value.indexOf('[', i + 1)) out.push(null);
  };
  const inlines = (nodes: readonly Inline[]): void => {
    for (const node of nodes) {
      if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'rawInline') literal(node.value);
      else if (node.type === 'emphasis' || node.type === 'strong') inlines(node.children);
      else if (node.type === 'bracket') { out.push(node.by); inlines(node.children); }
    }
  };
  const walk = (list: readonly Block[]): void => {
    for (const block of list) {
      if (block.type === 'paragraph') inlines(block.children);
      else if (block.type === 'list') for (const item of block.children) walk(item.children);
      else if (block.type === 'blockquote') walk(block.children);
      else if (block.type === 'rawBlock') literal(block.value);
    }
  };
  walk(blocks);
  return out;
}

/** Bits of a StyleRun's style. */
export const ITALIC = 1;
export const BOLD = 2;

/** A stretch of text set in italic or bold (or both), by its offsets in the text blocksText gives. */
export interface StyleRun {
  start: number;
  end: number;
  /** ITALIC, BOLD or both. */
  style: number;
}

/**
 * Where blocksText(blocks, options) reads emphasis (italic) and strong (bold) text: the runs in order, adjacent
 * runs of one style joined.
 */
export function styleRuns(blocks: readonly Block[], options: TextOptions = {}): StyleRun[] {
  const runs: StyleRun[] = [];
  measure(blocks, options, runs);
  return runs;
}

/** The length of blocksText(blocks, options), without writing it. */
export function blocksTextLength(blocks: readonly Block[], options: TextOptions = {}): number {
  return measure(blocks, options, null);
}

/**
 * The length of blocksText(blocks, options), and into `runs` (unless null) its styled stretches. Kept beside
 * blocksText, whose walk it follows (positions skipped, list item openings, a line between blocks, brackets
 * marked or not), counting characters instead of writing them.
 */
function measure(blocks: readonly Block[], options: TextOptions, runs: StyleRun[] | null): number {
  let at = 0;
  const mark = (length: number, style: number): void => {
    if (style === 0 || length === 0 || !runs) return;
    const last = runs[runs.length - 1];
    if (last && last.end === at && last.style === style) last.end = at + length;
    else runs.push({ start: at, end: at + length, style });
  };
  const inlines = (nodes: readonly Inline[], style: number): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
        case 'inlineCode':
        case 'rawInline':
          mark(node.value.length, style);
          at += node.value.length;
          break;
        case 'break':
          at += 1;
          break;
        case 'emphasis':
          inlines(node.children, style | ITALIC);
          break;
        case 'strong':
          inlines(node.children, style | BOLD);
          break;
        case 'bracket':
          if (options.brackets === 'marked') at += 1;
          inlines(node.children, style);
          if (options.brackets === 'marked') at += 1;
          break;
      }
    }
  };
  const walk = (list: readonly Block[]): void => {
    // As blocksText: whether anything was written yet, for the line break before the next part.
    let any = false;
    for (const block of list) {
      switch (block.type) {
        case 'paragraph':
          if (any) at += 1;
          inlines(block.children, 0);
          break;
        case 'list':
          for (let i = 0; i < block.children.length; i++) {
            at += itemOpening(any, block.ordered ? (block.start ?? 1) + i : -1).length;
            walk(block.children[i]!.children);
            any = true;
          }
          continue;
        case 'blockquote':
          if (any) at += 1;
          walk(block.children);
          break;
        case 'rawBlock':
          if (any) at += 1;
          at += block.value.length;
          break;
        default:
          continue;
      }
      any = true;
    }
  };
  walk(blocks);
  return at;
}

/** How many line breaks a text holds: the number of its lines less one. */
export function countLineBreaks(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Whether two drafts hold the same clauses and text (their front matter aside): the working draft holds nothing
 * that a tabled version does not. `parley import` refuses to replace a working draft that holds more, and tabling
 * one that holds nothing new says so.
 */
export function sameContent(a: Draft, b: Draft): boolean {
  return JSON.stringify([a.front, a.clauses]) === JSON.stringify([b.front, b.clauses]);
}
