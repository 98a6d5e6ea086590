/**
 * Where a clause stands in the negotiation: its brackets (unagreed language, by party) and the parties'
 * positions. Used by the outline, `parley show` and the exports.
 */
import type { Block, Clause, Inline, PartyId, Stance } from '../model/draft.js';
import { blocksText, inlineText } from '../model/text.js';

export interface BracketInfo {
  by: PartyId;
  text: string;
  /** Index of the alternative group this bracket belongs to (adjacent brackets are alternatives). */
  group: number;
}

export interface PositionInfo {
  party: PartyId;
  stance: Stance;
  note: string;
}

export type ClauseState = 'agreed' | 'bracketed' | 'reserved';

export function bracketsOf(clause: Pick<Clause, 'body'>): BracketInfo[] {
  const out: BracketInfo[] = [];
  let group = -1;
  const visitInlines = (inlines: readonly Inline[]) => {
    let previousWasBracket = false;
    for (const inline of inlines) {
      if (inline.type === 'bracket') {
        if (!previousWasBracket) group++;
        out.push({ by: inline.by, text: inlineText(inline.children), group });
        previousWasBracket = true;
        continue;
      }
      previousWasBracket = false;
      if (inline.type === 'emphasis' || inline.type === 'strong') visitInlines(inline.children);
    }
  };
  const visitBlocks = (blocks: readonly Block[]) => {
    for (const block of blocks) {
      if (block.type === 'paragraph') visitInlines(block.children);
      else if (block.type === 'list') block.children.forEach((item) => visitBlocks(item.children));
      else if (block.type === 'blockquote') visitBlocks(block.children);
    }
  };
  visitBlocks(clause.body);
  return out;
}

export function positionsOf(clause: Pick<Clause, 'body'>): PositionInfo[] {
  return clause.body.flatMap((block) =>
    block.type === 'position' ? [{ party: block.party, stance: block.stance, note: blocksText(block.children) }] : []);
}

/** Reserved beats bracketed beats agreed: a reservation blocks agreement even on unbracketed text. */
export function clauseState(clause: Pick<Clause, 'body'>): ClauseState {
  const positions = positionsOf(clause);
  if (positions.some((p) => p.stance === 'reserves' || p.stance === 'opposes')) return 'reserved';
  if (bracketsOf(clause).length > 0) return 'bracketed';
  return 'agreed';
}
