/**
 * Recognising clause headings in imported text: "Article 5", "ARTICLE 2bis", "[Article 3ter] (REDD-plus)",
 * "Section II", "Article 2.1: Import Licensing", "5.", "5.[2] Title", "AREAS OF COOPERATION", headings in a box
 * of asterisks.
 *
 * A heading is split into a label (the number as written, without brackets: "Article 3ter") and a title
 * ("REDD-plus"). Footnote markers ("[2]", "[^2]") are not part of either: a heading is an identity for the
 * reader and for alignment, and "Intellectual Property[3]" must match "Intellectual Property".
 */
import { INSERTED_ORDINAL } from '../../model/provisions.js';

export type HeadingKind = 'division' | 'clause' | 'preamble' | 'caps' | 'number' | 'plain';

export interface RecognisedHeading {
  kind: HeadingKind;
  label: string;
  title: string;
  /**
   * Nesting rank: divisions (Section, Part, Chapter) hold clauses (Article, Paragraph, numbers, capital titles).
   * A heading closes every open clause of the same or a greater rank.
   */
  rank: number;
  /** Footnote markers removed from the heading, so the caller can report them. */
  droppedMarkers: string[];
}

const SUFFIX = `(?:\\s?${INSERTED_ORDINAL})?`;
const NUMBER = `(?:\\d+(?:\\.\\d+)*[a-z]?|[IVXLC]+(?:\\.\\d+)*)${SUFFIX}`;
const DIVISION_WORDS = ['section', 'part', 'chapter'];
const KEYWORD_HEADING = new RegExp(
  `^\\[?\\s*((?:Article|Section|Paragraph|Part|Chapter)\\s+${NUMBER})\\s*\\]?` + // label, maybe bracketed
    `(?:$|\\s*[:.—–]\\s*(.*)$|\\s+-\\s+(.*)$|\\s*\\((.*)\\)\\s*$)`, // nothing, separator + title, or "(title)"
  'i',
);
/** A keyword label followed by a tab: "Article 5<tab>Stockpiles", as drafts typed in a word processor have it. */
const LABEL_THEN_TAB = new RegExp(`^(\\s*\\[?\\s*(?:Article|Section|Paragraph|Part|Chapter)\\s+${NUMBER}\\s*\\]?)[ ]*\\t[ \\t]*(?=\\S)`, 'i');

/** A provision's label and nothing else: "15.", "(a)", "iv)". */
export const LABEL_ONLY = /^(?:\(\s*(?:\d{1,3}|[a-z]{1,2}|[ivxlc]{1,6})\s*\)|[a-z]\)|\d{1,3}[.)])$/i;

/**
 * The tab between a heading's label and its title made the dash it stands for ("Article 5 — Stockpiles"):
 * collapsing whitespace would otherwise leave "Article 5 Stockpiles", whose label and title cannot be told
 * apart. Called before whitespace is collapsed (here and in plain-paragraphs.ts).
 */
export function separateLabelAtTab(line: string): string {
  return line.includes('\t') ? line.replace(LABEL_THEN_TAB, '$1 — ') : line;
}

/** "5." or "5.2" alone, or followed by a short title: the heading form of numbered drafts. */
const NUMBER_HEADING = /^(\d{1,3}(?:\.\d{1,3})*)\.?(?:\s+(.*))?$/;
const FOOTNOTE_MARKER = /\[\^?\d{1,3}\]/g;
const PREAMBLE = /^preamble$/i;

/** Strip Markdown emphasis markers and a box of asterisks: "**Article 5**", "* OBJECTIVE *". */
export function stripDecoration(text: string): string {
  let t = text.trim();
  for (;;) {
    const m = /^(\*{1,3}|_{1,3})(.*?)\1$/.exec(t);
    if (!m || !m[2]!.trim()) break;
    t = m[2]!.trim();
  }
  t = t.replace(/^\*+\s+|\s+\*+$/g, '').trim();
  return t;
}

function removeMarkers(text: string, dropped: string[]): string {
  return text.replace(FOOTNOTE_MARKER, (m) => {
    dropped.push(m);
    return '';
  });
}

function cleanTitle(raw: string | undefined): string {
  if (!raw) return '';
  // Markdown drafts write "*(definitions)*": the emphasis and the parentheses are punctuation of the heading.
  let t = raw.replace(/[*_]/g, '').trim();
  const paren = /^\((.*)\)$/.exec(t);
  if (paren) t = paren[1]!.trim();
  return t.replace(/\s+/g, ' ');
}

function looksLikeTitle(text: string): boolean {
  return text.length > 0 && text.length <= 120 && !/[.,;]$/.test(text) && /^[\p{Lu}\d("“[]/u.test(text);
}

/**
 * Recognise a heading by its form alone. `allowCaps` and `allowNumber` switch on the forms that are only
 * headings in context (the caller knows whether the text has begun its operative part, and whether the line
 * stands alone as a paragraph).
 */
export function recogniseHeading(
  line: string,
  options: { allowCaps?: boolean; allowNumber?: boolean; allowPlain?: boolean } = {},
): RecognisedHeading | null {
  const dropped: string[] = [];
  const text = removeMarkers(stripDecoration(separateLabelAtTab(line)), dropped).replace(/\s+/g, ' ').trim();
  if (!text) return null;
  if (PREAMBLE.test(text)) return { kind: 'preamble', label: '', title: text, rank: 1, droppedMarkers: dropped };
  const keyword = KEYWORD_HEADING.exec(text);
  // "Article 5" or "ARTICLE 5", not "paragraph 12." (the end of a sentence wrapped onto a line of its own).
  if (keyword && /^\[?\s*\p{Lu}/u.test(text)) {
    const title = cleanTitle(keyword[2] ?? keyword[3] ?? keyword[4]);
    // A parenthesised subject tag ("(definitions)") is a title whatever its case.
    if (title === '' || keyword[4] !== undefined || looksLikeTitle(title)) {
      const label = keyword[1]!.replace(/\s+/g, ' ');
      const division = DIVISION_WORDS.includes(label.split(' ')[0]!.toLowerCase());
      return { kind: division ? 'division' : 'clause', label, title, rank: division ? 1 : 2, droppedMarkers: dropped };
    }
  }
  const attachment = attachmentHeading(text, dropped, options);
  if (attachment) return attachment;
  const lettered = letteredHeading(text, dropped, options);
  if (lettered) return lettered;
  if (options.allowNumber) {
    const num = NUMBER_HEADING.exec(text);
    if (num) {
      const title = cleanTitle(num[2]);
      // A numbered heading's title is short; a numbered paragraph is a sentence.
      if (title === '' || (looksLikeTitle(title) && !title.endsWith(':') && title.split(' ').length <= 10 && isTitleCase(title))) {
        return { kind: 'number', label: num[1]!, title, rank: 2, droppedMarkers: dropped };
      }
    }
  }
  if (options.allowCaps && isCapitalTitle(text)) {
    return { kind: 'caps', label: '', title: text, rank: 2, droppedMarkers: dropped };
  }
  if (options.allowPlain) return { kind: 'plain', label: '', title: cleanTitle(text), rank: 2, droppedMarkers: dropped };
  return null;
}

/**
 * "A. Preamble", "D. [Mitigation", "E. [[Adaptation and loss and damage]": a capital letter and a short title,
 * the sections of a negotiating text (the UNFCCC's Geneva text of February 2015 brackets whole sections, and
 * glues footnote numbers to their titles: "[[Facilitating implementation and compliance9]"). A division: the
 * clauses below it are its own. "B. Each Party shall …" is a lettered paragraph, not a heading. A bracketed
 * title wherever the line stands (it also ends the paragraph before it); one in title case ("A. Areas of
 * Cooperation") only where the line stands alone (`allowNumber`), and one in capitals ("A. DRAFT AGREEMENT")
 * where capital titles are headings (`allowCaps`: not in a title block).
 */
function letteredHeading(text: string, dropped: string[], options: { allowCaps?: boolean; allowNumber?: boolean }): RecognisedHeading | null {
  const m = LETTERED_HEADING.exec(text);
  if (!m) return null;
  const bracketed = m[2]!.startsWith('[');
  let raw = m[2]!;
  // A footnote number glued to the end of a bracketed title: "[[Preamble]1", "[[… compliance9]".
  const glued = bracketed ? /(?<=[\p{L}\]])(\d{1,2})(\]?)$/u.exec(raw) : null;
  if (glued) {
    dropped.push(glued[1]!);
    raw = raw.slice(0, glued.index) + glued[2]!;
  }
  const title = raw.replace(/[[\]]/g, ' ').replace(/\s+/g, ' ').trim();
  // A bracketed title may run long (Geneva's section K has seventeen words); one in plain type is short.
  if (!title || title.split(' ').length > (bracketed ? 20 : 12) || /[.,;:]$/.test(title) || !/^\p{Lu}/u.test(title)) return null;
  if (!bracketed && !(options.allowCaps && isCapitalTitle(title)) && !(options.allowNumber && isTitleCase(title) && !isCapitalTitle(title))) return null;
  if (PREAMBLE.test(title)) return { kind: 'preamble', label: '', title, rank: 1, droppedMarkers: dropped };
  return { kind: 'division', label: m[1]!, title, rank: 1, droppedMarkers: dropped };
}

const LETTERED_HEADING = /^([A-Z])\.\s+(\[*\s*\p{Lu}.*)$/u;

/**
 * "ANNEX I", "Annex 2-A: Tariff Schedule of the United States", "APPENDIX B — CONTACT POINTS", "Schedule 1": an
 * attachment, a division like a Part (the paragraphs below it are its own; a title on the next line is read by the
 * caller as for "Article 5"). Stricter than an article's heading, since these words open many sentences that a
 * text wrapped at its width puts at the start of a line ("… as set out in Schedule 2 to" / "Annex I."): no
 * sentence's full stop after the number, no Markdown link ("[Annex I](…pdf)", how a page lists its annexes), the
 * word never in lower case ("annex I"), and the word not in capitals ("Annex I") with no title on its line only
 * where the caller knows the line stands alone (`allowCaps`, `allowNumber`).
 */
function attachmentHeading(text: string, dropped: string[], options: { allowCaps?: boolean; allowNumber?: boolean }): RecognisedHeading | null {
  const m = ATTACHMENT_HEADING.exec(text);
  if (!m) return null;
  const title = cleanTitle(m[3] ?? m[4]);
  if (title !== '' && !looksLikeTitle(title)) return null;
  const capitals = m[2] === m[2]!.toUpperCase();
  if (title === '' && !capitals && !options.allowCaps && !options.allowNumber) return null;
  return { kind: 'division', label: m[1]!.replace(/\s+/g, ' '), title, rank: 1, droppedMarkers: dropped };
}

/**
 * The word, capitalised or in capitals, then a number ("I", "2", "2-A", "3bis") or one capital letter ("Annex A"),
 * then the end, or a title after a colon or dash. Case matters (no "annex a").
 */
const ATTACHMENT_HEADING = new RegExp(
  `^((Annex|ANNEX|Appendix|APPENDIX|Schedule|SCHEDULE)\\s+(?:${NUMBER}(?:-[A-Z0-9]{1,3})?|[A-Z]))(?:$|\\s*[:—–]\\s*(.+)$|\\s+-\\s+(.+)$)`,
);

/** "Areas of Cooperation": most longer words capitalised, as titles are and sentences are not. */
function isTitleCase(text: string): boolean {
  if (/[─—–-]$/.test(text)) return false;
  const words = text.split(' ').filter((w) => w.length >= 4);
  return words.filter((w) => /^\p{Lu}/u.test(w)).length * 2 > words.length;
}

/** "AREAS OF COOPERATION": letters, all capitals, short, no sentence punctuation at the end. */
export function isCapitalTitle(text: string): boolean {
  return (
    text.length <= 100 &&
    /\p{Lu}.*\p{Lu}/u.test(text) &&
    !/\p{Ll}/u.test(text) &&
    !/[,;:]$/.test(text) &&
    !/^[([]/.test(text)
  );
}

/** Whether a single line could be the title line under a label-only heading ("Section I" / "Critical Minerals"). */
export function isTitleLine(text: string): boolean {
  const t = text.trim();
  return looksLikeTitle(t) && !/[:]$/.test(t) && t.split(/\s+/).length <= 14 && !/^\d+[.)]/.test(t);
}
