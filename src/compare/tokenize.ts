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

// One alternative per kind; the word alternative first so that it wins at a letter or digit.
const TOKEN_RE = /([\p{L}\p{N}\p{M}]+(?:(?:['’](?=[\p{L}\p{M}])|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{N}\p{M}]+)*)|(\s+)|[^]/gu;

/** Tokens of `text.slice(from, to)`, with offsets in `text`. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
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

/** True for a character that ends a token run safely: whitespace (tokens never span it). */
export function isSpaceCode(code: number): boolean {
  // ASCII fast path; the rest by the same definition the tokenizer uses (\s).
  if (code === 32 || (code >= 9 && code <= 13)) return true;
  if (code < 128) return false;
  return /\s/.test(String.fromCharCode(code));
}
