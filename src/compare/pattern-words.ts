/**
 * The words a regular expression can match: every maximal run of ASCII letters, lowercased, in every string
 * of the pattern's language. legal-window.ts uses them to tell, word by word, whether a finder's match could
 * reach a change at all (docs in legal-window.ts).
 *
 * Only the small subset of regex syntax the finders' word patterns use is understood: literals, groups
 * (plain, capturing, named), alternation, `?`, quantifiers on stretches without letters, character classes
 * without letters, `\s`, `\d`, escaped punctuation, anchors. Look-arounds match no characters and are
 * skipped. Anything else (`.`, `\w`, `\p{…}` outside a look-around, a repeated letter, a class with letters)
 * throws: a finder pattern edited beyond this subset must fail loudly, not yield a vocabulary that misses
 * words.
 */

/** Stands for any character that is not an ASCII letter (a digit, a space, a sign): it ends a word. */
const OTHER = '#';

export function patternWords(source: string): Set<string> {
  const words = new Set<string>();
  for (const s of patternStrings(source)) for (const w of s.split(/[^A-Za-z]+/)) if (w) words.add(w.toLowerCase());
  return words;
}

/** The first word of each string of the language (lowercased), for strings that start with a letter. */
export function patternFirstWords(source: string): Set<string> {
  const words = new Set<string>();
  for (const s of patternStrings(source)) {
    const m = /^[A-Za-z]+/.exec(s);
    if (m) words.add(m[0].toLowerCase());
  }
  return words;
}

/** The last word of each string of the language (lowercased), whatever non-letters follow it. */
export function patternLastWords(source: string): Set<string> {
  const words = new Set<string>();
  for (const s of patternStrings(source)) {
    const m = /([A-Za-z]+)[^A-Za-z]*$/.exec(s);
    if (m) words.add(m[1]!.toLowerCase());
  }
  return words;
}

/** The strings of the pattern's language, with every non-letter character reduced to OTHER or kept. */
export function patternStrings(source: string): Set<string> {
  const parser = new Parser(source);
  const out = parser.alternation();
  if (parser.at < source.length) throw new Error(`patternWords: unexpected ')' at ${parser.at} in ${source}`);
  return out;
}

class Parser {
  at = 0;
  constructor(private readonly src: string) {}

  alternation(): Set<string> {
    const out = new Set<string>(this.sequence());
    while (this.src[this.at] === '|') {
      this.at++;
      for (const s of this.sequence()) out.add(s);
    }
    return out;
  }

  private sequence(): Set<string> {
    let out = new Set<string>(['']);
    while (this.at < this.src.length && this.src[this.at] !== '|' && this.src[this.at] !== ')') {
      const piece = this.quantified(this.atom());
      const next = new Set<string>();
      for (const a of out) for (const b of piece) next.add(a + b);
      out = next;
    }
    return out;
  }

  private atom(): Set<string> {
    const c = this.src[this.at]!;
    if (c === '(') return this.group();
    if (c === '[') return this.charClass();
    if (c === '\\') return this.escape();
    if (c === '^' || c === '$') { this.at++; return new Set(['']); }
    if (c === '.') throw new Error(`patternWords: '.' is not supported in ${this.src}`);
    this.at++;
    return new Set([c]);
  }

  private group(): Set<string> {
    this.at++; // (
    const rest = this.src.slice(this.at);
    const look = /^\?<?[=!]/.exec(rest);
    if (look) {
      // A look-around consumes nothing: skip to its closing parenthesis.
      this.at += look[0].length;
      this.skipGroup();
      return new Set(['']);
    }
    if (rest.startsWith('?:')) this.at += 2;
    else if (rest.startsWith('?<')) this.at = this.src.indexOf('>', this.at) + 1;
    const inner = this.alternation();
    if (this.src[this.at] !== ')') throw new Error(`patternWords: unclosed group in ${this.src}`);
    this.at++;
    return inner;
  }

  private skipGroup(): void {
    let depth = 1;
    while (this.at < this.src.length && depth > 0) {
      const c = this.src[this.at]!;
      if (c === '\\') this.at++;
      else if (c === '[') { while (this.at < this.src.length && this.src[this.at] !== ']') this.at += this.src[this.at] === '\\' ? 2 : 1; }
      else if (c === '(') depth++;
      else if (c === ')') depth--;
      this.at++;
    }
  }

  private charClass(): Set<string> {
    const end = this.src.indexOf(']', this.at + 1);
    const body = this.src.slice(this.at + 1, end).replace(/\\[sd]/g, '');
    if (end < 0 || /[A-Za-z\\]/.test(body)) throw new Error(`patternWords: class with letters in ${this.src}`);
    this.at = end + 1;
    return new Set([OTHER]);
  }

  private escape(): Set<string> {
    const c = this.src[this.at + 1]!;
    this.at += 2;
    if (c === 's' || c === 'd') return new Set([OTHER]);
    if (/[A-Za-z]/.test(c)) throw new Error(`patternWords: \\${c} is not supported in ${this.src}`);
    return new Set([c]);
  }

  private quantified(piece: Set<string>): Set<string> {
    const rest = this.src.slice(this.at);
    const q = /^(?:\?|\*|\+|\{(\d+)(?:,\d*)?\})\??/.exec(rest);
    if (!q) return piece;
    this.at += q[0].length;
    const optional = q[0][0] === '?' || q[0][0] === '*' || q[1] === '0';
    if (q[0][0] !== '?' && [...piece].some((s) => /[A-Za-z]/.test(s))) {
      throw new Error(`patternWords: repeated letters are not supported in ${this.src}`);
    }
    // A repeated stretch without letters adds no word: one copy stands for any number of them.
    return optional ? new Set([...piece, '']) : piece;
  }
}
