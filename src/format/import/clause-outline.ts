/**
 * Builds the clause tree while an importer walks a draft from top to bottom.
 *
 * Headings open clauses; a heading closes every open clause of the same or a greater rank, so "Article 2.1"
 * nests inside "SECTION 2" and the next "SECTION 3" closes both. Content goes to the innermost open clause,
 * or to the front (title block) before the first clause. Trailing clauses (signatures, footnotes) close
 * everything and stay at the top level.
 */
import type { Block, Clause } from '../../model/draft.js';

interface Open {
  clause: Clause;
  rank: number;
}

export class ClauseOutline {
  readonly clauses: Clause[] = [];
  readonly front: Block[] = [];
  private readonly stack: Open[] = [];

  constructor(private readonly baseLevel: number) {}

  /**
   * Open a clause of `rank`. `closeRank` (default: rank) says which open clauses it closes: a preamble closes
   * everything (closeRank 0) yet is closed by any heading that follows (rank high).
   */
  open(label: string, title: string, rank: number, fixedLevel?: number, closeRank = rank): Clause {
    while (this.stack.length && this.stack[this.stack.length - 1]!.rank >= closeRank) this.stack.pop();
    const parent = this.stack[this.stack.length - 1];
    const level = fixedLevel ?? Math.min(6, this.baseLevel + this.stack.length);
    const clause: Clause = { id: '', level, label, title, topics: [], body: [], children: [] };
    (parent ? parent.clause.children : this.clauses).push(clause);
    this.stack.push({ clause, rank });
    return clause;
  }

  get current(): Clause | undefined {
    return this.stack[this.stack.length - 1]?.clause;
  }

  add(blocks: readonly Block[]): void {
    (this.current ? this.current.body : this.front).push(...blocks);
  }
}
