/**
 * Where a stale reference stands in a redline: a run of kept text cut into pieces, those that are one of the
 * change's stale references marked, so that the HTML redline and the app can highlight the words the note
 * speaks of. The places come from the comparison (StaleReferenceJson.places, offsets in the clause's new text),
 * not from searching the words: the same words may also stand where they are not stale ("Article 8" renumbered
 * correctly from "Article 7", "Article 8 of the Convention").
 */
import type { StaleReferenceJson } from '../compare/contract.js';

export interface TextPiece {
  text: string;
  /** The stale reference these words are, when they are one. */
  stale?: StaleReferenceJson;
}

/**
 * The pieces of one run of the new text, `start` being where the run begins in the clause's new text (the
 * lengths of the equal and inserted runs before it).
 */
export function staleMarks(text: string, stale: readonly StaleReferenceJson[] | undefined, start: number): TextPiece[] {
  if (!stale?.length) return [{ text }];
  const end = start + text.length;
  const hits: { start: number; end: number; stale: StaleReferenceJson }[] = [];
  for (const s of stale) {
    for (const place of s.places) {
      // A place lies inside one run the new draft kept (the comparison reads only those); clip it all the same.
      const from = Math.max(place.start, start), to = Math.min(place.end, end);
      if (from < to) hits.push({ start: from - start, end: to - start, stale: s });
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

/**
 * Where each op of a redline begins in the new text: equal and inserted runs count, deleted ones do not. `from`:
 * where the ops begin (a later part of a split's redline, redline-parts.ts).
 */
export function newTextOffsets(ops: readonly { op: string; text: string }[], from = 0): number[] {
  const out: number[] = [];
  let offset = from;
  for (const op of ops) {
    out.push(offset);
    if (op.op !== 'delete') offset += op.text.length;
  }
  return out;
}
