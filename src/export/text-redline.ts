/**
 * A comparison as a terminal redline: a summary of counts, then the title block where it changed (frontChange),
 * then clause by clause in the new draft's order,
 * deletions as [-…-] and insertions as {+…+} (the wdiff convention, readable without colour), coloured when
 * the terminal can show it. A provision moved within its clause is marked [~…~] where it stood and {~…~} where
 * it stands, the words that changed on the way as ordinary deletions and insertions inside it.
 */
import { elideUnchanged } from './elide-unchanged.js';
import { redlineParts, type RedlinePart } from '../compare/redline-parts.js';
import { clauseHeading } from '../model/text.js';
import type { ThreeWayStatus } from '../compare/three-way-status.js';
import type { ClauseChangeJson, ClauseRefJson, ComparisonJson, LegalChangeJson, ProvisionChangeJson, StaleReferenceJson, TextStyleJson, WordOpJson } from '../compare/contract.js';

export interface TextRedlineOptions {
  colour?: boolean;
  /** Leave unchanged clauses out (renumbered-only ones included), but for those that keep a stale reference. */
  changedOnly?: boolean;
  /**
   * Show cosmetic changes as made (no marks, the new wording), and with `changedOnly` leave out the clauses
   * in which nothing else changed (isCosmeticOnly).
   */
  hideCosmetic?: boolean;
  /** What to call a draft that has no label of its own (a file from outside: its file name). */
  names?: DraftNames;
}

/** The names of the two drafts where they have no label (`parley diff` passes the file names). */
export interface DraftNames {
  old?: string;
  new?: string;
}

const ANSI = { red: '\u001b[31m', green: '\u001b[32m', cyan: '\u001b[36m', bold: '\u001b[1m', dim: '\u001b[2m', reset: '\u001b[0m' };

/** A clause as the redlines and the Word notes name it: "Paragraph 4 — Stockpiling", or its id when it has neither. */
export function refHeading(ref: ClauseRefJson): string {
  return clauseHeading(ref) || `#${ref.id}`;
}

/**
 * The line that heads a further part of a split's or merge's redline (redline-parts.ts): the clause of a split as it
 * is now ("Article 4 — Research"), the clause of a merge as it was ("was Article 2.2 — Technical Regulations").
 */
export function partHeading(head: NonNullable<RedlinePart['head']>): string {
  return head.side === 'old' ? `was ${refHeading(head.ref)}` : refHeading(head.ref);
}

export function summaryLine(c: ComparisonJson): string {
  const s = c.summary;
  const parts = [
    `${s.edited} edited`, `${s.inserted} inserted`, `${s.deleted} deleted`, `${s.split} split`, `${s.merged} merged`,
    `${s.moved} moved`, `${s.renumbered} renumbered`, `${s.unchanged} unchanged`,
  ];
  const stale = staleCount(c);
  if (stale > 0) parts.push(`${stale} stale reference${stale === 1 ? '' : 's'}`);
  // The change a reviewer must not miss, counted where the eye starts.
  const reversed = reversedCount(c);
  if (reversed > 0) parts.push(`${reversed} obligation${reversed === 1 ? '' : 's'} reversed`);
  // Counts of clauses: a changed title block (no clause) would otherwise read as nothing changed.
  if (c.front) parts.push('title block edited');
  return parts.join(', ');
}

/** How many obligations turned into their opposite ("shall" → "shall not"), in all clauses (LegalChangeJson.reversed). */
export function reversedCount(c: ComparisonJson): number {
  let n = 0;
  for (const change of c.changes) n += reversedIn(change);
  return n;
}

/** How many of a clause's legal items are obligations turned into their opposite. */
export function reversedIn(change: Pick<ClauseChangeJson, 'legal'>): number {
  let n = 0;
  for (const item of change.legal) if (item.reversed) n++;
  return n;
}

/** How many stale cross-references the comparison found, in all clauses. */
export function staleCount(c: ComparisonJson): number {
  let n = 0;
  for (const change of c.changes) n += change.staleReferences?.length ?? 0;
  return n;
}

/** How the redlines head the text before the first clause, which no clause holds. */
export const TITLE_BLOCK = 'Title block (before the first clause)';

/**
 * The change of the text before the first clause (ComparisonJson.front: an imported draft's title block), as
 * the entry of an edited clause, so that the redlines show it as they show a clause — first, before every
 * clause; null where it did not change.
 */
export function frontChange(c: ComparisonJson): ClauseChangeJson | null {
  if (!c.front) return null;
  const ref: ClauseRefJson = { id: 'title-block', label: '', title: TITLE_BLOCK, path: [] };
  return { kind: 'edited', moved: false, renumbered: false, old: [ref], new: [ref], similarity: 0, provisions: [], legal: c.front.legal, words: c.front.words };
}

/** The changes as the redlines show them: the title block's first, where it changed (frontChange). */
export function withFront(c: ComparisonJson): ClauseChangeJson[] {
  const front = frontChange(c);
  return front ? [front, ...c.changes] : c.changes;
}

/** Whether a change is worth showing among the changes only: not an unchanged clause in place, unless it
 * keeps a stale reference (its text did not change, and that is the trouble). */
export function isNotable(change: ClauseChangeJson): boolean {
  return change.kind !== 'unchanged' || change.moved || (change.staleReferences?.length ?? 0) > 0;
}

/**
 * Whether all that changed in an edited clause is cosmetic (cosmetic.ts: spacing, punctuation, case, quote style,
 * British or American spelling, numbers renumbered with the drafts; formatting.ts: italic and bold): a reader hiding cosmetic changes has
 * nothing to see in it, unless it moved or keeps a stale reference. Shared by the text and HTML redlines and the app.
 */
export function isCosmeticOnly(change: ClauseChangeJson): boolean {
  if (change.kind !== 'edited' || change.moved || (change.staleReferences?.length ?? 0) > 0) return false;
  return allCosmetic([...change.words, ...(change.titleWords ?? [])]);
}

/** Whether a redline changes something and every change it makes is cosmetic (`parley history` asks of a step). */
export function allCosmetic(ops: readonly Pick<WordOpJson, 'op' | 'cosmetic'>[]): boolean {
  let changed = false;
  for (const w of ops) {
    if (w.op === 'equal') continue;
    if (!w.cosmetic) return false;
    changed = true;
  }
  return changed;
}

/** Words with their cosmetic changes taken as made: deletes dropped, inserts read as equal text. */
export function withoutCosmetic(words: readonly WordOpJson[]): WordOpJson[] {
  const out: WordOpJson[] = [];
  for (const w of words) {
    if (w.cosmetic && w.op === 'delete') continue;
    const op = w.cosmetic && w.op === 'insert' ? { op: 'equal' as const, text: w.text } : w;
    const last = out[out.length - 1];
    // Joined to equal text beside it, so the redline reads it as any kept text (one op per run, as diffWords).
    if (op.op === 'equal' && last?.op === 'equal') out[out.length - 1] = { op: 'equal', text: last.text + op.text };
    else out.push(op);
  }
  return out;
}

/** A clause as a note names it: "Article 3 (Stockpiles)". */
function clauseName(ref: ClauseRefJson): string {
  return ref.label && ref.title ? `${ref.label} (${ref.title})` : ref.label || ref.title;
}

/**
 * A stale reference as the redlines tell it, shared by the text and HTML redlines and the app: '"Article 2"
 * meant Article 2 (Stockpiles), now Article 3; here it names Article 2 (Scope)'.
 */
export function staleNote(s: StaleReferenceJson): string {
  // A range whose ends stand: what it covers changed between them.
  if (s.range) return rangeNote(s.text, s.range.added.map(clauseName), s.range.removed.map(clauseName));
  if (s.paragraphRange) {
    const of = ` of ${s.now.length === 1 ? clauseName(s.now[0]!) : clauseName(s.named)}`;
    const paragraphs = (labels: readonly string[]) => labels.map((label, k) => `${k === 0 ? `paragraph${labels.length === 1 ? '' : 's'} ` : ''}${label}`);
    const { added, removed } = s.paragraphRange;
    return rangeNote(s.text, paragraphs(added), paragraphs(removed), of);
  }
  if (s.provision) {
    // A paragraph reference is stale on its own when its clause kept its number, or was renumbered and the
    // reference with it; in the second case say where the paragraph stands now.
    const { named, now, names } = s.provision;
    const moved = s.now.length === 1 && s.now[0]!.label !== s.named.label ? ` of ${s.now[0]!.label}` : '';
    // A point's label carries its paragraph's number and its own letter: "2(b)", point (b) of paragraph 2.
    const kind = (label: string) => (label.includes('(') ? 'point' : 'paragraph');
    // Changed, but not to where its paragraph went: what the new words name, and what the old ones meant.
    if (s.was !== undefined && now && names) {
      return `"${s.text}", made from "${s.was}", names ${kind(names)} ${names} of ${clauseName(s.names ?? s.named)}; "${s.was}" meant ${kind(named)} ${named}, now ${kind(now)} ${now}${moved}`;
    }
    return `"${s.text}" meant ${kind(named)} ${named} of ${clauseName(s.named)}, ${now ? `now ${kind(now)} ${now}${moved}` : 'since deleted'}; ${names ? `${kind(names)} ${names} is now another ${kind(names)}` : `there is no ${kind(named)} ${named} now`}`;
  }
  const where = s.now.length > 0 ? `now ${s.now.map((r) => r.label || r.title).join(' + ')}` : 'since deleted';
  // Changed, but not to where its clause went: say what the old words meant, and what the new ones name.
  if (s.was !== undefined) return `"${s.text}", made from "${s.was}", names ${s.names ? clauseName(s.names) : 'no clause'}; "${s.was}" meant ${clauseName(s.named)}, ${where}`;
  const names = s.names ? `here it names ${clauseName(s.names)}` : 'here it names no clause';
  return `"${s.text}" meant ${clauseName(s.named)}, ${where}; ${names}`;
}

/**
 * What a range now covers that it did not (`added`, each named as the note writes it) and no longer covers
 * (`removed`); `of`, what the names belong to (" of Article 1 (Stockpiles)" for paragraphs), said after each list.
 */
function rangeNote(text: string, added: readonly string[], removed: readonly string[], of = ''): string {
  const parts = [
    ...(added.length > 0 ? [`now also covers ${added.join(', ')}${of}, which ${added.length === 1 ? 'stands' : 'stand'} between its ends`] : []),
    ...(removed.length > 0 ? [`no longer covers ${removed.join(', ')}${of}, which moved away`] : []),
  ];
  return `"${text}" ${parts.join('; it ')}`;
}

/**
 * A three-way conflict whose `side` already reads as both changes together, as the text and HTML three-way
 * outputs say it: "v5 holds both changes: it made v4's change too".
 */
export function holdsBothWords(side: 'first' | 'second', firstName: string, secondName: string): string {
  const [holder, other] = side === 'first' ? [firstName, secondName] : [secondName, firstName];
  return `${holder} holds both changes: it made ${other}'s change too`;
}

/**
 * A three-way status as the outputs say it ("changed by the first side only"); the terminal writes a conflict's in
 * capitals, to stand out among the others.
 */
export const THREE_WAY_STATUS_WORDS: Record<ThreeWayStatus, string> = {
  unchanged: 'unchanged',
  'first-only': 'changed by the first side only',
  'second-only': 'changed by the second side only',
  'both-same': 'changed by both, the same way',
  conflict: 'conflict: changed by both, differently',
};

/**
 * Which sides of a three-way comparison moved a clause among the others, as the text and HTML outputs say it:
 * "moved by v4", "moved by v4 and v5", or ''.
 */
export function movedByWords(first: boolean, second: boolean, firstName: string, secondName: string): string {
  const by = [first ? firstName : '', second ? secondName : ''].filter(Boolean);
  return by.length ? `moved by ${by.join(' and ')}` : '';
}

/** The Markdown marks of a style, as a change of formatting shows it. */
const STYLE_MARKS: Record<TextStyleJson, string> = { plain: '', italic: '*', bold: '**', 'bold italic': '***' };

/**
 * Words as a redline: [-deleted-]{+inserted+}, red and green when `colour` is set (the marks stay, for readers
 * who cannot tell the colours apart), dimmed where the change is cosmetic; moved text [~moved away~] and
 * {~moved here~}, in cyan. A change that
 * spans lines is marked line by line, so that every line reads on its own ("{+2. A new paragraph.+}" on its
 * line, not "{+" at the end of the line before); a change of line breaks alone keeps its marks.
 */
export function redlineText(ops: readonly Pick<WordOpJson, 'op' | 'text' | 'moved' | 'cosmetic' | 'style'>[], colour = false): string {
  return ops.map((op) => {
    if (op.op === 'equal') return op.text;
    const sign = op.moved ? '~' : op.op === 'delete' ? '-' : '+';
    const [open, close] = op.op === 'delete' ? [`[${sign}`, `${sign}]`] : [`{${sign}`, `${sign}}`];
    const hue = (op.moved ? ANSI.cyan : op.op === 'delete' ? ANSI.red : ANSI.green) + (op.cosmetic && !op.moved ? ANSI.dim : '');
    // A change of formatting shows each side's style as Markdown writes it: [-mutatis mutandis-]{+*mutatis mutandis*+}.
    const styleMark = op.style ? STYLE_MARKS[op.style] : '';
    const mark = (text: string) => {
      const styled = styleMark + text + styleMark;
      return colour ? `${hue}${open}${styled}${close}${ANSI.reset}` : `${open}${styled}${close}`;
    };
    if (!op.text.includes('\n') || /^\n+$/.test(op.text)) return mark(op.text);
    return op.text.split('\n').map((line) => (line === '' ? '' : mark(line))).join('\n');
  }).join('');
}

/**
 * The clause's heading line. An edit whose changes are all cosmetic says so, so that a reader scanning the
 * headings knows there is nothing of substance in it ("[edited, cosmetic only]"), and `cosmeticHidden` that
 * they are not marked either.
 */
function describe(change: ClauseChangeJson, cosmeticHidden = false): string {
  const cosmetic = !cosmeticHidden && isCosmeticOnly(change);
  const flags: string[] = [cosmeticHidden ? `${change.kind}: cosmetic only, not marked` : cosmetic ? `${change.kind}, cosmetic only` : change.kind];
  if (change.moved) flags.push('moved');
  if (change.renumbered) flags.push('renumbered');
  const now = change.new.map(refHeading).join(' + ');
  const was = change.old.map(refHeading).join(' + ');
  switch (change.kind) {
    case 'inserted': return `${now}  [inserted]`;
    case 'deleted': return `${was}  [deleted]`;
    default: {
      const before = wasHeading(change);
      return `${now}${before ? ` (was ${before})` : ''}  [${flags.join(', ')}]`;
    }
  }
}

/**
 * What a paired clause was called, where that differs from what it is called now: the old heading of a clause
 * renumbered ("Paragraph 8" for "Paragraph 5 — Stockpiling", the title said once when it did not change), the old
 * headings of a split's or merge's clauses; '' for a clause whose number did not change. The text and HTML redlines
 * say it alike.
 */
export function wasHeading(change: ClauseChangeJson): string {
  if (change.old.length === 0 || change.new.length === 0) return '';
  const [before, after] = [change.old, change.new];
  const split = change.kind === 'split' || change.kind === 'merged';
  if (!split && before.map((r) => r.label).join(' + ') === after.map((r) => r.label).join(' + ')) return '';
  if (before.length === 1 && after.length === 1 && before[0]!.label && before[0]!.title === after[0]!.title) return before[0]!.label;
  return before.map(refHeading).join(' + ');
}

/**
 * The legal items of a clause with repeats gathered, in order of first appearance: "shall" made "will" in three
 * paragraphs reads as one line "…, 3 times" rather than three identical lines. The JSON keeps one item per
 * occurrence; only the redlines and the app gather them.
 */
export function gatheredLegal(items: readonly LegalChangeJson[]): { item: LegalChangeJson; times: number }[] {
  const out: { item: LegalChangeJson; times: number }[] = [];
  const seen = new Map<string, number>();
  for (const item of items) {
    const key = JSON.stringify([item.type, item.old, item.new, item.direction, item.reversed, item.cosmetic, item.moved, item.proposedBy, item.row]);
    const at = seen.get(key);
    if (at === undefined) { seen.set(key, out.length); out.push({ item, times: 1 }); } else out[at]!.times++;
  }
  return out;
}

/** ", twice" or ", 3 times" after a gathered legal item, or ''. */
export function timesNote(times: number): string {
  return times === 1 ? '' : times === 2 ? ', twice' : `, ${times} times`;
}

/**
 * What changed in law, one line per gathered item ("obligation: shall → will (weaker), 3 times"): the text
 * redline's lines, which `parley history` and the three-way diff print too.
 */
export function legalLines(items: readonly LegalChangeJson[]): string[] {
  return gatheredLegal(items).map(({ item: legal, times }) => {
    const direction = directionNote(legal) ? ` (${directionNote(legal)})` : '';
    const cosmetic = legal.cosmetic ? ` (${WORDING_ONLY})` : '';
    const moved = legal.moved ? ` (${MOVED_IN_PARAGRAPH})` : '';
    const proposed = proposedNote(legal);
    const row = legal.row ? ` (${rowNote(legal)})` : '';
    return `${legal.type}: ${legal.old ?? '—'} → ${legal.new ?? '—'}${row}${proposed ? ` (${proposed})` : ''}${direction}${cosmetic}${moved}${timesNote(times)}`;
  });
}

/**
 * Which way an obligation went ("weaker", "stronger", "same"), or "reversed" where it turned into its opposite
 * ("shall" → "shall not"), or '' — shared by the text and HTML redlines and the app's compare view.
 */
export function directionNote(legal: Pick<LegalChangeJson, 'direction' | 'reversed'>): string {
  return legal.direction ?? (legal.reversed ? 'reversed' : '');
}

/** What a legal item whose value is the same, written otherwise ("6 months" → "six months"), is said to be. */
export const WORDING_ONLY = 'wording only';

/** What a figure or date moved, unchanged, within its paragraph is said to be (LegalChangeJson.moved). */
export const MOVED_IN_PARAGRAPH = 'moved within its paragraph, unchanged';

/** Which table row a legal item stands in ("row 8112.92"), or '': said alike by the redlines and the app. */
export function rowNote(legal: Pick<LegalChangeJson, 'row'>): string {
  return legal.row ? `row ${legal.row}` : '';
}

/**
 * What a legal item says of who proposed the wording now standing ("as US proposed"), or '' — shared by the
 * text and HTML redlines and the app's compare view, so that all three say it alike.
 */
export function proposedNote(legal: Pick<LegalChangeJson, 'proposedBy'>): string {
  return legal.proposedBy ? `as ${legal.proposedBy} proposed` : '';
}

/** Notes on the provisions of a clause that changed, moved or were renumbered (unchanged ones in place say nothing). */
export function notableProvisions(change: ClauseChangeJson): string[] {
  const labelOf = (refs: readonly ClauseRefJson[], id: string | undefined) => {
    if (id === undefined) return '';
    const ref = refs.find((r) => r.id === id);
    return ref?.label || ref?.title || `#${id}`;
  };
  const covered = pointsRenumberedWithTheirParagraph(change.provisions);
  return provisionNotes(
    change.provisions.filter((p, k) => (p.kind !== 'unchanged' || p.renumbered || p.moved) && !covered.has(k)),
    (p, side) => (side === 'old' ? labelOf(change.old, p.oldClause) : labelOf(change.new, p.newClause)),
  );
}

/**
 * The unchanged points renumbered only with the paragraph that holds them ("2(a)→3(a)" after "2→3"), in place:
 * the paragraph's own note says it ("2→3 unchanged"), and a note per point would bury the change that
 * renumbered them. A point is an entry whose labels are its paragraph's followed by the same ending on both
 * sides; its paragraph is the last entry before it that is no such point.
 */
function pointsRenumberedWithTheirParagraph(changes: readonly ProvisionChangeJson[]): Set<number> {
  const covered = new Set<number>();
  let owner: ProvisionChangeJson | null = null;
  for (let k = 0; k < changes.length; k++) {
    const p = changes[k]!;
    const paired = (p.kind === 'unchanged' || p.kind === 'edited') && p.old !== null && p.new !== null && p.oldClause === undefined && p.newClause === undefined;
    const isPoint = paired && owner !== null && p.old!.length > owner.old!.length && p.old!.startsWith(owner.old!) &&
      p.new!.startsWith(owner.new!) && p.old!.slice(owner.old!.length) === p.new!.slice(owner.new!.length);
    if (isPoint) {
      if (p.kind === 'unchanged' && !p.moved && !owner!.moved) covered.add(k);
      continue;
    }
    owner = paired ? p : null;
  }
  return covered;
}

/**
 * One note per provision change ("¶4→5 edited", "¶3 deleted"); the entries of one split or merge (one per part,
 * see provisions-align.ts) read as one note where the first of them stands: "¶2→2+3 split", "¶2+3→2 merged".
 * The entries of one split or merge share a `group` number (labels repeat: "(a)" under two chapeaux); JSON
 * without it gathers only neighbouring entries with the same whole. In a clause split or merge, a provision
 * is named with the clause it belongs to ("¶4→1 (Paragraph 11)"): `clauseOf` gives that clause's label, or ''.
 */
function provisionNotes(changes: readonly ProvisionChangeJson[], clauseOf: (p: ProvisionChangeJson, side: 'old' | 'new') => string): string[] {
  const notes: string[] = [];
  const name = (p: ProvisionChangeJson, side: 'old' | 'new') => {
    const clause = clauseOf(p, side);
    const label = p[side] ?? '¶';
    return clause ? `${label} (${clause})` : label;
  };
  const done = new Set<number>();
  for (let k = 0; k < changes.length; k++) {
    if (done.has(k)) continue;
    const p = changes[k]!;
    // "1→3 edited, moved": what happened inside the provision, then that it moved.
    const moved = p.moved ? ', moved' : '';
    if (p.kind === 'split' || p.kind === 'merged') {
      const wholeSide = p.kind === 'split' ? 'old' : 'new';
      const parts = [p];
      if (p.group !== undefined) {
        for (let q = k + 1; q < changes.length; q++) {
          if (changes[q]!.kind === p.kind && changes[q]!.group === p.group) { parts.push(changes[q]!); done.add(q); }
        }
      } else {
        const sameWhole = (q: ProvisionChangeJson) => q.kind === p.kind && q.group === undefined && name(q, wholeSide) === name(p, wholeSide);
        while (k + 1 < changes.length && sameWhole(changes[k + 1]!)) parts.push(changes[++k]!);
      }
      const olds = p.kind === 'split' ? name(p, 'old') : parts.map((q) => name(q, 'old')).join('+');
      const news = p.kind === 'split' ? parts.map((q) => name(q, 'new')).join('+') : name(p, 'new');
      notes.push(signed(`${olds}→${news} ${p.kind}${moved}`));
      continue;
    }
    // An insertion or deletion is named by the one label it has ("3 deleted", not "3→¶ deleted").
    const was = name(p, 'old'), now = name(p, 'new');
    const named = p.kind === 'deleted' ? was : p.kind === 'inserted' ? now : was === now ? now : `${was}→${now}`;
    notes.push(signed(`${named} ${p.kind}${moved}`));
  }
  return gatheredNotes(notes);
}

/**
 * A note that opens with a paragraph's number gets the paragraph sign ("¶1 edited; ¶3 deleted"): a bare "1 edited"
 * read, beside the summary's counts ("2 edited, 0 inserted"), as a count. Points keep their own label ("(b)
 * edited"), which no one reads as a count.
 */
function signed(note: string): string {
  return /^[0-9]/.test(note) ? `¶${note}` : note;
}

/**
 * Notes said alike gathered where the first stands, as the legal items are ("¶ inserted, twice" for two paragraphs
 * of no number put in, not "¶ inserted; ¶ inserted"): a paragraph without a number is named by no label, and two
 * such notes tell nothing apart.
 */
function gatheredNotes(notes: readonly string[]): string[] {
  const times = new Map<string, number>();
  for (const note of notes) times.set(note, (times.get(note) ?? 0) + 1);
  return [...times].map(([note, n]) => `${note}${timesNote(n)}`);
}

export function textRedline(c: ComparisonJson, options: TextRedlineOptions = {}): string {
  const colour = options.colour === true;
  const lines: string[] = [];
  const title = (s: string) => (colour ? `${ANSI.bold}${s}${ANSI.reset}` : s);
  const clauses = (n: number) => `${n} ${n === 1 ? 'clause' : 'clauses'}`;
  lines.push(`${c.old.label || options.names?.old || 'old'} (${clauses(c.old.clauses)}) → ${c.new.label || options.names?.new || 'new'} (${clauses(c.new.clauses)})`);
  lines.push(summaryLine(c));
  const hide = options.hideCosmetic === true;
  // The instrument's own title, where it changed in words (a title in capitals in one draft is no change to
  // announce: the JSON has it, marked cosmetic).
  if (c.titleWords && !allCosmetic(c.titleWords)) lines.push(`title: ${redlineText(hide ? withoutCosmetic(c.titleWords) : c.titleWords, colour)}`);
  for (const change of withFront(c)) {
    if (options.changedOnly && (!isNotable(change) || (hide && isCosmeticOnly(change)))) continue;
    lines.push('');
    // Shown without --changed-only, a clause whose changes are all hidden says so rather than read as edited
    // with nothing marked.
    const cosmeticHidden = hide && change.kind === 'edited' && isCosmeticOnly(change);
    lines.push(title(describe(change, cosmeticHidden)));
    const titleWords = change.titleWords && (hide ? withoutCosmetic(change.titleWords) : change.titleWords);
    if (titleWords && titleWords.some((w) => w.op !== 'equal')) lines.push(`  title: ${redlineText(titleWords, colour)}`);
    for (const line of legalLines(change.legal)) lines.push('  ' + line);
    for (const stale of change.staleReferences ?? []) lines.push(`  stale reference: ${staleNote(stale)}`);
    const notes = cosmeticHidden ? [] : notableProvisions(change);
    if (notes.length) lines.push('  provisions: ' + notes.join('; '));
    if (change.kind !== 'unchanged' || !options.changedOnly) {
      // Showing changes only, long runs of unchanged rows and paragraphs are counted, not printed
      // (elide-unchanged.ts); a line holding a stale reference stays. A split or merge is cut where each of
      // its clauses begins, under a line that names it (redline-parts.ts).
      const stale = (change.staleReferences ?? []).map((s) => s.text);
      const keep = (line: string) => stale.some((text) => line.includes(text));
      const parts = redlineParts(change, change.words);
      for (const part of parts) {
        if (part.head) lines.push(title(`  ── ${partHeading(part.head)} ──`));
        const words = hide ? withoutCosmetic(part.words) : part.words;
        const text = redlineText(options.changedOnly ? elideUnchanged(words, { keep, partOfChange: parts.length > 1 }) : words, colour);
        if (text) lines.push(...text.split('\n').map((l) => '  ' + l));
      }
    }
  }
  return lines.join('\n');
}
