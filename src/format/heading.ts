/**
 * Clause headings: `Article 3bis — Title {#id .topic}`.
 *
 * The heading text carries the clause's number ("label") and title; the trailing Pandoc-style attribute block
 * carries its stable id and topic classes. Numbering is presentation, so the label is kept exactly as written.
 */
import { INSERTED_ORDINAL, LETTERED_DIVISIONS } from '../model/provisions.js';

export interface HeadingParts {
  label: string;
  title: string;
  id: string | null;
  topics: string[];
}

/** The em dash with spaces that separates label and title in canonical form. */
export const LABEL_TITLE_SEPARATOR = ' — ';

const ATTRIBUTES = /\s*\{#([^\s{}#.][^\s{}]*)((?:\s+\.[^\s{}.][^\s{}]*)*)\s*\}\s*$/;

/** A clause number: "2", "II", "4.1", "3-B" and "I-A" (an annex of a chapter, as US agreements number them), "2bis". */
const NUMBER = `(?:\\d+|[IVXLCDM]+)(?:[.\\-](?:\\d+|[IVXLCDM]+)|-[A-Z]{1,3})*(?:\\s?${INSERTED_ORDINAL})?[a-z]?`;
const KEYWORD = '(?:Article|Art\\.|Paragraph|Para\\.|Section|Part|Chapter|Title|Annex|Appendix|Schedule|Rule|Clause|Protocol|Recital)';
/** Divisions and attachments that are also lettered: "Annex A", "Appendix B", "Part C", "Section A" (CETA). */
const LETTERED_KEYWORD = `(?:${LETTERED_DIVISIONS.join('|')})`;
/**
 * A label is a keyword and a number ("Article 2bis", "SECTION II", "Section I.2"), a lettered division or
 * attachment ("Annex A": one capital letter, checked in parseHeadingText since the pattern ignores case) or a bare
 * arabic number ("5", "4.1"). Bare roman numerals are not labels on their own: too many titles begin with "I".
 */
const LABEL = new RegExp(`^(?:${KEYWORD}\\s+${NUMBER}|${LETTERED_KEYWORD}\\s+([A-Z])|\\d+(?:\\.\\d+)*(?:\\s?${INSERTED_ORDINAL})?)(?=$|\\s|[.:—–-])`, 'i');

const SEPARATOR = /^(?:\s*[—–:]\s*|\.\s+|\s+-\s+|\s+)/;

/** Split heading text (as plain text) into label, title, id and topics. */
export function parseHeadingText(text: string): HeadingParts {
  let rest = text.trim();
  let id: string | null = null;
  let topics: string[] = [];
  const attrs = ATTRIBUTES.exec(rest);
  if (attrs) {
    id = attrs[1]!;
    topics = attrs[2]!.split(/\s+/).filter(Boolean).map((t) => t.slice(1));
    rest = rest.slice(0, attrs.index).trim();
  }
  const label = LABEL.exec(rest);
  // A lettered label's letter is a capital as written ("Part a" is no label).
  if (!label || (label[1] !== undefined && label[1] !== label[1].toUpperCase())) return { label: '', title: rest, id, topics };
  let title = rest.slice(label[0].length);
  const sep = SEPARATOR.exec(title);
  if (sep) title = title.slice(sep[0].length);
  // "5." alone: the dot belongs to the number's punctuation, not to a title.
  if (title === '.') title = '';
  return { label: label[0], title: title.trim(), id, topics };
}

/** The heading text without attributes, as written in canonical form. */
export function headingText(label: string, title: string): string {
  if (label && title) return label + LABEL_TITLE_SEPARATOR + title;
  return label || title;
}

/** The attribute block `{#id .topic}` (with a leading space), or '' when there is no id. */
export function headingAttributes(id: string, topics: readonly string[]): string {
  if (!id) return '';
  return ' {#' + id + topics.map((t) => ' .' + t).join('') + '}';
}

/** Whether a string can be written as an id or topic in the attribute block. */
export function isValidIdentifier(value: string): boolean {
  return /^[^\s{}#.][^\s{}]*$/.test(value);
}
