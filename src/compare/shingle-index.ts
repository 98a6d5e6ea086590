/**
 * An inverted index from shingle hashes to the units (clauses, provisions) that contain them: the near-linear
 * candidate search of the aligner. Instead of comparing every unmatched clause with every other one, a clause
 * looks up its rarest shingles and only the few units that share them are compared exactly.
 *
 * Built in one pass into flat typed arrays (an open-addressing table of shingle → posting range), because a
 * Map of arrays over half a million shingles costs more than the rest of the alignment together.
 */

/** Document frequency bands visited in turn: rare shingles first, common ones only if rare ones found nothing. */
const BANDS = [4, 32, 256];
/**
 * Postings followed per query at most, once the rarest band is done: a text made of common phrases only
 * (a draft of stock sentences, every clause replaced) would otherwise visit a good part of the index per query.
 */
const BUDGET = 2048;

/** The table slots of a query's shingles, reused by every query (a fresh array per query cost more than the lookups). */
let slotScratch = new Int32Array(1024);

export class ShingleIndex {
  private readonly mask: number;
  private readonly keys: Int32Array;
  private readonly used: Uint8Array;
  private readonly start: Int32Array;
  private readonly count: Int32Array;
  private readonly postings: Int32Array;
  private readonly scores: Int32Array;

  /**
   * @param sets shingle sets by unit index (null for units that are not indexed)
   * @param members the unit indices to index
   */
  constructor(sets: ReadonlyArray<Int32Array | null>, members: readonly number[]) {
    let total = 0;
    for (const m of members) total += sets[m]!.length;
    let capacity = 16;
    while (capacity < total * 2) capacity <<= 1;
    this.mask = capacity - 1;
    this.keys = new Int32Array(capacity);
    this.used = new Uint8Array(capacity);
    this.count = new Int32Array(capacity);
    this.start = new Int32Array(capacity);
    this.postings = new Int32Array(total);
    this.scores = new Int32Array(sets.length);
    for (const m of members) {
      const set = sets[m]!;
      for (let i = 0; i < set.length; i++) this.count[this.slot(set[i]!, true)]++;
    }
    let offset = 0;
    for (let s = 0; s < capacity; s++) {
      this.start[s] = offset;
      offset += this.count[s]!;
      this.count[s] = 0;
    }
    for (const m of members) {
      const set = sets[m]!;
      for (let i = 0; i < set.length; i++) {
        const s = this.slot(set[i]!, false);
        this.postings[this.start[s]! + this.count[s]!++] = m;
      }
    }
  }

  private slot(key: number, insert: boolean): number {
    let s = Math.imul(key, 0x9e3779b1) >>> 0 & this.mask;
    for (;;) {
      if (!this.used[s]) {
        if (!insert) return -1;
        this.used[s] = 1;
        this.keys[s] = key;
        return s;
      }
      if (this.keys[s] === key) return s;
      s = (s + 1) & this.mask;
    }
  }

  /** How many indexed units contain this shingle. */
  frequency(key: number): number {
    const s = this.slot(key, false);
    return s < 0 ? 0 : this.count[s]!;
  }

  /**
   * The indexed units sharing the most shingles with `query`, best first, at most `limit` of them, and none
   * that shares less than half of what the best one shares.
   * Rare shingles are looked up first; shingles held by more than the last band's units are never followed,
   * which bounds the work per query whatever the drafts look like.
   */
  candidates(query: Int32Array, limit: number): number[] {
    const touched: number[] = [];
    if (query.length === 0) return touched;
    if (slotScratch.length < query.length) slotScratch = new Int32Array(query.length + 1024);
    const slots = slotScratch;
    for (let i = 0; i < query.length; i++) slots[i] = this.slot(query[i]!, false);
    let low = 0;
    let best = 0;
    let visited = 0;
    bands: for (const high of BANDS) {
      for (let i = 0; i < query.length; i++) {
        const s = slots[i]!;
        if (s < 0) continue;
        const df = this.count[s]!;
        if (df <= low || df > high) continue;
        if (low > 0 && visited + df > BUDGET) break bands;
        visited += df;
        const from = this.start[s]!, to = from + df;
        for (let p = from; p < to; p++) {
          const u = this.postings[p]!;
          if (this.scores[u] === 0) touched.push(u);
          const v = ++this.scores[u]!;
          if (v > best) best = v;
        }
      }
      // Enough evidence from rare shingles: common ones would only add noise and time.
      if (best >= 3) break;
      low = high;
    }
    if (touched.length === 0) return touched;
    // The best `limit` by score (ties: lower index), by repeated selection: `limit` is a handful, `touched`
    // may be thousands, and sorting it per query would cost more than the whole search.
    const out: number[] = [];
    let floor = 0;
    while (out.length < limit) {
      let pick = -1;
      for (const u of touched) {
        const v = this.scores[u]!;
        if (v <= 0) continue;
        if (pick < 0 || v > this.scores[pick]! || (v === this.scores[pick] && u < pick)) pick = u;
      }
      if (pick < 0) break;
      // Units sharing less than half of what the best one shares are not worth an exact comparison.
      if (out.length === 0) floor = this.scores[pick]! / 2;
      else if (this.scores[pick]! < floor) break;
      out.push(pick);
      this.scores[pick] = -this.scores[pick]!; // taken; restored to 0 below
    }
    for (const u of touched) this.scores[u] = 0;
    return out;
  }
}
