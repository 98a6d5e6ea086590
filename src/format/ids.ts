/**
 * Generated clause ids for drafts that arrive without them (plain text, loose Markdown, Word).
 *
 * An id is a slug of the clause's label, or of its title when it has no label ("article-5",
 * "areas-of-cooperation"), prefixed by its parent's id when nested ("section-2-article-2-1"), and made unique
 * within the draft with "-2", "-3" in reading order. Same clauses in → same ids out: nothing random, nothing
 * that depends on time. Clauses that already have an id keep it (and reserve it).
 */
import type { Clause } from '../model/draft.js';

const MAX_SLUG = 48;

export function slugify(text: string): string {
  const slug = asciiSlug(text) ?? text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_SLUG) return slug;
  // Long titles: cut at a word boundary so the id stays readable.
  const cut = slug.slice(0, MAX_SLUG);
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : MAX_SLUG);
}

/**
 * The slug of an ASCII text by one loop, or null for any other text: the comparison asks for the slug of every
 * clause's label (to tell generated ids from authored ones), and labels are nearly always ASCII. Same result as
 * the regular expressions above, which NFKD and the accent strip leave untouched on ASCII.
 */
function asciiSlug(text: string): string | null {
  let out = '';
  let dash = false;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) >= 128) return null;
    const c = lowerAscii(text.charCodeAt(i));
    if (isAsciiAlnum(c)) {
      if (dash && out.length > 0) out += '-';
      dash = false;
      out += String.fromCharCode(c);
    } else dash = true;
  }
  return out;
}

/** The id a clause is given when it arrives without one, before "-2", "-3" make it unique. */
export function generatedIdBase(clause: Pick<Clause, 'label' | 'title'>, parentId: string): string {
  let base = slugify(clause.label || clause.title) || 'clause';
  if (!/^[a-z]/.test(base)) base = 'clause-' + base;
  return parentId ? parentId + '-' + base : base;
}

/** Whether an id is one this scheme would have generated (so it says nothing about a clause's identity). */
export function looksGenerated(id: string, clause: Pick<Clause, 'label' | 'title'>, parentId: string): boolean {
  const quick = matchesAsciiBase(id, clause.label || clause.title, parentId);
  if (quick !== null) return quick;
  const base = generatedIdBase(clause, parentId);
  return id === base || (id.startsWith(base + '-') && isDigits(id, base.length + 1));
}

/** Whether id[from..] is one or more ASCII digits. */
function isDigits(id: string, from: number): boolean {
  if (from >= id.length) return false;
  for (let i = from; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * looksGenerated for a short ASCII label, reading the id against the slug as the slug is made, without
 * building it: the comparison asks this of every clause of both drafts, and building the slug of each
 * ("article-5000", one string per character) was most of what that cost. Null when the text is not ASCII or
 * long enough for its slug to be cut (generatedIdBase decides those).
 */
function matchesAsciiBase(id: string, text: string, parentId: string): boolean | null {
  if (text.length > MAX_SLUG) return null;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 128) return null;
  let at = 0;
  if (parentId) {
    if (!id.startsWith(parentId) || id.charCodeAt(parentId.length) !== 45 /* - */) return false;
    at = parentId.length + 1;
  }
  // The slug's first character decides its prefix: none before a letter, "clause-" before a digit, and an
  // empty slug is "clause" itself.
  let first = -1;
  for (let i = 0; i < text.length && first < 0; i++) {
    const c = lowerAscii(text.charCodeAt(i));
    if (isAsciiAlnum(c)) first = c;
  }
  if (first < 0 || (first >= 48 && first <= 57)) {
    const prefix = first < 0 ? 'clause' : 'clause-';
    if (!id.startsWith(prefix, at)) return false;
    at += prefix.length;
  }
  let dash = false;
  let written = false;
  for (let i = 0; i < text.length; i++) {
    const c = lowerAscii(text.charCodeAt(i));
    if (!isAsciiAlnum(c)) { dash = true; continue; }
    if (dash && written) {
      if (id.charCodeAt(at) !== 45) return false;
      at++;
    }
    dash = false;
    written = true;
    if (id.charCodeAt(at) !== c) return false;
    at++;
  }
  return at === id.length || (id.charCodeAt(at) === 45 && isDigits(id, at + 1));
}

function lowerAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

export function assignGeneratedIds(clauses: Clause[]): void {
  const used = new Set<string>();
  const reserve = (list: readonly Clause[]) => {
    for (const c of list) {
      if (c.id) used.add(c.id);
      reserve(c.children);
    }
  };
  reserve(clauses);
  const visit = (list: Clause[], parentId: string) => {
    for (const clause of list) {
      if (!clause.id) {
        const base = generatedIdBase(clause, parentId);
        let id = base;
        for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
        used.add(id);
        clause.id = id;
      }
      visit(clause.children, clause.id);
    }
  };
  visit(clauses, '');
}
