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
 * Each clause's parts are listed once, in a small array of its own (short-lived arrays cost little; one flat
 * array for the whole draft costs more, as it outgrows the young generation and is copied as it grows), and
 * kept: walking the clause trees again to confirm a pair would cost more than the comparison itself.
 */
import type { Block, Clause, Inline } from '../model/draft.js';

/** Characters sampled from each text value: enough to tell texts apart, without reading all of them. */
const SAMPLES = 8;

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
  /** The parts of each clause. */
  private readonly parts: (string | number)[][];
  /** The list being written by the walk. */
  private current: (string | number)[] = [];
  private readonly sampled: Float64Array;
  private readonly texts: (string[] | undefined)[];

  constructor(clauses: readonly Clause[]) {
    const n = clauses.length;
    this.keys = new Float64Array(n);
    this.hasText = new Uint8Array(n);
    this.sampled = new Float64Array(n).fill(NaN);
    this.texts = new Array(n);
    this.parts = new Array(n);
    for (let k = 0; k < n; k++) {
      const clause = clauses[k]!;
      const parts = (this.current = [clause.title]);
      this.blocks(clause.body);
      this.parts[k] = parts;
      this.keys[k] = this.hash(k, false);
      // Positions are not listed, so any non-blank text value of the body is text of the clause itself.
      for (let p = 1; p < parts.length; p++) {
        const part = parts[p]!;
        if (typeof part === 'string' && !isBlank(part)) { this.hasText[k] = 1; break; }
      }
    }
    this.current = [];
  }

  /**
   * The finer fingerprint: shapes, lengths and sampled characters. Clauses with equal parts have equal keys of
   * both kinds; clauses with equal sampled keys have equal shapes and lengths, hence equal keys (barring a
   * collision of the 53-bit hash itself).
   */
  sampledKey(k: number): number {
    const s = this.sampled[k]!;
    return s === s ? s : (this.sampled[k] = this.hash(k, true));
  }

  /** The title and text values of clause k, in order (the strings among its parts). */
  textsOf(k: number): string[] {
    let texts = this.texts[k];
    if (texts) return texts;
    texts = [];
    for (const part of this.parts[k]!) if (typeof part === 'string') texts.push(part);
    return (this.texts[k] = texts);
  }

  /** Whether clause i of `a` and clause j of `b` are identical: the same parts, compared natively. */
  static same(a: DraftSources, i: number, b: DraftSources, j: number): boolean {
    if (a.keys[i] !== b.keys[j]) return false;
    const partsA = a.parts[i]!, partsB = b.parts[j]!;
    if (partsA.length !== partsB.length) return false;
    for (let p = 0; p < partsA.length; p++) if (partsA[p] !== partsB[p]) return false;
    return true;
  }

  /** A shape is hashed as itself; a text value as its length and, when sampling, a fixed sample of it. */
  private hash(k: number, sample: boolean): number {
    let a = 0x3c6ef372 | 0, b = 0x1b873593 | 0;
    for (const part of this.parts[k]!) {
      const isText = typeof part === 'string';
      const v = isText ? part.length : part;
      a = Math.imul(a ^ v, 0x01000193);
      b = Math.imul(b + v, 0x5bd1e995) ^ (b >>> 15);
      if (!isText || !sample) continue;
      // Every character of a short value; of a longer one, every step-th and the last.
      const n = part.length;
      const step = n <= SAMPLES * 2 ? 1 : Math.floor(n / SAMPLES);
      for (let i = 0; i < n; i += step) {
        const c = part.charCodeAt(i);
        a = Math.imul(a ^ c, 0x01000193);
        b = Math.imul(b + c, 0x5bd1e995) ^ (b >>> 15);
      }
      if (step > 1) {
        const c = part.charCodeAt(n - 1);
        a = Math.imul(a ^ c, 0x01000193);
        b = Math.imul(b + c, 0x5bd1e995) ^ (b >>> 15);
      }
    }
    return ((a >>> 0) & 0x1fffff) * 4294967296 + (b >>> 0);
  }

  private blocks(blocks: readonly Block[]): void {
    for (const block of blocks) {
      switch (block.type) {
        case 'paragraph':
          this.current.push(-1);
          this.inlines(block.children);
          break;
        case 'list':
          this.current.push(block.ordered ? -2 - (block.start ?? 1) * 8 : -3);
          for (const item of block.children) {
            this.current.push(-4);
            this.blocks(item.children);
          }
          break;
        case 'blockquote':
          this.current.push(-5);
          this.blocks(block.children);
          break;
        case 'rawBlock':
          this.current.push(-6, block.value);
          break;
        case 'position':
          // Commentary, not text of the instrument: a new position does not change the clause.
          break;
      }
    }
  }

  private inlines(nodes: readonly Inline[]): void {
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
        case 'inlineCode':
        case 'rawInline':
          this.current.push(node.value);
          break;
        case 'break':
          this.current.push(-7);
          break;
        case 'emphasis':
        case 'strong':
          this.current.push(node.type === 'emphasis' ? -8 : -9);
          this.inlines(node.children);
          this.current.push(-10);
          break;
        case 'bracket':
          this.current.push(-11, node.by);
          this.inlines(node.children);
          this.current.push(-12);
          break;
      }
    }
  }
}
