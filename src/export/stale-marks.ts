/**
 * Where a stale reference stands in a redline: an equal run of text cut into pieces, those that are one of the
 * change's stale references ("Paragraph 8", as a whole word: not the start of "Paragraph 80") marked, so that
 * the HTML redline and the app can highlight the words the note speaks of.
 */
import type { StaleReferenceJson } from '../compare/contract.js';

export interface TextPiece {
  text: string;
  /** The stale reference these words are, when they are one. */
  stale?: StaleReferenceJson;
}

export function staleMarks(text: string, stale: readonly StaleReferenceJson[] | undefined): TextPiece[] {
  if (!stale?.length) return [{ text }];
  const hits: { start: number; end: number; stale: StaleReferenceJson }[] = [];
  for (const s of stale) {
    for (let at = text.indexOf(s.text); at >= 0; at = text.indexOf(s.text, at + 1)) {
      const end = at + s.text.length;
      if (isWordChar(text.charCodeAt(at - 1)) || isWordChar(text.charCodeAt(end))) continue;
      hits.push({ start: at, end, stale: s });
    }
  }
  if (hits.length === 0) return [{ text }];
  hits.sort((a, b) => a.start - b.start);
  const pieces: TextPiece[] = [];
  let from = 0;
  for (const hit of hits) {
    if (hit.start < from) continue;
    if (hit.start > from) pieces.push({ text: text.slice(from, hit.start) });
    pieces.push({ text: text.slice(hit.start, hit.end), stale: hit.stale });
    from = hit.end;
  }
  if (from < text.length) pieces.push({ text: text.slice(from) });
  return pieces;
}

/** Letters and digits, ASCII or not (NaN, outside the text, is none). */
function isWordChar(c: number): boolean {
  if (Number.isNaN(c)) return false;
  return /[\p{L}\p{N}]/u.test(String.fromCharCode(c));
}
