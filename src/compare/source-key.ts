/**
 * A cheap fingerprint of a clause's own content as written (title, block structure, text), to pair the
 * clauses that did not change at all before anything is tokenized.
 *
 * In a typical new version most clauses are untouched. Tokenizing them costs more than all the rest of the
 * alignment; instead a clause's fingerprint hashes its block shapes and, of each text value, the length and a
 * fixed sample of characters. Equal fingerprints only propose a pair: sameSource confirms it by comparing the
 * text values with ===, which the engine does natively (memcmp) and fast.
 */
import type { Block, Clause, Inline } from '../model/draft.js';

/** Characters sampled from each text value: enough to tell texts apart, without reading all of them. */
const SAMPLES = 8;

/**
 * Fingerprint of a clause's own content as written, and the list of its text values, so that two clauses with
 * equal fingerprints can be confirmed identical by native string comparison.
 */
export interface SourceKey {
  key: number;
  /** Whether the clause has text of its own besides its title. */
  hasText: boolean;
  /** The title, the text values and the block shapes, in order: what identity is confirmed on. */
  parts: (string | number)[];
}

/** Whether two fingerprinted clauses are identical (same parts, compared natively). */
export function sameSource(a: SourceKey, b: SourceKey): boolean {
  if (a.key !== b.key || a.parts.length !== b.parts.length) return false;
  for (let k = 0; k < a.parts.length; k++) if (a.parts[k] !== b.parts[k]) return false;
  return true;
}

/** Whether a text is all whitespace (as /\S/ would say), by a loop: this runs for every text value of a draft. */
function isBlank(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    if (c < 128 || !/\s/.test(value[i]!)) return false;
  }
  return true;
}

interface State { a: number; b: number; hasText: boolean; parts: (string | number)[] }

export class SourceKeys {
  /** The fingerprint of a clause (its title and body, not its label, id, topics or sub-clauses). */
  keyOf(clause: Clause): SourceKey {
    const state: State = { a: 0x3c6ef372 | 0, b: 0x1b873593 | 0, hasText: false, parts: [] };
    this.text(clause.title, state);
    state.hasText = false;
    this.blocks(clause.body, state);
    return { key: ((state.a >>> 0) & 0x1fffff) * 4294967296 + (state.b >>> 0), hasText: state.hasText, parts: state.parts };
  }

  private mix(state: State, v: number): void {
    state.a = Math.imul(state.a ^ v, 0x01000193);
    state.b = Math.imul(state.b + v, 0x5bd1e995) ^ (state.b >>> 15);
  }

  private shape(state: State, v: number): void {
    this.mix(state, v);
    state.parts.push(v);
  }

  /** A text value: its length and a fixed sample of its characters (the whole of a short one). */
  private text(value: string, state: State): void {
    const n = value.length;
    this.mix(state, n);
    if (n <= SAMPLES * 2) {
      for (let i = 0; i < n; i++) this.mix(state, value.charCodeAt(i));
    } else {
      const step = Math.floor(n / SAMPLES);
      for (let i = 0; i < n; i += step) this.mix(state, value.charCodeAt(i));
      this.mix(state, value.charCodeAt(n - 1));
    }
    state.parts.push(value);
    // Positions are skipped below, so any non-blank text value is text of the clause itself.
    if (!state.hasText && !isBlank(value)) state.hasText = true;
  }

  private blocks(blocks: readonly Block[], state: State): void {
    for (const block of blocks) {
      switch (block.type) {
        case 'paragraph':
          this.shape(state, -1);
          this.inlines(block.children, state);
          break;
        case 'list':
          this.shape(state, block.ordered ? -2 - (block.start ?? 1) * 8 : -3);
          for (const item of block.children) {
            this.shape(state, -4);
            this.blocks(item.children, state);
          }
          break;
        case 'blockquote':
          this.shape(state, -5);
          this.blocks(block.children, state);
          break;
        case 'rawBlock':
          this.shape(state, -6);
          this.text(block.value, state);
          break;
        case 'position':
          // Commentary, not text of the instrument: a new position does not change the clause.
          break;
      }
    }
  }

  private inlines(nodes: readonly Inline[], state: State): void {
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
        case 'inlineCode':
        case 'rawInline':
          this.text(node.value, state);
          break;
        case 'break':
          this.shape(state, -7);
          break;
        case 'emphasis':
        case 'strong':
          this.shape(state, node.type === 'emphasis' ? -8 : -9);
          this.inlines(node.children, state);
          this.shape(state, -10);
          break;
        case 'bracket':
          this.shape(state, -11);
          this.text(node.by, state);
          this.inlines(node.children, state);
          this.shape(state, -12);
          break;
      }
    }
  }
}
