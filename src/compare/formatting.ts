/**
 * Changes of formatting only: the same words set in italic or bold on one side and not (or otherwise) on the
 * other ("mutatis mutandis" → "*mutatis mutandis*", one of the Paris Agreement's editorial corrections).
 *
 * The word diff compares plain text, where such a change does not show. A clause whose words read the same but
 * whose formatting changed is an edit all the same (align.ts), and its redline marks the stretch as a cosmetic
 * change: the text deleted in its old style and inserted in its new one (`style` on both ops), so that a
 * reader sees what changed and one hiding cosmetic changes does not.
 *
 * A draft read from a source that carries no italic or bold (plain text; a Word document whose styled words
 * could not all be placed: Draft.unformatted) says nothing of formatting: against it, formatting is not
 * compared (stylesCompared).
 */
import type { Clause, Draft } from '../model/draft.js';
import { blocksText, BOLD, clauseText, ITALIC, styleRuns, type StyleRun } from '../model/text.js';
import type { TextStyleJson } from './contract.js';
import { isSpaceCode } from './tokenize.js';
import type { WordOp } from './words.js';

/** The name the JSON contract gives a style (bits of model/text.ts). */
export function styleName(style: number): TextStyleJson {
  return style === (ITALIC | BOLD) ? 'bold italic' : style === BOLD ? 'bold' : style === ITALIC ? 'italic' : 'plain';
}

const MARKED = { brackets: 'marked' } as const;

/**
 * The style runs of the text of clauses as the comparison reads it (brackets marked), several clauses' texts
 * joined by line breaks (a split or merge: compare.ts textOf).
 */
export function clausesStyleRuns(clauses: readonly Clause[]): StyleRun[] {
  if (clauses.length === 1) return styleRuns(clauses[0]!.body, MARKED);
  const out: StyleRun[] = [];
  const starts = clauseStarts(clauses);
  clauses.forEach((c, k) => {
    for (const run of styleRuns(c.body, MARKED)) out.push({ start: run.start + starts[k]!, end: run.end + starts[k]!, style: run.style });
  });
  return out;
}

/**
 * Where each clause's text (brackets marked) begins in the clauses' texts joined by line breaks, as a split's or
 * merge's text is (compare.ts textOf): 0 for the first.
 */
export function clauseStarts(clauses: readonly Clause[]): number[] {
  const out: number[] = [];
  let offset = 0;
  for (const c of clauses) {
    out.push(offset);
    offset += clauseText(c, MARKED).length + 1;
  }
  return out;
}

/**
 * Whether two clauses set the same stretches of text in the same styles, as markFormatting reads them: the
 * styled pieces, in order, read alike (by their text rather than their offsets, so that a cross-reference
 * renumbered before them does not count). Spaces do not count here either: a piece is trimmed of the spaces at
 * its ends, and two of one style with only spaces between them are one ("*a* *b*" is "*a b*"). Their texts are
 * read only when they have styled text.
 */
export function sameFormatting(oldClause: Pick<Clause, 'body'>, newClause: Pick<Clause, 'body'>): boolean {
  const a = styleRuns(oldClause.body, MARKED);
  const b = styleRuns(newClause.body, MARKED);
  if (a.length === 0 && b.length === 0) return true;
  const x = styledPieces(a, blocksText(oldClause.body, MARKED));
  const y = styledPieces(b, blocksText(newClause.body, MARKED));
  return x.length === y.length && x.every((p, k) => p.style === y[k]!.style && p.text === y[k]!.text);
}

/** The styled pieces of a text (see sameFormatting): runs trimmed of spaces, joined across spaces. */
function styledPieces(runs: readonly StyleRun[], text: string): { style: number; text: string }[] {
  const out: { style: number; start: number; end: number }[] = [];
  for (const run of runs) {
    let start = run.start, end = Math.min(run.end, text.length);
    while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
    while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
    if (start === end) continue;
    const last = out[out.length - 1];
    if (last && last.style === run.style && onlySpaces(text, last.end, start)) last.end = end;
    else out.push({ style: run.style, start, end });
  }
  return out.map((p) => ({ style: p.style, text: text.slice(p.start, p.end) }));
}

function onlySpaces(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpaceCode(text.charCodeAt(i))) return false;
  return true;
}

/** Whether formatting is compared between two drafts: neither comes from a source that carries none. */
export function stylesCompared(oldDraft: Draft, newDraft: Draft): boolean {
  return !oldDraft.unformatted && !newDraft.unformatted;
}

/** The style of each character of a text of `length` characters, from its runs. */
function stylesOf(runs: readonly StyleRun[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (const run of runs) out.fill(run.style, run.start, Math.min(run.end, length));
  return out;
}

/**
 * The redline `ops` (of oldText to newText) with each stretch of equal text whose style differs between the
 * two sides cut out as a cosmetic delete and insert of that text, each with its style. Spaces do not count
 * (a run that takes in the space after its word is the same formatting); a stretch ends where the pair of
 * styles changes. Returns `ops` itself when no formatting changed.
 */
export function markFormatting(ops: readonly WordOp[], oldText: string, oldRuns: readonly StyleRun[], newText: string, newRuns: readonly StyleRun[]): WordOp[] {
  if (oldRuns.length === 0 && newRuns.length === 0) return ops as WordOp[];
  const oldStyles = stylesOf(oldRuns, oldText.length);
  const newStyles = stylesOf(newRuns, newText.length);
  const out: WordOp[] = [];
  let changed = false;
  let o = 0, n = 0;
  for (const op of ops) {
    if (op.op !== 'equal') {
      out.push(op);
      if (op.op === 'delete') o += op.text.length; else n += op.text.length;
      continue;
    }
    const text = op.text;
    // Walk the equal text: `from` is where the text not yet written out begins; a stretch runs from `start`
    // to `end` (exclusive, its last styled-differently character) with one pair of styles.
    let from = 0, start = -1, end = -1, pair = -1;
    const flush = (): void => {
      if (start < 0) return;
      if (start > from) out.push({ op: 'equal', text: text.slice(from, start) });
      const piece = text.slice(start, end);
      out.push({ op: 'delete', text: piece, cosmetic: true, style: styleName(pair >> 2) });
      out.push({ op: 'insert', text: piece, cosmetic: true, style: styleName(pair & 3) });
      from = end;
      start = -1;
      changed = true;
    };
    for (let k = 0; k < text.length; k++) {
      if (isSpaceCode(text.charCodeAt(k))) continue;
      const a = oldStyles[o + k]!, b = newStyles[n + k]!;
      if (a === b) { flush(); continue; }
      const p = (a << 2) | b;
      if (start >= 0 && p !== pair) flush();
      if (start < 0) { start = k; pair = p; }
      end = k + 1;
    }
    flush();
    if (from === 0) out.push(op);
    else if (from < text.length) out.push({ op: 'equal', text: text.slice(from) });
    o += text.length;
    n += text.length;
  }
  return changed ? out : (ops as WordOp[]);
}
