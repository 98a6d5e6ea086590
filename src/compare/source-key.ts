/**
 * Cheap fingerprints of the clauses' own content as written (title, block structure, text), to pair the
 * clauses that did not change at all before anything is tokenized.
 *
 * In a typical new version most clauses are untouched. Tokenizing them costs more than all the rest of the
 * alignment; instead each clause's "parts" — its title, text values and block shapes, in order — are listed
 * once, and fingerprinted: `key` hashes the shapes and the lengths of the text values (no character is read,
 * so a text costs one cache line), sampledKey also a fixed sample of each text value's characters. Equal
 * fingerprints only propose a pair: sameSource confirms it by comparing the parts with ===, which the engine
 * does natively (memcmp) and fast.
 *
 * Each clause's parts are listed once and kept: walking the clause trees again to confirm a pair would cost
 * more than the comparison itself. They are kept in a few arrays (chunks) allocated at their full size, not in
 * an array per clause: twenty thousand small arrays on 10,000 articles were each copied by every
 * young-generation collection on the way. (One array grown by push was worse still: copied each time it grew.)
 * A chunk stays below V8's largest regular object: a larger array goes to the large-object space, and
 * allocating one there cost about a millisecond on this project's machines (`new Array(32768)` 1 ms,
 * `new Array(8192)` 23 µs) — the four chunks of two 2,000-article drafts were a sixth of their comparison.
 * The key is hashed as the parts are listed (a second pass over them cost a quarter of the listing).
 */
import type { Block, Clause, Inline } from '../model/draft.js';

/** Characters sampled from each text value: enough to tell texts apart, without reading all of them. */
const SAMPLES = 8;

/**
 * Entries per chunk of parts: 64 KB of pointers, half V8's largest regular object (128 KB). A clause with more
 * parts gets a chunk of its own size.
 */
const CHUNK = 1 << 13;

/** Whether a text is all whitespace (as /\S/ would say), by a loop: this runs for every text value of a draft. */
function isBlank(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    if (c < 128 || !/\s/.test(value[i]!)) return false;
  }
  return true;
}

/** The source fingerprints of the clauses of one draft, by their index in a list of clauses. */
export class DraftSources {
  /** Hash of each clause's block shapes and text lengths. */
  readonly keys: Float64Array;
  /** Whether a clause has text of its own besides its title. */
  readonly hasText: Uint8Array;
  /** The parts of all clauses, in order: clause k's are chunks[chunkOf[k]] from first[k], count[k] of them. */
  private readonly chunks: (string | number)[][] = [];
  private readonly chunkOf: Int32Array;
  private readonly first: Int32Array;
  private readonly count: Int32Array;
  private readonly sampled: Float64Array;
  private readonly texts: (string[] | undefined)[];

  constructor(clauses: readonly Clause[]) {
    const n = clauses.length;
    this.keys = new Float64Array(n);
    this.hasText = new Uint8Array(n);
    this.sampled = new Float64Array(n).fill(NaN);
    this.texts = new Array(n);
    this.chunkOf = new Int32Array(n);
    this.first = new Int32Array(n);
    this.count = new Int32Array(n);
    // The walk lists each clause into one scratch array, then copies its parts into the current chunk.
    const scratch: (string | number)[] = [];
    let chunk: (string | number)[] = [];
    let used = 0;
    for (let k = 0; k < n; k++) {
      const clause = clauses[k]!;
      // Overwritten from the start, never emptied: `length = 0` would free its storage, to be grown again
      // by every clause.
      listed = 0;
      scratch[listed++] = clause.title;
      laneA = SEED_A;
      laneB = SEED_B;
      mix(clause.title.length);
      listBlocks(scratch, clause.body);
      this.keys[k] = digest();
      if (this.chunks.length === 0 || used + listed > chunk.length) {
        // The first store is the title, a string: the chunk holds any value from then on, with no copy.
        chunk = new Array(Math.max(CHUNK, listed));
        this.chunks.push(chunk);
        used = 0;
      }
      this.chunkOf[k] = this.chunks.length - 1;
      this.first[k] = used;
      this.count[k] = listed;
      for (let p = 0; p < listed; p++) chunk[used + p] = scratch[p]!;
      // Positions are not listed, so any non-blank text value of the body is text of the clause itself.
      for (let p = 1; p < listed; p++) {
        const part = scratch[p]!;
        if (typeof part === 'string' && !isBlank(part)) { this.hasText[k] = 1; break; }
      }
      used += listed;
    }
  }

  /**
   * The finer fingerprint: shapes, lengths and sampled characters. Clauses with equal parts have equal keys of
   * both kinds; clauses with equal sampled keys have equal shapes and lengths, hence equal keys (barring a
   * collision of the 53-bit hash itself).
   */
  sampledKey(k: number): number {
    const s = this.sampled[k]!;
    return s === s ? s : (this.sampled[k] = sampledHash(this.chunks[this.chunkOf[k]!]!, this.first[k]!, this.count[k]!));
  }

  /** The title and text values of clause k, in order (the strings among its parts). */
  textsOf(k: number): string[] {
    let texts = this.texts[k];
    if (texts) return texts;
    texts = [];
    const parts = this.chunks[this.chunkOf[k]!]!;
    for (let p = this.first[k]!, end = p + this.count[k]!; p < end; p++) {
      const part = parts[p]!;
      if (typeof part === 'string') texts.push(part);
    }
    return (this.texts[k] = texts);
  }

  /** Whether clause i of `a` and clause j of `b` are identical: the same parts, compared natively. */
  static same(a: DraftSources, i: number, b: DraftSources, j: number): boolean {
    if (a.keys[i] !== b.keys[j]) return false;
    const count = a.count[i]!;
    if (count !== b.count[j]) return false;
    const partsA = a.chunks[a.chunkOf[i]!]!, partsB = b.chunks[b.chunkOf[j]!]!;
    const fromA = a.first[i]!, fromB = b.first[j]!;
    for (let p = 0; p < count; p++) if (partsA[fromA + p] !== partsB[fromB + p]) return false;
    return true;
  }
}

/**
 * The two lanes of the running hash of the clause being listed. Module state rather than fields or closures:
 * the walk folds in every part of every clause of both drafts, and plain variables are the cheapest to update.
 */
let laneA = 0;
let laneB = 0;
/** How many parts of the clause being listed are in the scratch array. */
let listed = 0;
const SEED_A = 0x3c6ef372 | 0;
const SEED_B = 0x1b873593 | 0;

/** Fold one value (a shape, a text value's length, a sampled character) into the running hash. */
function mix(v: number): void {
  const a = laneA, b = laneB;
  laneA = Math.imul(a ^ v, 0x01000193);
  laneB = Math.imul(b + v, 0x5bd1e995) ^ (b >>> 15);
}

/** The running hash as a 53-bit number. */
function digest(): number {
  return ((laneA >>> 0) & 0x1fffff) * 4294967296 + (laneB >>> 0);
}

/**
 * The finer key of `count` parts from `from`: a shape is hashed as itself, a text value as its length and a fixed
 * sample of its characters.
 */
function sampledHash(parts: readonly (string | number)[], from: number, count: number): number {
  laneA = SEED_A;
  laneB = SEED_B;
  for (let k = from; k < from + count; k++) {
    const part = parts[k]!;
    if (typeof part !== 'string') {
      mix(part);
      continue;
    }
    // Every character of a short value; of a longer one, every step-th and the last.
    const n = part.length;
    mix(n);
    const step = n <= SAMPLES * 2 ? 1 : Math.floor(n / SAMPLES);
    for (let i = 0; i < n; i += step) mix(part.charCodeAt(i));
    if (step > 1) mix(part.charCodeAt(n - 1));
  }
  return digest();
}

/** List a shape, folding it into the key. */
function shape(out: (string | number)[], v: number): void {
  out[listed++] = v;
  mix(v);
}

/** List a text value, folding its length (not its characters) into the key. */
function text(out: (string | number)[], value: string): void {
  out[listed++] = value;
  mix(value.length);
}

/** List the parts of some blocks: their shapes and text values, in order. */
function listBlocks(out: (string | number)[], blocks: readonly Block[]): void {
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    switch (block.type) {
      case 'paragraph':
        shape(out, -1);
        listInlines(out, block.children);
        break;
      case 'list':
        shape(out, block.ordered ? -2 - (block.start ?? 1) * 8 : -3);
        for (let k = 0; k < block.children.length; k++) {
          shape(out, -4);
          listBlocks(out, block.children[k]!.children);
        }
        break;
      case 'blockquote':
        shape(out, -5);
        listBlocks(out, block.children);
        break;
      case 'rawBlock':
        shape(out, -6);
        text(out, block.value);
        break;
      case 'position':
        // Commentary, not text of the instrument: a new position does not change the clause.
        break;
    }
  }
}

function listInlines(out: (string | number)[], nodes: readonly Inline[]): void {
  for (let k = 0; k < nodes.length; k++) {
    const node = nodes[k]!;
    switch (node.type) {
      case 'text':
      case 'inlineCode':
      case 'rawInline':
        text(out, node.value);
        break;
      case 'break':
        shape(out, -7);
        break;
      case 'emphasis':
      case 'strong':
        shape(out, node.type === 'emphasis' ? -8 : -9);
        listInlines(out, node.children);
        shape(out, -10);
        break;
      case 'bracket':
        shape(out, -11);
        text(out, node.by);
        listInlines(out, node.children);
        shape(out, -12);
        break;
    }
  }
}
