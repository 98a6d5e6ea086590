/**
 * Whose bracketed proposal a legal change comes from, when one side of it is a group of alternatives
 * (legal-alternatives.ts) and the other is plain wording:
 * - settled: "[shall][will]" → "will" — the party of the alternative the new wording takes;
 * - opened: "will not" → "[shall not][will not]" — one alternative keeps the old wording, and the others are the
 *   proposal: their party, when they are all one party's.
 * A compromise that takes no alternative, or keeps none, names no one; nor does a group of literal brackets
 * (typed as text, no party): bracketParties knows only the draft's brackets.
 */
import type { Clause } from '../model/draft.js';
import { bracketParties } from './bracket-parties.js';
import { alternativeSpans, alternativeTaken } from './legal-alternatives.js';
import type { LegalChange } from './legal.js';

/** One side of a compared pair: its text as compared and the clauses it was read from. */
export interface ComparedSide {
  text: string;
  clauses: readonly Pick<Clause, 'body'>[];
  /**
   * Where `text` is only a stretch of the clauses' text (a three-way reading of the part of a clause that another
   * side split off): that whole text, and where the stretch begins in it. The brackets are read over the whole.
   */
  whole?: { text: string; at: number };
}

/** Reads the parties of the legal changes of one pair of texts; each side's brackets are walked once, on first need. */
export class ProposalReader {
  private oldParties: Map<number, string> | undefined;
  private newParties: Map<number, string> | undefined;

  constructor(private readonly oldSide: ComparedSide, private readonly newSide: ComparedSide) {}

  /** The party whose proposal `change` comes from, or undefined. */
  proposedBy(change: LegalChange): string | undefined {
    if (change.old === null || change.new === null) return undefined;
    const oldGroup = this.isGroup(this.oldSide.text, change.oldStart);
    const newGroup = this.isGroup(this.newSide.text, change.newStart);
    if (oldGroup === newGroup) return undefined;
    if (oldGroup) {
      const taken = alternativeTaken(this.oldSide.text, change.oldStart!, change.oldEnd!, change.new);
      return taken < 0 ? undefined : this.partiesOf('old').get(taken);
    }
    const { text } = this.newSide;
    const kept = alternativeTaken(text, change.newStart!, change.newEnd!, change.old);
    if (kept < 0) return undefined;
    const parties = this.partiesOf('new');
    const proposers = new Set(alternativeSpans(text, change.newStart!, change.newEnd!).filter(([open]) => open !== kept).map(([open]) => parties.get(open)));
    const [only] = proposers;
    return proposers.size === 1 ? only : undefined;
  }

  private isGroup(text: string, start: number | undefined): boolean {
    return start !== undefined && text.charCodeAt(start) === OPEN_BRACKET;
  }

  private partiesOf(side: 'old' | 'new'): Map<number, string> {
    if (side === 'old') return (this.oldParties ??= partiesOfSide(this.oldSide));
    return (this.newParties ??= partiesOfSide(this.newSide));
  }
}

/** The party of each bracket opening in a side's text; for a stretch, read over the whole and moved to the stretch. */
function partiesOfSide(side: ComparedSide): Map<number, string> {
  if (!side.whole) return bracketParties(side.clauses, side.text);
  const { text, at } = side.whole;
  const out = new Map<number, string>();
  for (const [offset, party] of bracketParties(side.clauses, text)) {
    if (offset >= at && offset < at + side.text.length) out.set(offset - at, party);
  }
  return out;
}

const OPEN_BRACKET = 91;
