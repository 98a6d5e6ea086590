/**
 * Tokens for the word diff: words, runs of whitespace, and single punctuation or symbol characters.
 *
 * Every token keeps its offsets in the source text, so that a diff over tokens maps straight back to the
 * text a reader sees. Concatenating the tokens of a text gives the text back exactly.
 *
 * A word is a run of letters, digits and combining marks. Two joiners stay inside a word because a reader
 * sees one unit there: an apostrophe between letters ("Party’s", "don't") and a decimal or thousands
 * separator between digits ("1,000", "2.5"), so that "1,000" → "1,500" is one changed figure, not a changed
 * "000". Everything else that is neither a word nor whitespace is a one-character token of its own.
 *
 * Tokens never span whitespace: that is what lets the word diff tokenize only the region between a common
 * prefix and suffix (cut at whitespace) and still get the tokens a whole-text tokenization would give.
 */

export type TokenKind = 'word' | 'space' | 'punct';

export interface Token {
  text: string;
  kind: TokenKind;
  /** Offset of the first character in the source text. */
  start: number;
  /** Offset just after the last character. */
  end: number;
}

// The definition, as one regex: one alternative per kind, the word alternative first so that it wins at a
// letter or digit. tokenize() below implements exactly this by hand (a character-class table instead of
// unicode property tests at every character: the regex was one of the largest costs of a comparison);
// tokenizeByRegExp keeps the definition executable, for tests that check the two agree.
const TOKEN_RE = /([\p{L}\p{N}\p{M}]+(?:(?:['’](?=[\p{L}\p{M}])|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{N}\p{M}]+)*)|(\s+)|[^]/gu;

/** The reference tokenizer: the regex definition above, slower than tokenize() and equal to it. */
export function tokenizeByRegExp(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  const source = from === 0 && to === text.length ? text : text.slice(from, to);
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(source)) !== null) {
    const start = from + m.index;
    const kind: TokenKind = m[1] !== undefined ? 'word' : m[2] !== undefined ? 'space' : 'punct';
    tokens.push({ text: m[0], kind, start, end: start + m[0].length });
  }
  return tokens;
}

// Character classes of code points, as the regex sees them: letter (\p{L}), number (\p{N}), mark (\p{M}),
// whitespace (\s) or other. BMP code units are classified once, lazily, into a table; astral code points
// (surrogate pairs) are rare and classified on each use.
const LETTER = 1, NUMBER = 2, MARK = 3, SPACE = 4, OTHER = 5;
const BMP_CLASS = new Uint8Array(65536);
/** ASCII classes, filled up front: the common case reads them without a call to classify. */
const ASCII_CLASS = new Uint8Array(128);

function classify(cp: number): number {
  const ch = String.fromCodePoint(cp);
  if (/\p{L}/u.test(ch)) return LETTER;
  if (/\p{N}/u.test(ch)) return NUMBER;
  if (/\p{M}/u.test(ch)) return MARK;
  if (/\s/u.test(ch)) return SPACE;
  return OTHER;
}

/** Class of the code point at `i` (a surrogate pair counts only when both halves lie before `to`). */
function classAt(text: string, i: number, to: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_CLASS[c]!;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return classify((c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000);
  }
  return BMP_CLASS[c] || (BMP_CLASS[c] = classify(c));
}

for (let c = 0; c < 128; c++) ASCII_CLASS[c] = BMP_CLASS[c] = classify(c);

/** Length in code units of the code point at `i` (2 for a surrogate pair wholly before `to`). */
function widthAt(text: string, i: number, to: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

const isWordClass = (cls: number) => cls === LETTER || cls === NUMBER || cls === MARK;

/** Tokens of `text.slice(from, to)`, with offsets in `text` (the TOKEN_RE definition, by hand). */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  // The run is read once, right here: one kept run serves every call (allocating three typed arrays per
  // call cost more than tokenizing the short texts cosmetic.ts asks about), up to a size.
  const run = tokenizeRun(text, from, to, to - from <= SHARED_RUN_LIMIT ? sharedRun : undefined);
  if (run.kind.length <= SHARED_RUN_LIMIT) sharedRun = run;
  const tokens: Token[] = new Array(run.count);
  for (let k = 0; k < run.count; k++) {
    const start = run.start[k]!, end = run.start[k + 1]!;
    tokens[k] = { text: text.slice(start, end), kind: KIND_NAMES[run.kind[k]!]!, start, end };
  }
  return tokens;
}

const SHARED_RUN_LIMIT = 1 << 12;
let sharedRun: TokenRun | undefined;

/** Token kinds as numbers, in TokenRun.kind. */
export const WORD_TOKEN = 0, SPACE_TOKEN = 1, PUNCT_TOKEN = 2;
const KIND_NAMES: readonly TokenKind[] = ['word', 'space', 'punct'];

/**
 * The tokens of tokenize(), without an object or a string per token: token k is text[start[k], start[k + 1])
 * (tokens are contiguous, and start[count] = to), of kind kind[k]. The word diff reads most tokens only to
 * compare them, which needs no copy of their text.
 */
export interface TokenRun {
  count: number;
  start: Int32Array;
  kind: Uint8Array;
  /**
   * hash[k]: FNV-1a (32-bit) over the code units of token k, computed while the token is read, so that
   * interning the tokens (words.ts) does not walk their characters a second time.
   */
  hash: Int32Array;
}

const FNV_OFFSET = 0x811c9dc5 | 0, FNV_PRIME = 0x01000193;

/**
 * `reuse`: a run whose arrays may be written over when they are long enough (the word diff keeps one per
 * side across calls: allocating three typed arrays per text cost more than tokenizing short clauses).
 * The result is then `reuse` itself, rewritten; its arrays may be longer than `count` (+ 1 for start).
 */
export function tokenizeRun(text: string, from = 0, to = text.length, reuse?: TokenRun): TokenRun {
  // At most one token per code unit.
  const run = emptyTokenRun(Math.max(0, to - from), reuse);
  appendTokens(text, from, to, run);
  return run;
}

/** A run of no tokens with room for `size` (reusing `reuse`'s arrays when they are long enough). */
export function emptyTokenRun(size: number, reuse?: TokenRun): TokenRun {
  if (reuse !== undefined && reuse.kind.length >= size) {
    reuse.count = 0;
    return reuse;
  }
  return { count: 0, start: new Int32Array(size + 1), kind: new Uint8Array(size), hash: new Int32Array(size) };
}

/**
 * Appends the tokens of text[from, to) to `run`, which must have room for to - from more, and sets
 * start[count] = to. `from` must be where a token of the whole text starts (so the tokens are the whole
 * text's): the word diff fills one run from several stretches of a text (words.ts).
 */
export function appendTokens(text: string, from: number, to: number, run: TokenRun): void {
  const starts = run.start, kinds = run.kind, hashes = run.hash;
  let count = run.count;
  let i = from;
  while (i < to) {
    const start = i;
    const c0 = text.charCodeAt(i);
    // ASCII fast path: one table read, width 1 (most characters of most texts).
    const cls = c0 < 128 ? ASCII_CLASS[c0]! : classAt(text, i, to);
    // Every code unit the token takes goes into its hash as `i` moves past it.
    let h = Math.imul(FNV_OFFSET ^ c0, FNV_PRIME);
    let kind: number;
    if (isWordClass(cls)) {
      // A run of word characters; then, while a joiner stands between word characters, the joiner and the
      // next run ("Party’s", "1,000"). The regex never looks past `to`, so neither do the look-aheads here.
      let last = cls;
      if (c0 >= 128 && widthAt(text, i, to) === 2) { i++; h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME); }
      i++;
      for (;;) {
        while (i < to) {
          const c = text.charCodeAt(i);
          if (c < 128) {
            const k = ASCII_CLASS[c]!;
            if (k !== LETTER && k !== NUMBER) break;
            last = k;
            h = Math.imul(h ^ c, FNV_PRIME);
            i++;
            continue;
          }
          const k = classAt(text, i, to);
          if (!isWordClass(k)) break;
          last = k;
          h = Math.imul(h ^ c, FNV_PRIME);
          if (widthAt(text, i, to) === 2) { i++; h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME); }
          i++;
        }
        if (i + 1 >= to) break;
        const c = text.charCodeAt(i);
        // Only an apostrophe, a full stop or a comma can join: the class of the next character is read
        // only after one of them.
        let joins: boolean;
        if (c === 39 || c === 0x2019) {
          const next = classAt(text, i + 1, to);
          joins = next === LETTER || next === MARK;
        } else if ((c === 46 || c === 44) && last === NUMBER) {
          joins = classAt(text, i + 1, to) === NUMBER;
        } else break;
        if (!joins) break;
        h = Math.imul(h ^ c, FNV_PRIME);
        i++;
      }
      kind = WORD_TOKEN;
    } else if (cls === SPACE) {
      i++;
      while (i < to) {
        const c = text.charCodeAt(i);
        if (c < 128 ? ASCII_CLASS[c] !== SPACE : classAt(text, i, to) !== SPACE) break;
        h = Math.imul(h ^ c, FNV_PRIME);
        i++;
      }
      kind = SPACE_TOKEN;
    } else {
      if (c0 >= 128 && widthAt(text, i, to) === 2) { i++; h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME); }
      i++;
      kind = PUNCT_TOKEN;
    }
    starts[count] = start;
    kinds[count] = kind;
    hashes[count] = h;
    count++;
  }
  starts[count] = Math.max(from, to);
  run.count = count;
}

/** True for a character that ends a token run safely: whitespace (tokens never span it). */
export function isSpaceCode(code: number): boolean {
  // ASCII fast path; the rest by the same definition the tokenizer uses (\s).
  if (code === 32 || (code >= 9 && code <= 13)) return true;
  if (code < 128) return false;
  return /\s/.test(String.fromCharCode(code));
}

/** Whether a UTF-16 code unit is an ASCII letter or digit. */
export function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
