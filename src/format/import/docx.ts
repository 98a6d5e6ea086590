/**
 * Word documents (.docx) → the text the draft importers read.
 *
 *   wordDocumentText(bytes)  →  { text, format: 'markdown' | 'text' }   (throws WordDocumentError)
 *
 * Drafts arrive from the other side as Word documents. What the importers need from one is its paragraphs in
 * order, each with what Word shows in front of it: automatic numbering ("Article 3", "1.", "(a)") is not in the
 * text of a paragraph but computed from numbering.xml, and a draft's paragraph numbers are half of what the
 * comparison aligns on, so they are computed here as Word would show them. Headings are read from the
 * paragraph's outline level (Heading 1…9 styles, or an outline level set directly):
 *   - with headings, the text is loose Markdown (`## Article 3 — Stockpiles`, paragraphs escaped, numbered
 *     paragraphs as list items with their points inside, as Parley drafts are written);
 *   - without (articles typed as plain paragraphs, the common case), plain text, for the plain-text importer's
 *     recognition of "Article 5", "SECTION II" and the like.
 * Tracked changes are read as the document would stand with them accepted (insertions in, deletions out, a
 * paragraph whose mark was deleted joined to the next): an incoming draft with changes marked is the other
 * side's proposal. Italic and bold (direct, or by a character style) are marked in a paragraph's text where they
 * change, and handed over beside the plain text (`styled`) for word-run-styles.ts to give back to the imported
 * draft; headings and footnotes are read plain. Footnotes come as the text importers take them: a mark where
 * the reference stands and the notes at the end ("Footnotes"). Field codes, deleted and hidden text, drawings and text boxes, endnotes,
 * comments and the placeholder text of empty content controls are left out; the comments are counted, for the
 * reader to be told of them (`comments`: the other side's remarks on its text are often positions).
 *
 * The archive is read with fflate and the XML with saxes (into a small tree of its own: a DOM library took a
 * second over the 5 MB document.xml of a 2,000-article treaty); this module touches no disk.
 */
import { unzipSync } from 'fflate';
import { SaxesParser, type SaxesAttributeNS } from 'saxes';
import { STYLE_BOLD, STYLE_ITALIC, STYLE_MARKS, styleMark } from './word-run-styles.js';
import { isTwoColumnSchedule, pipeTableMarkdown, pipeTableText } from '../../model/pipe-table.js';

/** A .docx that cannot be read; the message is a sentence for the user (the caller adds the file name). */
export class WordDocumentError extends Error {
  override readonly name = 'WordDocumentError';
}

/** Whether bytes are a ZIP archive (a .docx is one): the local file header's signature "PK\3\4". */
export function isZipArchive(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** WordprocessingML's namespace, as Transitional (what Word writes) and Strict OOXML name it. */
const W = new Set(['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main']);
const DOCUMENT = 'word/document.xml';
const NUMBERING = 'word/numbering.xml';
const STYLES = 'word/styles.xml';
const FOOTNOTES = 'word/footnotes.xml';
const COMMENTS = 'word/comments.xml';
/** Past this, a part is not a draft's (a 2,000-article treaty's document.xml is some 5 MB): a ZIP bomb. */
const MAX_PART_BYTES = 256 * 1024 * 1024;

/**
 * `paragraphs`: for each paragraph of the text (blank-line separated, in order), its number among all the
 * document's paragraphs, empty ones included, as a reader counts them in Word (a footnote's, the paragraph that
 * refers to it).
 */
export function wordDocumentText(source: Uint8Array | UnpackedWordDocument, options: WordReadOptions = {}): { text: string; format: 'markdown' | 'text'; paragraphs: number[]; tracked: TrackedChanges; comments: WordComment[]; styled: string[] } {
  const read = readDocument(source instanceof UnpackedWordDocument ? source : unpackWordDocument(source), options);
  const { notes, tracked, comments } = read;
  // The paragraphs with italic or bold, as the importers read them but for the style marks (footnote
  // references as the text below writes them): what applyRunStyles gives back to the imported draft. The text
  // itself is plain. A paragraph that reads the same as a styled one without being styled comes too, in its
  // place, so that each of the two is matched in its turn (the plain one is given nothing).
  const hasHeadings = read.paragraphs.some((p) => p.heading > 0);
  // (A heading may hold marks too: the text of a paragraph joined to it by a deleted paragraph mark.)
  const marked = read.paragraphs.some((p) => p.text.search(STYLE_MARKS) >= 0);
  const lines = marked ? read.paragraphs.filter((p) => p.heading === 0).map((p) => withNoteMarks(line(p), (n) => (hasHeadings ? `[^${n}]` : `[${n}]`))) : [];
  const isStyled = (l: string) => l.search(STYLE_MARKS) >= 0;
  const styledTexts = new Set(lines.filter(isStyled).map((l) => l.replace(STYLE_MARKS, '')));
  const styled = styledTexts.size === 0 ? [] : lines.filter((l) => isStyled(l) || styledTexts.has(l));
  const paragraphs = marked ? read.paragraphs.map((p) => ({ ...p, text: p.text.replace(STYLE_MARKS, '') })) : read.paragraphs;
  const numbers = [...paragraphs.map((p) => p.index), ...(notes.length && !hasHeadings ? [notes[0]!.paragraph] : []), ...notes.map((n) => n.paragraph)];
  const text = hasHeadings ? asMarkdown(paragraphs, notes) : asPlainText(paragraphs, notes);
  return { text, format: hasHeadings ? 'markdown' : 'text', paragraphs: numbers, tracked, comments, styled };
}

/**
 * The tracked changes of a document's body, as a reader is told of them: how many (each insertion, deletion,
 * move, paragraph mark and property change), by whom, and the document paragraph of the first (0: none).
 */
export interface TrackedChanges {
  count: number;
  authors: string[];
  firstParagraph: number;
}

/**
 * One comment on the text read (Word's margin comments; a reply is a comment too), which the text leaves out: its
 * author, its text (its paragraphs joined by a space) and the document paragraph it is on. wordDocumentText lists
 * them in the order their references stand.
 */
export interface WordComment {
  author: string;
  text: string;
  paragraph: number;
}

/**
 * The paragraphs of a Word document in reading order, each with the number Word shows in front of it; a
 * footnote reference reads "[1]", numbered in order as Word numbers them.
 */
export function wordParagraphs(bytes: Uint8Array): WordParagraph[] {
  return readDocument(unpackWordDocument(bytes)).paragraphs.map((p) => ({ ...p, text: withNoteMarks(p.text.replace(STYLE_MARKS, ''), (n) => `[${n}]`) }));
}

export interface WordReadOptions {
  /**
   * Tracked changes: 'accepted' (default) reads the document as it would stand with them accepted, the other
   * side's proposal; 'original' as it stood before them (insertions out, deletions in), so that the two can
   * be compared (`parley diff --tracked`).
   */
  changes?: 'accepted' | 'original';
}

/** A footnote as the importers take it: its text, and the document paragraph that refers to it. */
interface Note {
  text: string;
  paragraph: number;
}

/**
 * A Word document unpacked and its XML parsed (the bulk of reading one), to be read as text once or in both
 * views of its tracked changes (`parley diff --tracked`) without unpacking it twice.
 */
export class UnpackedWordDocument {
  /** @internal Use unpackWordDocument. */
  constructor(readonly parts: ReadonlyMap<string, XmlElement>) {}
}

/** Unpack and parse a .docx; throws WordDocumentError for a damaged archive, bad XML or a ZIP that is no Word document. */
export function unpackWordDocument(bytes: Uint8Array): UnpackedWordDocument {
  const parts = readParts(bytes);
  if (!parts.has(DOCUMENT)) throw new WordDocumentError('it is a ZIP archive but not a Word document (it has no word/document.xml). Save it as .docx, or as plain text.');
  return new UnpackedWordDocument(parts);
}

function readDocument({ parts }: UnpackedWordDocument, options: WordReadOptions = {}): { paragraphs: WordParagraph[]; notes: Note[]; tracked: TrackedChanges; comments: WordComment[] } {
  const document = parts.get(DOCUMENT)!;
  const styles = new Styles(parts.get(STYLES));
  // Fresh for each reading: it counts the numbers as the paragraphs are read.
  const numbering = new Numbering(parts.get(NUMBERING));
  const body = document.children.find((e) => e.local === 'body' && W.has(e.uri));
  const paragraphs: WordParagraph[] = [];
  const context: Reading = { styles, numbering, count: 0, references: [], original: options.changes === 'original', carried: null, placeholders: 0, tracked: { count: 0, authors: new Set(), firstParagraph: 0 },
    comments: { byId: commentsById(parts.get(COMMENTS), options.changes === 'original'), items: [] } };
  if (body) collectBody(body, context, paragraphs);
  // The footnotes referred to, in the order of reference: Word numbers them so.
  const footnotes = footnoteTexts(parts.get(FOOTNOTES), context.original);
  const notes = context.references.map((r) => ({ text: footnotes.get(r.id) ?? '', paragraph: r.paragraph }));
  const { count, authors, firstParagraph } = context.tracked;
  return { paragraphs, notes, tracked: { count, authors: [...authors], firstParagraph }, comments: context.comments.items };
}

/** Each comment's author and text by the comment's id (comments.xml); an empty map for a document without comments. */
function commentsById(doc: XmlElement | undefined, original: boolean): Map<string, { author: string; text: string }> {
  const out = new Map<string, { author: string; text: string }>();
  for (const comment of doc?.children ?? []) {
    const id = attr(comment, 'id');
    if (comment.local !== 'comment' || id === null) continue;
    out.set(id, { author: attr(comment, 'author') ?? '', text: joinedParagraphs(comment, original) });
  }
  return out;
}

/** The text of a footnote or a comment: its paragraphs (at any depth), each read plain, joined by a space. */
function joinedParagraphs(container: XmlElement, original: boolean): string {
  const texts: string[] = [];
  const collect = (element: XmlElement): void => {
    for (const c of element.children) {
      if (c.local === 'p' && W.has(c.uri)) texts.push(runText(c, true, null, original));
      else if (!SKIPPED.has(c.local)) collect(c);
    }
  };
  collect(container);
  return texts.map((t) => t.trim()).filter(Boolean).join(' ');
}

/** Each footnote's text by id (the separators Word keeps among them left out), its paragraphs joined. */
function footnoteTexts(doc: XmlElement | undefined, original: boolean): Map<string, string> {
  const out = new Map<string, string>();
  for (const note of doc?.children ?? []) {
    const type = attr(note, 'type');
    const id = attr(note, 'id');
    if (note.local !== 'footnote' || id === null || (type !== null && type !== 'normal')) continue;
    out.set(id, joinedParagraphs(note, original));
  }
  return out;
}

/** Where a footnote is referred to in the text while reading: private-use marks around its number. */
const NOTE_MARK = /\uE000(\d+)\uE001/g;

function withNoteMarks(text: string, mark: (n: number) => string): string {
  return text.replace(NOTE_MARK, (_, n: string) => mark(Number(n)));
}

function readParts(bytes: Uint8Array): Map<string, XmlElement> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (file.name !== DOCUMENT && file.name !== NUMBERING && file.name !== STYLES && file.name !== FOOTNOTES && file.name !== COMMENTS) return false;
        if (file.originalSize > MAX_PART_BYTES) throw new WordDocumentError(`its ${file.name} unpacks to ${(file.originalSize / 1024 / 1024).toFixed(0)} MB, more than any draft; is this the right file?`);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof WordDocumentError) throw error;
    throw new WordDocumentError(`it looks like a Word document (a ZIP archive) but cannot be unpacked (${error instanceof Error ? error.message : String(error)}); it may be damaged or cut short.`);
  }
  const parts = new Map<string, XmlElement>();
  for (const [name, data] of Object.entries(files)) {
    try {
      parts.set(name, parseXml(new TextDecoder('utf-8').decode(data)));
    } catch (error) {
      if (error instanceof TooDeep) throw new WordDocumentError(`its ${name} nests elements more than ${MAX_DEPTH} deep, as no Word document does; it may be damaged.`);
      throw new WordDocumentError(`its ${name} is not well-formed XML (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); the document may be damaged.`);
    }
  }
  return parts;
}

export interface WordParagraph {
  /** 0 for body text; 1 for a title, 2… for Heading 1… (the Markdown depth). */
  heading: number;
  /** What Word shows in front of the paragraph by automatic numbering ("Article 3", "1."), or ''. */
  number: string;
  /** What follows the number: Word's tab, a space or nothing. */
  suffix: '\t' | ' ' | '';
  /** The Word list (numId) and level (0 outermost) the number comes from; '' and -1 when not numbered. */
  list: string;
  level: number;
  text: string;
  /** Its number among the document's paragraphs (from 1), empty ones included. */
  index: number;
  /** For a data table read as one paragraph (readDataTable): its cells' texts, row by row; `text` is its pipe table. */
  rows?: string[][];
}

// --- XML --------------------------------------------------------------------------------------------------

/** An element as this module reads it: local name and namespace, WordprocessingML attributes, text. */
interface XmlElement {
  local: string;
  uri: string;
  /** Attributes as saxes gives them (by qualified name); read through attr(), by local name. */
  attrs: Record<string, SaxesAttributeNS>;
  children: XmlElement[];
  /** Character data directly inside the element (the text of a w:t). */
  text: string;
}

/** Deeper than tables in tables in content controls ever go in a real document (Word itself stops far sooner). */
const MAX_DEPTH = 256;

class TooDeep extends Error {}

/** The document element of an XML text; throws on XML that is not well-formed, TooDeep past MAX_DEPTH. */
function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const root: XmlElement = { local: '', uri: '', attrs: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  // Tens of thousands of elements in a long treaty: each keeps saxes' own attribute record rather than a copy.
  parser.on('opentag', (tag) => {
    // The tree is read by recursion; nesting this deep is no document's (a damaged or crafted one).
    if (stack.length > MAX_DEPTH) throw new TooDeep();
    const element: XmlElement = { local: tag.local, uri: tag.uri, attrs: tag.attributes as Record<string, SaxesAttributeNS>, children: [], text: '' };
    stack[stack.length - 1]!.children.push(element);
    stack.push(element);
  });
  parser.on('closetag', () => { stack.pop(); });
  parser.on('text', (text) => { stack[stack.length - 1]!.text += text; });
  parser.on('cdata', (text) => { stack[stack.length - 1]!.text += text; });
  parser.on('error', (error) => { throw error; });
  parser.write(xml).close();
  const document = root.children[0];
  if (!document) throw new Error('there is no document element');
  return document;
}

function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.local === name && W.has(c.uri));
}

/** A w: attribute (w:val, w:ilvl…), or an unprefixed one of that name. */
function attr(element: XmlElement | undefined, name: string): string | null {
  if (!element) return null;
  for (const key in element.attrs) {
    const a = element.attrs[key]!;
    if (a.local === name && (a.prefix === '' || W.has(a.uri))) return a.value;
  }
  return null;
}

/** A switch element (`<w:vanish/>`, `<w:isLgl/>`): on when present, unless its w:val turns it off. */
function isOn(element: XmlElement | undefined): boolean {
  const value = attr(element, 'val');
  return element !== undefined && value !== '0' && value !== 'false' && value !== 'off';
}

/** A switch of run properties (`i`, `b`) as set there: true, false (`w:val="0"`), or null when absent. */
function switchOf(rPr: XmlElement | undefined, name: string): boolean | null {
  const element = rPr && child(rPr, name);
  return element ? isOn(element) : null;
}

/** A w:val read as a whole number, or null. */
function intVal(element: XmlElement | undefined): number | null {
  const value = attr(element, 'val');
  return value !== null && /^-?\d+$/.test(value) ? Number(value) : null;
}

// --- Styles ----------------------------------------------------------------------------------------------------

interface StyleFacts {
  basedOn: string | null;
  /** Outline level 0–8 (Heading 1 is 0), or null. */
  outline: number | null;
  isTitle: boolean;
  numId: string | null;
  ilvl: number | null;
  /** Italic and bold set by the style for its paragraphs' text (null: not set by it). */
  italic: boolean | null;
  bold: boolean | null;
}

/** A character style's italic and bold (null: not set by it), and the style it is based on. */
interface CharacterStyle {
  basedOn: string | null;
  italic: boolean | null;
  bold: boolean | null;
}

/**
 * Paragraph styles: the outline level, numbering, italic and bold a paragraph inherits from its style and the
 * styles it is based on. Character styles: the italic and bold of a run styled "Emphasis" or "Strong".
 */
class Styles {
  private readonly byId = new Map<string, StyleFacts>();
  private readonly characters = new Map<string, CharacterStyle>();
  private defaultId: string | null = null;

  constructor(doc: XmlElement | undefined) {
    if (!doc) return;
    for (const style of doc.children) {
      if (style.local === 'style' && attr(style, 'type') === 'character') {
        const id = attr(style, 'styleId');
        const rPr = child(style, 'rPr');
        if (id) this.characters.set(id, { basedOn: attr(child(style, 'basedOn'), 'val'), italic: switchOf(rPr, 'i'), bold: switchOf(rPr, 'b') });
        continue;
      }
      if (style.local !== 'style' || attr(style, 'type') !== 'paragraph') continue;
      const id = attr(style, 'styleId');
      if (!id) continue;
      if (attr(style, 'default') === '1' || attr(style, 'default') === 'true') this.defaultId = id;
      const name = (attr(child(style, 'name'), 'val') ?? id).toLowerCase();
      const pPr = child(style, 'pPr');
      const numPr = pPr && child(pPr, 'numPr');
      const named = /^heading\s*(\d)$/.exec(name);
      const rPr = child(style, 'rPr');
      this.byId.set(id, {
        basedOn: attr(child(style, 'basedOn'), 'val'),
        outline: intVal(pPr && child(pPr, 'outlineLvl')) ?? (named ? Number(named[1]) - 1 : null),
        isTitle: name === 'title',
        numId: attr(numPr && child(numPr, 'numId'), 'val'),
        ilvl: intVal(numPr && child(numPr, 'ilvl')),
        italic: switchOf(rPr, 'i'),
        bold: switchOf(rPr, 'b'),
      });
    }
  }

  /** A fact of the style, or of the first style up its basedOn chain that sets it. */
  private inherited<K extends keyof StyleFacts>(id: string | null, key: K): StyleFacts[K] | null {
    const seen = new Set<string>();
    for (let at = id ?? this.defaultId; at && !seen.has(at); at = this.byId.get(at)?.basedOn ?? null) {
      seen.add(at);
      const value = this.byId.get(at)?.[key];
      if (value !== null && value !== undefined && value !== false) return value;
    }
    return null;
  }

  /** Italic or bold as a character style sets it, or the first style up its basedOn chain that does (null: none). */
  characterSwitch(id: string, key: 'italic' | 'bold'): boolean | null {
    const seen = new Set<string>();
    for (let at: string | null = id; at && !seen.has(at); at = this.characters.get(at)?.basedOn ?? null) {
      seen.add(at);
      const value = this.characters.get(at)?.[key];
      if (value !== null && value !== undefined) return value;
    }
    return null;
  }

  /**
   * Italic or bold as a paragraph style sets it for its text ("Quote" in Word's own styles is italic), or the
   * first style up its basedOn chain that does; the default paragraph style for a paragraph without one.
   */
  paragraphSwitch(id: string | null, key: 'italic' | 'bold'): boolean {
    const seen = new Set<string>();
    for (let at = id ?? this.defaultId; at && !seen.has(at); at = this.byId.get(at)?.basedOn ?? null) {
      seen.add(at);
      const value = this.byId.get(at)?.[key];
      if (value !== null && value !== undefined) return value;
    }
    return false;
  }

  outline(id: string | null): number | null { return this.inherited(id, 'outline'); }
  isTitle(id: string | null): boolean { return this.inherited(id, 'isTitle') === true; }
  numbering(id: string | null): { numId: string | null; ilvl: number | null } {
    return { numId: this.inherited(id, 'numId'), ilvl: this.inherited(id, 'ilvl') };
  }
}

// --- Numbering -------------------------------------------------------------------------------------------------

interface Level {
  start: number;
  format: string;
  /** "%1.", "Article %1", "%1.%2" — %n is level n's current number. */
  text: string;
  suffix: '\t' | ' ' | '';
  /** Number every level in decimal (legal numbering: "1.1.1" under a "I." heading). */
  legal: boolean;
}

/**
 * Automatic numbering as Word computes it (ECMA-376 §17.9): the running count belongs to the abstract definition,
 * so that every list (w:num) over one definition continues the same sequence, and a list that overrides a level's
 * start (w:lvlOverride/w:startOverride) restarts it there the first time it is used at that level. Numbering a
 * paragraph at one level restarts the levels below it.
 */
class Numbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly lists = new Map<string, { abstract: string; starts: Map<number, number> }>();
  /** Running counts per abstract definition, by level. */
  private readonly counters = new Map<string, number[]>();
  /** "numId:level" pairs already used: a start override applies on the first only. */
  private readonly used = new Set<string>();

  constructor(doc: XmlElement | undefined) {
    if (!doc) return;
    for (const element of doc.children) {
      if (element.local === 'abstractNum') {
        const levels = new Map<number, Level>();
        for (const lvl of element.children) {
          if (lvl.local !== 'lvl') continue;
          const suffix = attr(child(lvl, 'suff'), 'val');
          levels.set(Number(attr(lvl, 'ilvl') ?? 0), {
            start: intVal(child(lvl, 'start')) ?? 1,
            format: attr(child(lvl, 'numFmt'), 'val') ?? 'decimal',
            text: attr(child(lvl, 'lvlText'), 'val') ?? '',
            suffix: suffix === 'space' ? ' ' : suffix === 'nothing' ? '' : '\t',
            legal: isOn(child(lvl, 'isLgl')),
          });
        }
        const id = attr(element, 'abstractNumId');
        if (id !== null) this.abstracts.set(id, levels);
      } else if (element.local === 'num') {
        const id = attr(element, 'numId');
        const abstract = attr(child(element, 'abstractNumId'), 'val');
        if (id === null || abstract === null) continue;
        const starts = new Map<number, number>();
        for (const override of element.children) {
          if (override.local !== 'lvlOverride') continue;
          const start = intVal(child(override, 'startOverride'));
          if (start !== null) starts.set(Number(attr(override, 'ilvl') ?? 0), start);
        }
        this.lists.set(id, { abstract, starts });
      }
    }
  }

  /** The number shown in front of the next paragraph of list `numId` at level `ilvl`, counted. */
  next(numId: string, ilvl: number): { number: string; suffix: Level['suffix'] } | null {
    const list = this.lists.get(numId);
    const levels = list && this.abstracts.get(list.abstract);
    const level = levels?.get(ilvl);
    if (!list || !levels || !level) return null;
    const startOf = (k: number) => levels.get(k)?.start ?? 1;
    let counts = this.counters.get(list.abstract);
    if (!counts) this.counters.set(list.abstract, (counts = []));
    const override = list.starts.get(ilvl);
    const first = !this.used.has(`${numId}:${ilvl}`);
    this.used.add(`${numId}:${ilvl}`);
    counts[ilvl] = first && override !== undefined ? override : counts[ilvl] === undefined ? startOf(ilvl) : counts[ilvl]! + 1;
    // Levels below restart; levels above not yet used count from their start.
    counts.length = ilvl + 1;
    for (let k = 0; k < ilvl; k++) if (counts[k] === undefined) counts[k] = startOf(k);
    if (level.format === 'bullet' || level.format === 'none') return { number: '', suffix: '' };
    const number = level.text.replace(/%(\d)/g, (_, n: string) => {
      const k = Number(n) - 1;
      const format = k === ilvl || !level.legal ? levels.get(k)?.format ?? 'decimal' : 'decimal';
      return formatNumber(counts![k] ?? startOf(k), format);
    });
    return { number, suffix: level.suffix };
  }
}

function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'lowerLetter': return letters(n);
    case 'upperLetter': return letters(n).toUpperCase();
    case 'lowerRoman': return roman(n).toLowerCase();
    case 'upperRoman': return roman(n);
    case 'decimalZero': return n < 10 ? `0${n}` : String(n);
    default: return String(n);
  }
}

/**
 * Word's letters: a…z, then aa…zz, aaa… (the letter repeated, not a base-26 count). Only up to the largest number
 * Word lets a list reach (32,767: some 1,260 letters); past it, digits, as Roman numerals past 3,999. A document
 * of a few kilobytes whose list starts at 1,000,000,000 in letters would otherwise read as 38 million letters.
 */
function letters(n: number): string {
  if (n < 1 || n > MAX_WORD_NUMBER) return String(n);
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

/** The largest value of a Word list number (w:start and w:startOverride allow no more). */
const MAX_WORD_NUMBER = 32767;

function roman(n: number): string {
  if (n < 1 || n > 3999) return String(n);
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [value, numeral] of table) while (n >= value) { out += numeral; n -= value; }
  return out;
}

// --- The body --------------------------------------------------------------------------------------------------

/** Elements whose content is not part of the text as it reads (deleted, hidden, drawn, or markup). */
const SKIPPED = new Set(['del', 'moveFrom', 'pPr', 'rPr', 'sectPr', 'drawing', 'pict', 'object', 'AlternateContent', 'instrText', 'delText', 'delInstrText',
  'footnoteRef', 'endnoteReference', 'commentReference', 'annotationRef', 'fldChar', 'proofErr', 'bookmarkStart', 'bookmarkEnd', 'sym', 'lastRenderedPageBreak']);

/** What reading the body carries along: the document's styles and numbering, paragraphs seen, notes referred to. */
interface Reading {
  styles: Styles;
  numbering: Numbering;
  count: number;
  references: { id: string; paragraph: number }[];
  /** Tracked changes rejected: the document as it stood before them (WordReadOptions). */
  original: boolean;
  /**
   * The text of paragraphs whose mark is gone in the view read (a tracked deletion of the mark once accepted,
   * a tracked insertion of it before): it begins the next paragraph, which keeps its own properties, as
   * the paragraph mark carries them. `at` is the number of the paragraph the text began in.
   */
  carried: { text: string; at: number } | null;
  /** How many content controls showing their placeholder text the paragraphs being read are inside. */
  placeholders: number;
  /** The tracked changes met so far (TrackedChanges; authors as a set). */
  tracked: { count: number; authors: Set<string>; firstParagraph: number };
  /** The comments referred to so far in the text read, and each comment's author and text by id. */
  comments: { byId: ReadonlyMap<string, { author: string; text: string }>; items: WordComment[] };
}

/** Note a comment whose reference (w:commentReference) stands in paragraph `paragraph` of the text read. */
function noteComment(context: Reading, reference: XmlElement, paragraph: number): void {
  const comment = context.comments.byId.get(attr(reference, 'id') ?? '');
  context.comments.items.push({ author: comment?.author ?? '', text: comment?.text ?? '', paragraph });
}

/** Count a tracked change (an ins, del, move or property change element) met in paragraph `paragraph`. */
function noteTracked(context: Reading, change: XmlElement, paragraph: number): void {
  const tracked = context.tracked;
  tracked.count++;
  if (tracked.firstParagraph === 0) tracked.firstParagraph = paragraph;
  const author = attr(change, 'author');
  if (author) tracked.authors.add(author);
}

/** Tracked deletions and the place a move came from: text of the document before its changes. */
const TRACKED_OUT = new Set(['del', 'moveFrom']);
/** Tracked insertions and the place a move went to: text of the document with its changes. */
const TRACKED_IN = new Set(['ins', 'moveTo']);

function collectParagraphs(container: XmlElement, context: Reading, out: WordParagraph[]): void {
  for (const element of container.children) {
    if (element.local === 'p' && W.has(element.uri)) {
      const paragraph = readParagraph(element, context, ++context.count);
      if (paragraph) out.push(paragraph);
    } else if (element.local === 'tbl' && W.has(element.uri) && isDataTable(element) && context.carried === null && context.placeholders === 0) {
      const table = readDataTable(element, context);
      if (table) out.push(table);
    } else if (!SKIPPED.has(element.local)) {
      // Tables (each cell's paragraphs in turn), content controls, insertions. A content control showing its
      // placeholder ("Click or tap here to enter text.") holds no text of the document: its paragraphs count
      // but read empty.
      const placeholder = isPlaceholder(element);
      if (placeholder) context.placeholders++;
      collectParagraphs(element, context, out);
      if (placeholder) context.placeholders--;
    }
  }
}

/** The w: children of an element with a local name. */
function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.local === name && W.has(c.uri));
}

/** Marks that may stand anywhere between a table's parts and hold no text. */
const MARKERS = ['bookmarkStart', 'bookmarkEnd', 'commentRangeStart', 'commentRangeEnd', 'proofErr', 'permStart', 'permEnd'];
const TABLE_PARTS = new Set(['tblPr', 'tblGrid', 'tr', ...MARKERS]);
const ROW_PARTS = new Set(['trPr', 'tblPrEx', 'tc', ...MARKERS]);
const CELL_PARTS = new Set(['tcPr', 'p', ...MARKERS]);

/** Whether every child element of an element is one of `parts`. */
function onlyChildren(element: XmlElement, parts: ReadonlySet<string>): boolean {
  return element.children.every((c) => parts.has(c.local));
}

/**
 * Whether a table holds data (a tariff schedule, a list of minerals), to be read as a pipe table
 * (model/pipe-table.ts): each cell one paragraph at most and no table inside, and a header row repeated on each
 * page (w:tblHeader) or at least three columns and three rows, or two columns of a schedule (isTwoColumnSchedule:
 * a figure in the second column of every row but the first). Any other table (a signature block laid out in
 * columns, a page laid out in a table) is read as its paragraphs, cell by cell.
 */
function isDataTable(table: XmlElement): boolean {
  // Rows, cells and paragraphs wrapped in anything else (a content control repeating rows, custom XML) are read
  // as before, element by element: nothing of them may be missed here.
  if (!onlyChildren(table, TABLE_PARTS)) return false;
  const rows = childrenNamed(table, 'tr');
  if (rows.length < 2) return false;
  let columns = 0;
  for (const row of rows) {
    if (!onlyChildren(row, ROW_PARTS)) return false;
    const cells = childrenNamed(row, 'tc');
    columns = Math.max(columns, cells.length);
    for (const cell of cells) {
      if (!onlyChildren(cell, CELL_PARTS) || childrenNamed(cell, 'p').length > 1) return false;
    }
  }
  const rowProperties = child(rows[0]!, 'trPr');
  const header = rowProperties !== undefined && isOn(child(rowProperties, 'tblHeader'));
  if (columns >= 2 && (header || (columns >= 3 && rows.length >= 3))) return true;
  // Two columns: a schedule by its figures, not a signature block (the cells' text, roughly: enough to tell).
  return columns === 2 && isTwoColumnSchedule(rows.map((row) => childrenNamed(row, 'tc').map((cell) => roughText(cell).replace(/\s+/g, ' ').trim())));
}

/** The text of the w:t elements inside an element, in order: what it reads, tracked deletions aside. */
function roughText(element: XmlElement): string {
  if (element.local === 't' && W.has(element.uri)) return element.text;
  return element.children.map(roughText).join('');
}

/**
 * A data table as one paragraph, its rows as the lines of a pipe table; each cell's paragraph is read as any
 * other (numbering, tracked changes), its italic and bold not kept. Null if no cell has text.
 */
function readDataTable(table: XmlElement, context: Reading): WordParagraph | null {
  const rows: string[][] = [];
  let first = 0;
  for (const row of childrenNamed(table, 'tr')) {
    const cells: string[] = [];
    for (const cell of childrenNamed(row, 'tc')) {
      const p = childrenNamed(cell, 'p')[0];
      const index = p ? ++context.count : 0;
      if (first === 0) first = index;
      const paragraph = p ? readParagraph(p, context, index) : null;
      cells.push(paragraph ? line(paragraph).replace(STYLE_MARKS, '').replace(/\s+/g, ' ').trim() : '');
      // A cell spanning grid columns (w:gridSpan) is followed by empty ones, so that the columns stay in line.
      const properties = child(cell, 'tcPr');
      const spanned = intVal(properties && child(properties, 'gridSpan')) ?? 1;
      for (let k = 1; k < Math.min(spanned, 64); k++) cells.push('');
    }
    // A row with no text (one deleted by a tracked change, once accepted) is no row of the table.
    if (cells.some((c) => c !== '')) rows.push(cells);
  }
  if (rows.length === 0) return null;
  return { heading: 0, number: '', suffix: '', list: '', level: -1, text: pipeTableText(rows), index: first, rows };
}

/** Whether an element is a content control showing its placeholder text instead of any of its own. */
function isPlaceholder(element: XmlElement): boolean {
  if (element.local !== 'sdt') return false;
  const properties = child(element, 'sdtPr');
  return isOn(properties && child(properties, 'showingPlcHdr'));
}

/** The body's paragraphs, the text of a last paragraph whose mark is gone kept as a paragraph of its own. */
function collectBody(body: XmlElement, context: Reading, out: WordParagraph[]): void {
  collectParagraphs(body, context, out);
  const rest = context.carried;
  if (rest && rest.text.trim()) out.push({ heading: 0, number: '', suffix: '', list: '', level: -1, text: rest.text.replace(/[ \u00a0]+$/g, ''), index: rest.at });
  context.carried = null;
}

function readParagraph(p: XmlElement, context: Reading, index: number): WordParagraph | null {
  const { styles, numbering } = context;
  const ownPr = child(p, 'pPr');
  // Before its tracked changes, a paragraph has the properties its tracked property change recorded (a
  // style, a heading level or numbering given or taken away).
  const pPr = context.original ? previousProperties(ownPr) ?? ownPr : ownPr;
  const styleId = attr(pPr && child(pPr, 'pStyle'), 'val');
  const outline = intVal(pPr && child(pPr, 'outlineLvl')) ?? styles.outline(styleId);
  const heading = styles.isTitle(styleId) ? 1 : outline !== null && outline >= 0 && outline <= 8 ? Math.min(6, outline + 2) : 0;
  const carried = context.carried;
  context.carried = null;
  const marks: StyleMarks | null = heading > 0 ? null
    : { styles, current: 0, paragraph: (styles.paragraphSwitch(styleId, 'italic') ? STYLE_ITALIC : 0) | (styles.paragraphSwitch(styleId, 'bold') ? STYLE_BOLD : 0) };
  let own = context.placeholders > 0 ? '' : runText(p, heading > 0, { context, paragraph: carried?.at ?? index }, context.original, marks);
  // Every paragraph ends in plain text, so that one joined to the next (a deleted mark) does not lend it its style.
  if (marks && marks.current !== 0) own += styleMark(0);
  const whole = carried ? carried.text + own : own;
  // A paragraph whose mark is a tracked deletion joins the next one once accepted (its text begins that
  // paragraph, Word putting nothing between them), and one whose mark is a tracked insertion was joined to the
  // next before it: either way it is not a paragraph of its own, and takes no number.
  const markChange = ownPr && child(ownPr, 'rPr');
  for (const change of [markChange && child(markChange, 'ins'), markChange && child(markChange, 'del'), ownPr && child(ownPr, 'pPrChange')]) {
    if (change) noteTracked(context, change, index);
  }
  if (markChange !== undefined && child(markChange, context.original ? 'ins' : 'del') !== undefined) {
    context.carried = { text: whole, at: carried?.at ?? index };
    return null;
  }
  if (carried) index = carried.at;
  // Spaces at the end are no text; nor is a style mark there, which styles nothing.
  const text = whole.replace(/[ \u00a0\uE010-\uE013]+$/g, '');
  // Numbering: the paragraph's own, else its style's (numId 0 switches numbering off).
  const numPr = pPr && child(pPr, 'numPr');
  const fromStyle = styles.numbering(styleId);
  const numId = attr(numPr && child(numPr, 'numId'), 'val') ?? fromStyle.numId;
  // The level: the paragraph's own, else its style's, else the first (as LibreOffice reads a style that names
  // the list alone; Word writes the level into a style numbered at any other).
  const ilvl = intVal(numPr && child(numPr, 'ilvl')) ?? fromStyle.ilvl ?? 0;
  // An empty numbered paragraph still takes its number in Word, so the count goes on before it is dropped.
  const shown = numId && numId !== '0' ? numbering.next(numId, ilvl) : null;
  if (!text.replace(STYLE_MARKS, '').trim()) return null;
  return { heading, number: shown?.number ?? '', suffix: shown?.suffix ?? '', list: shown ? numId! : '', level: shown ? ilvl : -1, text, index };
}

/**
 * The text of a paragraph's runs, in order, as it reads with tracked changes accepted. A footnote reference
 * (`notes`: where to record it; null inside a footnote) becomes a mark the output turns into "[1]" or "[^1]".
 */
function runText(node: XmlElement, inHeading: boolean, notes: { context: Reading; paragraph: number } | null, original: boolean, marks: StyleMarks | null = null): string {
  let out = '';
  for (const element of node.children) {
    const name = element.local;
    // Tracked changes: what is read depends on whether they are taken as accepted or as not yet made.
    if (TRACKED_OUT.has(name)) {
      if (notes) noteTracked(notes.context, element, notes.paragraph);
      if (original) out += runText(element, inHeading, notes, original, marks);
      continue;
    }
    if (TRACKED_IN.has(name)) {
      if (notes) noteTracked(notes.context, element, notes.paragraph);
      if (!original) out += runText(element, inHeading, notes, original, marks);
      continue;
    }
    if (name === 'delText') {
      if (original) out += element.text;
      continue;
    }
    if (name === 'commentReference' && notes) noteComment(notes.context, element, notes.paragraph);
    if (SKIPPED.has(name)) continue;
    if (name === 'r' && isHidden(element)) continue;
    if (name === 'r' && marks) {
      // A run in a style of its own (italic, bold) opens with a mark of its style; one in the style before, without.
      const text = runText(element, inHeading, notes, original, marks);
      const rPr = child(element, 'rPr');
      const formatChange = rPr && child(rPr, 'rPrChange');
      // A tracked change of its formatting is one of the document's tracked changes, as a paragraph's is.
      if (formatChange && notes) noteTracked(notes.context, formatChange, notes.paragraph);
      // Before that change, the run had the formatting it recorded.
      const style = runStyle(original && formatChange ? child(formatChange, 'rPr') : rPr, marks.styles, marks.paragraph);
      if (text && style !== marks.current) {
        out += styleMark(style);
        marks.current = style;
      }
      out += text;
      continue;
    }
    switch (name) {
      case 't': out += element.text; break;
      case 'tab': case 'ptab': out += '\t'; break;
      case 'br': case 'cr': out += inHeading ? ' ' : '\n'; break;
      case 'noBreakHyphen': out += '-'; break;
      case 'softHyphen': break;
      case 'footnoteReference': {
        const id = attr(element, 'id');
        if (notes && id !== null) {
          notes.context.references.push({ id, paragraph: notes.paragraph });
          out += `\uE000${notes.context.references.length}\uE001`;
        }
        break;
      }
      default: if (!isPlaceholder(element)) out += runText(element, inHeading, notes, original, marks);
    }
  }
  return out;
}

/**
 * Italic and bold while reading a paragraph's runs: the style of the text read so far (STYLE_ITALIC,
 * STYLE_BOLD), marked in the text where it changes (styleMark) so that the importers' paragraphs can be given
 * it back (word-run-styles.ts). Null where styles are not read: headings (a title is plain text) and footnotes.
 */
interface StyleMarks {
  styles: Styles;
  current: number;
  /** The italic and bold the paragraph's style gives its runs (STYLE_ITALIC | STYLE_BOLD). */
  paragraph: number;
}

/**
 * A run's italic and bold from its properties `rPr`: its own (w:i, w:b; w:val="0" turns one off), else its
 * character style's ("Emphasis", "Strong"), else its paragraph style's (`paragraph`: a whole paragraph in
 * "Quote"). (Word toggles a style's italic against the style below it; read here, the nearest setting wins.)
 */
function runStyle(rPr: XmlElement | undefined, styles: Styles, paragraph: number): number {
  const styleId = attr(rPr && child(rPr, 'rStyle'), 'val');
  const on = (key: 'i' | 'b', name: 'italic' | 'bold') => switchOf(rPr, key) ?? (styleId ? styles.characterSwitch(styleId, name) : null)
    ?? (paragraph & (name === 'italic' ? STYLE_ITALIC : STYLE_BOLD)) !== 0;
  return (on('i', 'italic') ? STYLE_ITALIC : 0) | (on('b', 'bold') ? STYLE_BOLD : 0);
}

/** The properties a tracked property change (w:pPrChange) recorded as the paragraph's before it, if any. */
function previousProperties(pPr: XmlElement | undefined): XmlElement | undefined {
  const change = pPr && child(pPr, 'pPrChange');
  return change && child(change, 'pPr');
}

function isHidden(run: XmlElement): boolean {
  const rPr = child(run, 'rPr');
  return isOn(rPr && child(rPr, 'vanish'));
}

// --- Output ----------------------------------------------------------------------------------------------------

/**
 * The line of a paragraph with its number. In a heading, the tab Word puts after the number, or one typed
 * between number and title, separates label from title ("Article 3 — Stockpiles"), as the heading
 * recognition reads it.
 */
function line(p: WordParagraph): string {
  if (p.heading > 0) {
    const whole = p.number ? `${p.number}${p.suffix === '' ? '' : '\t'}${p.text}` : p.text;
    return whole.replace(/\s*\t\s*/g, ' — ').replace(/^ — | — $/g, '').replace(/\s+/g, ' ').trim();
  }
  // Word's tab after a number is spacing, as LibreOffice's text export writes it: one space.
  return p.number ? `${p.number}${p.suffix === '' ? '' : ' '}${p.text}` : p.text;
}

/** Plain text: footnote marks "[1]", the footnotes after a rule at the end, as the plain-text importer reads them. */
function asPlainText(paragraphs: readonly WordParagraph[], notes: readonly Note[]): string {
  const body = paragraphs.map((p) => withNoteMarks(line(p), (n) => `[${n}]`));
  const footnotes = notes.length ? ['-----', ...notes.map((note, k) => `[${k + 1}] ${note.text.replace(/\s+/g, ' ')}`)] : [];
  return [...body, ...footnotes].join('\n\n') + '\n';
}

/**
 * Loose Markdown: headings as ATX lines, the shallowest heading level of the document at `##` (the draft's
 * title, Word's Title style, at `#`), as Parley drafts nest clauses; paragraphs with Markdown's punctuation
 * escaped, so that Word's "*" or "_" stay text — but for a leading "1." or "1)", which is left to read as a
 * list item: a numbered paragraph is a provision, and the importer reads lists as such.
 */
function asMarkdown(paragraphs: readonly WordParagraph[], notes: readonly Note[]): string {
  const levels = paragraphs.filter((p) => p.heading > 1).map((p) => p.heading);
  const shift = levels.length ? Math.min(...levels) - 2 : 0;
  // The list item open for deeper levels of its list: points "(a)" under paragraph "2." are indented into
  // its item, as Parley drafts write them, so that "3." goes on the same list.
  let item: { list: string; indent: string } | null = null;
  return paragraphs.map((p) => {
    if (p.heading > 0) {
      item = null;
      const heading = withNoteMarks(line(p), (n) => `[^${n}]`);
      return p.heading === 1 ? `# ${heading}` : `${'#'.repeat(Math.min(6, p.heading - shift))} ${heading}`;
    }
    if (p.rows) {
      item = null;
      // Footnote marks after the escaping, as for a paragraph: "[^1]" must stay as written.
      return withNoteMarks(pipeTableMarkdown(p.rows), (n) => `[^${n}]`);
    }
    // Escaped first: the marks are private-use characters, and "[^1]" must stay as written.
    const text = withNoteMarks(escapeParagraph(line(p)), (n) => `[^${n}]`);
    const marker = /^\d{1,9}[.)] /.exec(text);
    if (marker && p.level === 0) {
      item = { list: p.list, indent: ' '.repeat(marker[0].length) };
      return text;
    }
    if (item && p.list === item.list && p.level > 0) return text.split('\n').map((l) => item!.indent + l).join('\n');
    item = null;
    return text;
  }).concat(notes.map((note, k) => `[^${k + 1}]: ${note.text.replace(/\s+/g, ' ')}`)).join('\n\n') + '\n';
}

/**
 * The characters that make inline syntax anywhere in a line (the set markdownBlocks' fast path looks for, so
 * that text without them, most of a draft, still takes it), and those that open a block at a line's start.
 */
const INLINE_SYNTAX = /[\\`*_<>[\]&!|#~]/g;
const BLOCK_OPENING = /^[-+>=]/;

function escapeParagraph(text: string): string {
  const listMarker = /^\d{1,9}[.)](?=[ \t])/.exec(text)?.[0] ?? '';
  const rest = text.slice(listMarker.length).replace(INLINE_SYNTAX, (c) => `\\${c}`);
  // Every line (a soft break starts one) without indentation, which would make code, and without a character
  // that would open a block of its own.
  return (listMarker + rest).split('\n').map((l, k) => {
    const line = l.replace(/^[ \t]+/, '');
    return (k > 0 || !listMarker) && BLOCK_OPENING.test(line) ? `\\${line}` : line;
  }).join('\n');
}
