/**
 * The redline of an edited clause follows its provision alignment (src/compare/words-by-provision.ts): an
 * inserted or deleted paragraph is one change of its whole line, a paragraph renumbered by it shows its number
 * change as cosmetic, and the ops still rebuild both clause texts with offsets in order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignDrafts } from '../src/compare/align.js';
import { compareDrafts } from '../src/compare/compare.js';
import { clauseHistory, clauseHistoryJson } from '../src/compare/history.js';
import { threeWay } from '../src/compare/three-way.js';
import { diffByProvisions, type MovedText, type TextSpan } from '../src/compare/words-by-provision.js';
import type { WordOp } from '../src/compare/words.js';
import type { WordOpJson } from '../src/compare/contract.js';
import { htmlRedline } from '../src/export/html-redline.js';
import { textRedline } from '../src/export/text-redline.js';
import { importDraft } from '../src/format/import-text.js';
import { parseDraft } from '../src/format/markdown.js';
import { clauseText } from '../src/model/text.js';
import { corpus, readCorpus } from './support/corpus.js';

const article = (paragraphs: string[], numbered = true) =>
  '## Article 1\n\n' + paragraphs.map((p, k) => (numbered ? `${k + 1}. ${p}` : p)).join('\n\n') + '\n';

/** The one change of comparing two one-article drafts, with the texts its words must rebuild. */
function compareArticle(oldMd: string, newMd: string) {
  const a = parseDraft(oldMd).draft, b = parseDraft(newMd).draft;
  const result = compareDrafts(a, b);
  expect(result.changes).toHaveLength(1);
  const change = result.changes[0]!;
  const oldText = clauseText(a.clauses[0]!, { brackets: 'marked' });
  const newText = clauseText(b.clauses[0]!, { brackets: 'marked' });
  return { change, oldText, newText, result };
}

function expectRebuilds(words: readonly (WordOpJson | WordOp)[], oldText: string, newText: string) {
  expect(words.filter((w) => w.op !== 'insert').map((w) => w.text).join('')).toBe(oldText);
  expect(words.filter((w) => w.op !== 'delete').map((w) => w.text).join('')).toBe(newText);
  for (const [k, w] of words.entries()) {
    expect(w.text.length).toBeGreaterThan(0);
    if (k > 0) expect(w.op === 'equal' && words[k - 1]!.op === 'equal').toBe(false);
  }
}

/** diffWords's offsets: each op's range, in order, holds its text (WordOp from diffByProvisions). */
function expectOffsets(ops: readonly WordOp[], oldText: string, newText: string) {
  let oldAt = 0, newAt = 0;
  for (const op of ops) {
    if (op.op !== 'insert') { expect(op.oldStart).toBe(oldAt); expect(oldText.slice(op.oldStart, op.oldEnd)).toBe(op.text); oldAt = op.oldEnd!; }
    if (op.op !== 'delete') { expect(op.newStart).toBe(newAt); expect(newText.slice(op.newStart, op.newEnd)).toBe(op.text); newAt = op.newEnd!; }
    if (op.op === 'insert') expect([op.oldStart, op.oldEnd]).toEqual([oldAt, oldAt]);
    if (op.op === 'delete') expect([op.newStart, op.newEnd]).toEqual([newAt, newAt]);
  }
}

/**
 * No change runs from one paragraph into the next: a change that holds a line break is whole lines — it starts
 * at the start of a line or with a line break, or ends with a line break — never a line's last words joined to
 * the next paragraph.
 */
function expectLineBounded(ops: readonly WordOp[], oldText: string, newText: string) {
  for (const op of ops) {
    if (op.op === 'equal' || !op.text.includes('\n')) continue;
    const [text, start] = op.op === 'delete' ? [oldText, op.oldStart!] : [newText, op.newStart!];
    const wholeLines = start === 0 || text[start - 1] === '\n' || op.text.startsWith('\n') || op.text.endsWith('\n');
    expect(wholeLines, `${op.op} ${JSON.stringify(op.text)}`).toBe(true);
  }
}

/**
 * Moved text is only text of a moved provision, and the same at the other end of its move: line by line, the
 * deletes marked moved, read in order, spell what the inserts marked moved spell on the line the provision
 * moved to (item numbers aside, which go with the provision's place, and whitespace, which may go with a change
 * on one side: see movedSegments). Lines are matched as a whole (sorted), so that moved text reordered within
 * a line, or split differently across lines, fails.
 */
function expectMovedTextKept(ops: readonly WordOp[], anyMoved: boolean, oldText: string, newText: string) {
  for (const op of ops) {
    if (!op.moved) continue;
    expect(anyMoved).toBe(true);
    expect(op.op).not.toBe('equal');
  }
  expect(movedTextByLine(ops, 'delete', oldText)).toEqual(movedTextByLine(ops, 'insert', newText));
}

/**
 * The moved ops of one side, as the text each puts on each line of that side's text: [line, text], the item
 * number ("4. ") of a line left out (it goes with the provision's place), and whitespace too: the space between
 * a kept word and a changed one may go with the change on one side and stay with the moved text on the other
 * (where nothing changed before it), and a space alone is never marked moved. `within`: only ops that start in
 * [start, end) of the text, or on the line break just before it.
 */
function movedSegments(ops: readonly WordOp[], side: 'delete' | 'insert', text: string, within?: [number, number]): [number, string][] {
  const out: [number, string][] = [];
  for (const op of ops) {
    if (!op.moved || op.op !== side) continue;
    const at = side === 'delete' ? op.oldStart! : op.newStart!;
    if (within && (at + 1 < within[0] || at >= within[1])) continue;
    const firstLine = text.slice(0, at).split('\n').length - 1;
    op.text.split('\n').forEach((segment, k) => {
      const atLineStart = k > 0 || at === 0 || text[at - 1] === '\n';
      const kept = (atLineStart ? segment.replace(/^\d+\. /, '') : segment).replace(/\s+/g, '');
      if (kept) out.push([firstLine + k, kept]);
    });
  }
  return out;
}

/** The moved text of one side, joined per line of that side's text, the lines sorted. */
function movedTextByLine(ops: readonly WordOp[], side: 'delete' | 'insert', text: string): string[] {
  const lines = new Map<number, string>();
  for (const [line, kept] of movedSegments(ops, side, text)) lines.set(line, (lines.get(line) ?? '') + kept);
  return [...lines.values()].sort();
}

/** The moved text of one side within [start, end) of its text, in order (see movedSegments). */
/** Whether a split or merge among some provision changes has parts that stand apart (another provision between). */
function partsApart(provisions: readonly { group?: number; oldIndex: number | null; newIndex: number | null }[]): boolean {
  const groups = new Map<number, { old: Set<number>; new: Set<number> }>();
  for (const p of provisions) {
    if (p.group === undefined) continue;
    const g = groups.get(p.group) ?? { old: new Set<number>(), new: new Set<number>() };
    groups.set(p.group, g);
    g.old.add(p.oldIndex!);
    g.new.add(p.newIndex!);
  }
  const spread = (xs: Set<number>) => Math.max(...xs) - Math.min(...xs) + 1 > xs.size;
  return [...groups.values()].some((g) => spread(g.old) || spread(g.new));
}

function movedTextWithin(ops: readonly WordOp[], side: 'delete' | 'insert', text: string, spans: readonly TextSpan[]): string {
  return spans.map((span) => movedSegments(ops, side, text, [span.start, span.end]).map(([, kept]) => kept).join('')).join('');
}

const FUND = 'The Parties shall establish a joint fund for refining projects.';
const SHARE = 'The Parties shall share information on supply risks in a timely manner.';
const COOPERATE = 'The Parties shall cooperate on supply chains of critical minerals.';
const NOTIFY = 'Each Party shall notify the other of export restrictions.';

describe('the redline of an edited clause follows its provisions', () => {
  it('marks an inserted paragraph whole, even when it opens as the next one does', () => {
    const { change, oldText, newText } = compareArticle(article([COOPERATE, SHARE, NOTIFY]), article([COOPERATE, FUND, SHARE, NOTIFY]));
    expect(change.provisions.map((p) => `${p.old ?? ''}→${p.new ?? ''} ${p.kind}`)).toEqual(['1→1 unchanged', '→2 inserted', '2→3 unchanged', '3→4 unchanged']);
    expectRebuilds(change.words, oldText, newText);
    expect(change.words).toContainEqual({ op: 'insert', text: `2. ${FUND}\n` });
    // No change runs from one paragraph into the next: every changed text is a whole line or within one.
    for (const w of change.words) if (w.op !== 'equal') expect(w.text.replace(/\n$/, '')).not.toContain('\n');
    // The paragraphs after it were renumbered, not edited: their number changes are cosmetic.
    const numberChanges = change.words.filter((w) => w.op !== 'equal' && /^\d+$/.test(w.text));
    expect(numberChanges.map((w) => `${w.op} ${w.text}`)).toEqual(['delete 2', 'insert 3', 'delete 3', 'insert 4']);
    expect(numberChanges.every((w) => w.cosmetic === true)).toBe(true);
  });

  it('marks a deleted paragraph whole, and the terminal redline marks it on its own line', () => {
    const { change, oldText, newText, result } = compareArticle(article([COOPERATE, FUND, SHARE, NOTIFY]), article([COOPERATE, SHARE, NOTIFY]));
    expectRebuilds(change.words, oldText, newText);
    expect(change.words).toContainEqual({ op: 'delete', text: `2. ${FUND}\n` });
    const text = textRedline(result, { colour: false });
    expect(text).toContain(`\n  [-2. ${FUND}-]\n  [-3-]{+2+}. ${SHARE}\n`);
  });

  it('handles a first paragraph deleted, a last one inserted, and one replaced by another in place', () => {
    const cases: [string[], string[]][] = [
      [[FUND, COOPERATE, SHARE], [COOPERATE, SHARE]],
      [[COOPERATE, SHARE], [COOPERATE, SHARE, NOTIFY]],
      [[COOPERATE, 'The Committee shall meet twice a year in Brussels and Washington.', SHARE], [COOPERATE, 'Stockpiles of gallium are to be reported every quarter to both capitals.', SHARE]],
    ];
    for (const [before, after] of cases) {
      for (const numbered of [true, false]) {
        const { change, oldText, newText } = compareArticle(article(before, numbered), article(after, numbered));
        expect(change.kind).toBe('edited');
        expectRebuilds(change.words, oldText, newText);
        for (const w of change.words) if (w.op !== 'equal') expect(w.text.replace(/^\n|\n$/g, '')).not.toContain('\n');
      }
    }
  });

  it('keeps the further paragraphs of a list item with their provision', () => {
    const item = (n: number, text: string, more?: string) => `${n}. ${text}\n` + (more ? `\n   ${more}\n` : '');
    const before = '## Article 1\n\n' + item(1, COOPERATE, 'This includes gallium and germanium.') + '\n' + item(2, SHARE);
    const after = '## Article 1\n\n' + item(1, COOPERATE, 'This includes gallium and germanium.') + '\n' + item(2, FUND) + '\n' + item(3, SHARE);
    const { change, oldText, newText } = compareArticle(before, after);
    expect(oldText.split('\n')).toHaveLength(3);
    expectRebuilds(change.words, oldText, newText);
    expect(change.words[0]).toEqual({ op: 'equal', text: `1. ${COOPERATE}\nThis includes gallium and germanium.\n` });
    expect(change.words).toContainEqual({ op: 'insert', text: `2. ${FUND}\n` });
  });

  it('deletes a moved paragraph where it stood and inserts it where it stands', () => {
    const { change, oldText, newText } = compareArticle(article([COOPERATE, FUND, SHARE, NOTIFY], false), article([COOPERATE, SHARE, NOTIFY, FUND], false));
    expect(change.provisions.filter((p) => p.moved)).toHaveLength(1);
    expectRebuilds(change.words, oldText, newText);
    expect(change.words).toEqual([
      { op: 'equal', text: `${COOPERATE}\n` },
      { op: 'delete', text: `${FUND}\n`, moved: true },
      { op: 'equal', text: `${SHARE}\n${NOTIFY}` },
      { op: 'insert', text: `\n${FUND}`, moved: true },
    ]);
  });

  it('marks the words a moved paragraph kept as moved, and the words changed on the way as plain changes', () => {
    const NOTICE = 'Each Party shall notify the other of export restrictions within 30 days.';
    const REVIEW = 'The Parties will review this Memorandum every five years.';
    const MEET = 'The Committee will meet in Brussels and Washington in turn.';
    const { change, oldText, newText, result } = compareArticle(
      article([COOPERATE, NOTICE, REVIEW, MEET]),
      article([COOPERATE, REVIEW, MEET, NOTICE.replace('shall', 'may').replace('30', '60')]),
    );
    expectRebuilds(change.words, oldText, newText);
    expect(change.words).toEqual([
      { op: 'equal', text: `1. ${COOPERATE}\n` },
      // Where it stood: its number and kept words moved away, its changed words struck.
      { op: 'delete', text: '2. Each Party ', moved: true },
      { op: 'delete', text: 'shall' },
      { op: 'delete', text: ' notify the other of export restrictions within ', moved: true },
      { op: 'delete', text: '30' },
      { op: 'delete', text: ' days.\n', moved: true },
      { op: 'delete', text: '3', cosmetic: true },
      { op: 'insert', text: '2', cosmetic: true },
      { op: 'equal', text: `. ${REVIEW}\n` },
      { op: 'delete', text: '4', cosmetic: true },
      { op: 'insert', text: '3', cosmetic: true },
      { op: 'equal', text: `. ${MEET}` },
      // Where it stands: the same words moved here, its new words inserted.
      { op: 'insert', text: '\n4. Each Party ', moved: true },
      { op: 'insert', text: 'may' },
      { op: 'insert', text: ' notify the other of export restrictions within ', moved: true },
      { op: 'insert', text: '60' },
      { op: 'insert', text: ' days.', moved: true },
    ]);
    // The legal reading is that of the paragraph against itself, as before.
    expect(change.legal).toEqual([
      { type: 'obligation', old: 'shall', new: 'may', direction: 'weaker' },
      { type: 'figure', old: 'within 30 days', new: 'within 60 days' },
    ]);
    const text = textRedline(result, { colour: false });
    expect(text).toContain('  [~2. Each Party ~][-shall-][~ notify the other of export restrictions within ~][-30-][~ days.~]\n');
    expect(text).toContain('  {~4. Each Party ~}{+may+}{~ notify the other of export restrictions within ~}{+60+}{~ days.~}');
    const html = htmlRedline(result, { layout: 'inline' });
    expect(html).toContain('<del class="moved" title="Moved from here">2. Each Party </del><del>shall</del>');
    expect(html).toContain('<ins class="moved" title="Moved here"><br>4. Each Party </ins><ins>may</ins>');
  });

  it('keeps every line of a moved item apart, and a changed end of a moved paragraph apart from the paragraph inserted after it', () => {
    const NOTICE = 'Each Party shall notify the other of export restrictions within 30 days.';
    const MEET = 'The Committee will meet in Brussels and Washington in turn.';
    const item = (text: string) => `${text}\n\n   This includes gallium and germanium.`;
    // A moved list item of two paragraphs, a figure changed in the first.
    const severalMd = [article([item(NOTICE), COOPERATE, MEET]), article([COOPERATE, MEET, item(NOTICE.replace('30', '60'))])] as const;
    const several = compareArticle(...severalMd);
    expectRebuilds(several.change.words, several.oldText, several.newText);
    expect(textRedline(several.result, { colour: false })).toContain([
      '  [~1. Each Party shall notify the other of export restrictions within ~][-30-][~ days.~]',
      '  [~This includes gallium and germanium.~]',
    ].join('\n'));
    // The moved paragraph's last words changed, and a paragraph inserted right after it.
    const insertedMd = [article([NOTICE, COOPERATE, MEET]), article([COOPERATE, MEET, NOTICE.replace('days.', 'days promptly'), 'The Secretariat may convene experts at least twice a year.'])] as const;
    expect(compareArticle(...insertedMd).change.words.slice(-3)).toEqual([
      { op: 'insert', text: '\n3. Each Party shall notify the other of export restrictions within 30 days', moved: true },
      { op: 'insert', text: ' promptly\n' },
      { op: 'insert', text: '4. The Secretariat may convene experts at least twice a year.' },
    ]);
    for (const [oldMd, newMd] of [severalMd, insertedMd]) {
      const a = parseDraft(oldMd).draft, b = parseDraft(newMd).draft;
      const oldText = clauseText(a.clauses[0]!, { brackets: 'marked' }), newText = clauseText(b.clauses[0]!, { brackets: 'marked' });
      const change = alignDrafts(a, b).changes[0]!;
      const ops = diffByProvisions(oldText, newText, change.provisionLines!.old, change.provisionLines!.new, change.provisions)!;
      expectLineBounded(ops, oldText, newText);
    }
  });

  it('leaves the spacing between two changed words of a moved paragraph with the first change', () => {
    const NOTICE = 'Each Party shall notify the other of export restrictions.';
    const MEET = 'The Committee will meet in Brussels and Washington in turn.';
    const { result } = compareArticle(article([NOTICE, COOPERATE, MEET]), article([COOPERATE, MEET, NOTICE.replace('shall notify', 'may Notify')]));
    const text = textRedline(result, { colour: false });
    expect(text).toContain('  [~1. Each Party ~][-shall -][-notify-][~ the other of export restrictions.~]\n');
    expect(text).toContain('  {~3. Each Party ~}{+may +}{+Notify+}{~ the other of export restrictions.~}');
  });

  it('reads a deleted paragraph apart from the edit of the paragraph after it, for what changed in law', () => {
    const { change } = compareArticle(
      article(['The Parties shall establish a joint fund.', 'The Parties will share information on supply risks.'], false),
      article(['Each Party may share information on supply risks.'], false),
    );
    expect(change.legal).toEqual([
      { type: 'obligation', old: 'shall', new: null },
      { type: 'obligation', old: 'will', new: 'may', direction: 'weaker' },
    ]);
  });

  it('diffs a split paragraph as its whole against its parts', () => {
    const whole = 'The Parties shall share information on supply risks in a timely manner and shall notify each other of export restrictions on gallium.';
    const { change, oldText, newText } = compareArticle(
      article([COOPERATE, whole, FUND]),
      article([NOTIFY, COOPERATE, 'The Parties shall share information on supply risks in a timely manner.', 'They shall notify each other of export restrictions on gallium.', FUND]),
    );
    expect(change.provisions.some((p) => p.kind === 'split')).toBe(true);
    expectRebuilds(change.words, oldText, newText);
    expect(change.words[0]).toEqual({ op: 'insert', text: `1. ${NOTIFY}\n` });
  });

  it('marks a paragraph moved and split as moved, cut into its parts, and reads it against itself for what changed in law', () => {
    const JOINT = 'The Parties shall establish a joint fund for refining projects in both territories.';
    const REVIEW = 'The fund shall be reviewed by the Committee every second year after its creation.';
    const { change, oldText, newText } = compareArticle(
      article([`${JOINT} ${REVIEW}`, COOPERATE, NOTIFY, SHARE]),
      article([COOPERATE, NOTIFY, SHARE, JOINT, REVIEW.replace('shall', 'will')]),
    );
    expect(change.provisions.filter((p) => p.moved).map((p) => `${p.old}→${p.new} ${p.kind}`)).toEqual(['1→4 split', '1→5 split']);
    expectRebuilds(change.words, oldText, newText);
    const marked = (op: string, moved: boolean) => change.words.filter((w) => w.op === op && !!w.moved === moved).map((w) => w.text);
    // Where it stood: one line, its words kept struck as moved, the word it lost struck plainly.
    expect(marked('delete', true)).toEqual([`1. ${JOINT}`, 'The fund ', ' be reviewed by the Committee every second year after its creation.\n']);
    // The space where the whole was cut in two goes, as does the word it lost.
    expect(marked('delete', false)).toEqual(expect.arrayContaining([' ', 'shall']));
    // Where it stands: two lines, the number of the second part (whole: not diffed with the full stop before it)
    // and the word it gained inserted plainly.
    expect(marked('insert', true)).toEqual([`\n4. ${JOINT}\n`, 'The fund ', ' be reviewed by the Committee every second year after its creation.']);
    expect(marked('insert', false)).toEqual(expect.arrayContaining(['5. ', 'will']));
    // What changed in law: only the obligation of the moved text, not its every "shall" taken out and put in.
    expect(change.legal).toEqual([{ type: 'obligation', old: 'shall', new: 'will', direction: 'weaker' }]);
  });

  it('marks two paragraphs moved and merged as moved, and reads them against the merged one', () => {
    const JOINT = 'The Parties shall establish a joint fund for refining projects in both territories.';
    const REVIEW = 'The fund shall be reviewed by the Committee within 30 days of its creation.';
    const { change, oldText, newText } = compareArticle(
      article([JOINT, REVIEW, COOPERATE, NOTIFY, SHARE]),
      article([COOPERATE, NOTIFY, SHARE, `${JOINT} ${REVIEW.replace('30', '60')}`]),
    );
    expect(change.provisions.filter((p) => p.moved).map((p) => `${p.old}→${p.new} ${p.kind}`)).toEqual(['1→4 merged', '2→4 merged']);
    expectRebuilds(change.words, oldText, newText);
    expect(change.words.filter((w) => w.moved).length).toBeGreaterThan(2);
    expect(change.words.filter((w) => w.op === 'delete' && !w.moved).map((w) => w.text)).toEqual(expect.arrayContaining(['2. ', '30']));
    expect(change.legal).toEqual([{ type: 'figure', old: 'within 30 days', new: 'within 60 days' }]);
  });

  describe('a split or merge whose parts stand apart, with another paragraph between them', () => {
    const SHARE_30 = 'The Parties shall share information on gallium stocks within thirty days of each request.';
    const RESTRICT = 'Each Party shall notify the other Party of any export restriction on refined rare earths.';
    const MEET = 'The Committee will meet in Brussels once a year to review the supply chains.';
    const CLOSING = 'This Memorandum does not create rights or obligations under international law.';
    /** The text of some ops of the change marked moved, joined. */
    const movedText = (change: { words: WordOpJson[] }, op: 'delete' | 'insert') => change.words.filter((w) => w.op === op && w.moved).map((w) => w.text).join('');
    /** Both sentences, but for the word that changed in the first, marked moved where they stood and where they stand. */
    const expectSentencesMoved = (change: { words: WordOpJson[] }) => {
      for (const op of ['delete', 'insert'] as const) {
        expect(movedText(change, op)).toContain(' share information on gallium stocks within thirty days of each request.');
        expect(movedText(change, op)).toContain(RESTRICT);
      }
    };

    it('marks a paragraph moved and split, its parts apart, as moved from its whole to its parts', () => {
      const REVIEW = 'The Parties shall review this Memorandum every five years after its signature.';
      const { change, oldText, newText } = compareArticle(
        article([`${SHARE_30} ${RESTRICT}`, FUND, MEET, CLOSING, REVIEW]),
        article([FUND, MEET, CLOSING, SHARE_30.replace('shall', 'will'), REVIEW, RESTRICT]),
      );
      expect(change.provisions.filter((p) => p.kind === 'split').map((p) => `${p.old}→${p.new}${p.moved ? ' moved' : ''}`)).toEqual(['1→4 moved', '1→6 moved']);
      expectRebuilds(change.words, oldText, newText);
      // Where it stood: the whole, struck as moved but for the word it lost; where it stands: both parts, the
      // second with its new number inserted plainly
      expectSentencesMoved(change);
      // (the line break before it goes with the inserted number, as before any line inserted whole)
      expect(change.words.filter((w) => w.op === 'insert' && !w.moved).map((w) => w.text)).toEqual(expect.arrayContaining(['will', '\n6. ']));
      // The paragraph between the parts is not part of the split: untouched.
      expect(change.words).toContainEqual({ op: 'equal', text: expect.stringContaining(`5. ${REVIEW}`) });
      expect(change.words.filter((w) => w.op === 'delete' && !w.moved).map((w) => w.text)).toContain('shall');
      // Before, the whole was struck and its parts inserted plainly: "shall" and the time limit taken out and put in.
      expect(change.legal).toEqual([{ type: 'obligation', old: 'shall', new: 'will', direction: 'weaker' }]);
    });

    it('reads a split in place whose parts keep its words as its whole moved to its parts, not as a diff of the whole text', () => {
      const { change, oldText, newText } = compareArticle(
        article([`${SHARE_30} ${RESTRICT}`, FUND, MEET, CLOSING]),
        article([FUND, SHARE_30.replace('shall', 'will'), MEET, RESTRICT, CLOSING]),
      );
      expect(change.provisions.filter((p) => p.kind === 'split').map((p) => `${p.old}→${p.new}${p.moved ? ' moved' : ''}`)).toEqual(['1→2', '1→4']);
      expectRebuilds(change.words, oldText, newText);
      expectSentencesMoved(change);
      expect(change.words).toContainEqual({ op: 'equal', text: expect.stringContaining(`3. ${MEET}`) });
      // A diff of the whole text read "shall share information …" against "will establish a joint fund …".
      expect(change.legal).toEqual([{ type: 'obligation', old: 'shall', new: 'will', direction: 'weaker' }]);
    });

    it.skipIf(!corpus)('leaves a doubtful split in place whose parts stand apart to the diff of the whole text (Paris, Article 1)', () => {
      const dir = 'paris-agreement-drafts';
      const load = (file: string) => importDraft(readCorpus(`${dir}/${file}`), { file }).draft;
      const result = compareDrafts(load('v0_2015-10-05_ADP-cochairs-nonpaper-draft-agreement.txt'), load('v1_2015-10-23_ADP-draft-agreement.md'));
      const article1 = result.changes.find((c) => c.new[0]?.label === 'Article 1')!;
      // "CMA" (3) with the closing sentence, split into "Conference of the Parties" (12) and that sentence: its
      // parts cover 0.59 of it. Read as moved, "CMA" would be struck and inserted; the whole-text diff keeps it.
      const split = article1.provisions.filter((p) => p.kind === 'split');
      expect(split.map((p) => `${p.old}→${p.new ?? '¶'}`)).toEqual(['3→12', '3→¶']);
      expect(split[0]!.similarity).toBeLessThan(0.8);
      expect(article1.words.some((w) => w.moved)).toBe(false);
      expect(article1.words).toContainEqual(expect.objectContaining({ op: 'equal', text: expect.stringContaining('means the Conference of the Parties serving as the meeting of the Parties to this ') }));
    });

    it('reads a moved merge of two paragraphs that stood apart against the merged one', () => {
      const { change, oldText, newText, result } = compareArticle(
        article([SHARE_30, FUND, RESTRICT, MEET, CLOSING]),
        article([FUND, MEET, `${SHARE_30.replace('shall', 'will')} ${RESTRICT}`, CLOSING]),
      );
      expect(change.provisions.filter((p) => p.kind === 'merged').map((p) => `${p.old}→${p.new}${p.moved ? ' moved' : ''}`)).toEqual(['1→3 moved', '3→3 moved']);
      expectRebuilds(change.words, oldText, newText);
      expectSentencesMoved(change);
      // The second part's number goes with it, struck plainly.
      expect(change.words.filter((w) => w.op === 'delete' && !w.moved).map((w) => w.text)).toEqual(expect.arrayContaining(['shall', '3. ']));
      // Before: "shall → —" twice, "— → will" and "— → shall", and the figure taken out and put in.
      expect(change.legal).toEqual([{ type: 'obligation', old: 'shall', new: 'will', direction: 'weaker' }]);
      // The terminal redline marks the parts where they stood and the merged paragraph where it stands.
      const redline = textRedline(result);
      expect(redline).toMatch(/\[~1\. The Parties ~\]\[-shall-\]/);
      expect(redline).toMatch(/\{~3\. The Parties ~\}\{\+will\+\}/);
    });
  });

  it('keeps a change at the end of a line apart from the paragraph deleted after it', () => {
    const { change, oldText, newText } = compareArticle(article([COOPERATE.replace(/\.$/, ';'), FUND, SHARE]), article([COOPERATE, SHARE]));
    expectRebuilds(change.words, oldText, newText);
    expect(change.words.slice(0, 5)).toEqual([
      { op: 'equal', text: `1. ${COOPERATE.slice(0, -1)}` },
      { op: 'delete', text: ';', cosmetic: true },
      { op: 'insert', text: '.', cosmetic: true },
      { op: 'equal', text: '\n' },
      { op: 'delete', text: `2. ${FUND}\n` },
    ]);
  });

  it('cuts a change at the line end where two paragraphs diffed as one text meet', () => {
    // Two paragraphs deleted and one inserted in their place, alike enough to be diffed as one text: the
    // deletion that ends the first paragraph and opens the second is two ops, cut after the line break.
    const { change, oldText, newText } = compareArticle(
      article(['The Parties will review gallium stocks each year.', 'The review covers germanium.'], false),
      article(['The two Parties will jointly review their gallium stocks each quarter.'], false),
    );
    expect(change.provisions.map((p) => p.kind)).toEqual(['deleted', 'deleted', 'inserted']);
    expectRebuilds(change.words, oldText, newText);
    const changed = change.words.filter((w) => w.op !== 'equal').map((w) => `${w.op} ${JSON.stringify(w.text)}`);
    expect(changed).toEqual(['insert "two "', 'insert "jointly "', 'insert "their "', 'delete "year.\\n"', 'delete "The review covers germanium"', 'insert "quarter"']);
    // Nothing changed in law: the two cut ops are read as one change (legal.ts), not as a sentence taken out.
    expect(change.legal).toEqual([]);
  });

  it('strikes and inserts whole the unrelated paragraphs that replace one, rather than keep the words they share', () => {
    const { change } = compareArticle(
      article([COOPERATE, 'The Committee shall meet twice a year in Brussels and Washington.', NOTIFY]),
      article([COOPERATE, 'Stockpiles of gallium are to be reported every quarter to both capitals.', FUND, NOTIFY]),
    );
    const changed = change.words.filter((w) => w.op !== 'equal').map((w) => `${w.op} ${w.text}`);
    expect(changed).toContain('delete 2. The Committee shall meet twice a year in Brussels and Washington.');
    expect(changed).toContain(`insert 2. Stockpiles of gallium are to be reported every quarter to both capitals.\n3. ${FUND}`);
  });

  it('marks a point renumbered by a point inserted before it as cosmetic', () => {
    const points = (list: string[]) => '## Article 1\n\n1. The Participants will keep the trade routes open, in particular by:\n\n' + list.map((p, k) => `   (${'abc'[k]}) ${p}\n`).join('\n');
    const { change, oldText, newText } = compareArticle(points(['mapping the routes;', 'securing the ports.']), points(['mapping the routes;', 'pooling shipping data;', 'securing the ports.']));
    expectRebuilds(change.words, oldText, newText);
    expect(change.words).toContainEqual({ op: 'insert', text: '(b) pooling shipping data;\n' });
    expect(change.words).toContainEqual({ op: 'delete', text: '(b)', cosmetic: true });
    expect(change.words).toContainEqual({ op: 'insert', text: '(c)', cosmetic: true });
  });

  it('does not pair a figure of an inserted paragraph with the figure that opens the next one', () => {
    const { change } = compareArticle(
      article([COOPERATE, '30 days after entry into force, the Parties shall exchange their lists of strategic stocks.'], false),
      article([COOPERATE, '60 days after signature, the Parties may meet to prepare the exchange.', '45 days after entry into force, the Parties shall exchange their lists of strategic stocks.'], false),
    );
    expect(change.legal.filter((l) => l.type === 'figure')).toEqual([
      { type: 'figure', old: null, new: '60 days' },
      { type: 'figure', old: '30 days', new: '45 days' },
    ]);
  });

  it('reads a moved paragraph against itself for what changed in law', () => {
    const NOTICE = 'Each Party shall notify the other of export restrictions within 30 days.';
    const REVIEW = 'The Parties will review this Memorandum every five years.';
    const MEET = 'The Committee will meet in Brussels and Washington in turn.';
    // Moved and edited: "shall" → "may" is weaker, and 30 → 60 days one change, not four.
    const edited = compareArticle(article([COOPERATE, NOTICE, REVIEW, MEET], false), article([COOPERATE, REVIEW, MEET, NOTICE.replace('shall', 'may').replace('30', '60')], false));
    expect(edited.change.provisions.map((p) => `${p.kind}${p.moved ? ' moved' : ''}`)).toContain('edited moved');
    expect(edited.change.legal).toEqual([
      { type: 'obligation', old: 'shall', new: 'may', direction: 'weaker' },
      { type: 'figure', old: 'within 30 days', new: 'within 60 days' },
    ]);
    // Only moved: nothing changed in law.
    const moved = compareArticle(article([COOPERATE, NOTICE, REVIEW, MEET], false), article([COOPERATE, REVIEW, MEET, NOTICE], false));
    expect(moved.change.legal).toEqual([]);
    // Two paragraphs swapped, one with "shall", the other with "may": still nothing (each is read against itself).
    const FUNDING = 'The Secretariat may convene experts at least twice a year.';
    const swapped = compareArticle(article([COOPERATE, NOTICE, REVIEW, MEET, FUNDING]), article([COOPERATE, FUNDING, REVIEW, MEET, NOTICE]));
    expect(swapped.change.legal).toEqual([]);
    // Moved away from where a new paragraph comes in: the new paragraph's "may" is added, not "shall → may".
    const replaced = compareArticle(article([COOPERATE, NOTICE, REVIEW, MEET]), article([COOPERATE, FUNDING, REVIEW, MEET, NOTICE]));
    expect(replaced.change.legal.filter((l) => l.type === 'obligation')).toEqual([{ type: 'obligation', old: null, new: 'may' }]);
  });

  it('reads a defined term changed in a moved paragraph with the terms the clause defines', () => {
    const DEFINE = 'For the purposes of this Memorandum, "Participants" means the signatories and "Member States" means the States of the Union.';
    const { change } = compareArticle(
      article([DEFINE, 'The Participants shall notify the Committee of export restrictions.', 'The Committee will meet in Brussels.', 'The Committee will report every year.'], false),
      article([DEFINE, 'The Committee will meet in Brussels.', 'The Committee will report every year.', 'The Member States shall notify the Committee of export restrictions.'], false),
    );
    expect(change.provisions.some((p) => p.moved)).toBe(true);
    expect(change.legal).toEqual([{ type: 'defined-term', old: 'Participants', new: 'Member States' }]);
  });

  it('keeps a word-level redline inside an edited paragraph', () => {
    const { change } = compareArticle(article([COOPERATE, SHARE, NOTIFY]), article([COOPERATE, FUND, SHARE.replace('shall', 'will'), NOTIFY]));
    const changed = change.words.filter((w) => w.op !== 'equal').map((w) => `${w.op} ${w.text}`);
    expect(changed).toContain('delete shall');
    expect(changed).toContain('insert will');
    expect(change.legal).toContainEqual({ type: 'obligation', old: 'shall', new: 'will', direction: 'weaker' });
  });

  it('keeps the text of any paragraph moved and split, or moved and merged, the same at both ends', () => {
    const sentence = fc.array(fc.constantFrom('The', 'Parties', 'shall', 'will', 'share', 'information', 'on', 'gallium', 'stocks', 'within', '30', 'days', 'each', 'year', 'refining', 'fund', 'Each'), { minLength: 4, maxLength: 10 })
      .map((words) => words.join(' ') + '.');
    const paragraph = fc.array(sentence, { minLength: 1, maxLength: 2 });
    let movedGroups = 0;
    let apartGroups = 0;
    fc.assert(fc.property(fc.array(paragraph, { minLength: 2, maxLength: 6 }), fc.array(fc.tuple(fc.nat(5), fc.constantFrom('split', 'merge', 'front', 'back', 'edit', 'scatter')), { minLength: 1, maxLength: 3 }), fc.boolean(),
      (paragraphs, edits, numbered) => {
        let after = paragraphs.map((p) => [...p]);
        for (const [at, kind] of edits) {
          const k = at % after.length;
          if (kind === 'split' && after[k]!.length === 2) after.splice(k, 1, [after[k]![0]!], [after[k]![1]!]);
          else if (kind === 'merge' && k + 1 < after.length) after.splice(k, 2, [...after[k]!, ...after[k + 1]!]);
          else if (kind === 'front') after.unshift(...after.splice(k, 1));
          else if (kind === 'back') after.push(...after.splice(k, 1));
          // Split, the first part taken to the front: parts apart when other paragraphs stood before.
          else if (kind === 'scatter' && after[k]!.length === 2) {
            const [first, second] = after[k]!;
            after.splice(k, 1, [second!]);
            after.unshift([first!]);
          }
          else if (kind === 'edit') after[k] = after[k]!.map((x, q) => (q === 0 ? x.replace(/\.$/, ' promptly.') : x));
        }
        after = after.filter((p) => p.length > 0);
        // A second sentence opening with "Each" is a further paragraph of the item (a provision of two lines).
        const text = (p: string[]) => (p.length === 2 && p[1]!.startsWith('Each') ? `${p[0]}\n\n   ${p[1]}` : p.join(' '));
        const a = parseDraft(article(paragraphs.map(text), numbered)).draft, b = parseDraft(article(after.map(text), numbered)).draft;
        const oldText = clauseText(a.clauses[0]!, { brackets: 'marked' }), newText = clauseText(b.clauses[0]!, { brackets: 'marked' });
        for (const change of alignDrafts(a, b).changes) {
          if (change.kind !== 'edited' || !change.provisionLines) continue;
          const moves: MovedText[] = [];
          const ops = diffByProvisions(oldText, newText, change.provisionLines.old, change.provisionLines.new, change.provisions, moves);
          if (!ops) continue;
          expectRebuilds(ops, oldText, newText);
          expectOffsets(ops, oldText, newText);
          expectLineBounded(ops, oldText, newText);
          if (change.provisions.some((p) => p.moved && p.group !== undefined)) movedGroups++;
          if (partsApart(change.provisions)) apartGroups++;
          // Each move's text, read in order where it stood and where it stands, is the same but for the words
          // that changed on the way (plain ops) and the item numbers and line breaks that go with its place.
          for (const m of moves) {
            expect(movedTextWithin(ops, 'delete', oldText, m.old)).toBe(movedTextWithin(ops, 'insert', newText, m.new));
          }
          // Moved text outside every listed move is a defect.
          for (const op of ops) {
            if (!op.moved) continue;
            const at = op.op === 'delete' ? op.oldStart! : op.newStart!;
            const inside = moves.some((m) => (op.op === 'delete' ? m.old : m.new).some((span) => span.start <= at + 1 && at < span.end));
            expect(inside, `${op.op} ${JSON.stringify(op.text)}`).toBe(true);
          }
        }
      }), { numRuns: 1000 });
    // The generator must reach the cases this test is about: a moved split or merge in about 1 run in 17, one
    // whose parts stand apart in about 1 in 24 (measured over 20,000 runs).
    expect(movedGroups).toBeGreaterThan(0);
    expect(apartGroups).toBeGreaterThan(0);
  });

  it('rebuilds both texts for any paragraphs inserted, deleted, edited or moved', () => {
    const sentence = fc.array(fc.constantFrom('The', 'Parties', 'shall', 'will', 'share', 'information', 'on', 'gallium', 'stocks', 'within', '30', 'days', 'each', 'year', '(a)'), { minLength: 3, maxLength: 12 })
      .map((words) => words.join(' ') + '.');
    // A paragraph, sometimes with a further paragraph of its own (of its list item when numbered).
    const paragraph = fc.tuple(sentence, fc.option(sentence, { freq: 4 })).map(([first, more]) => (more ? `${first}\n\n   ${more}` : first));
    fc.assert(fc.property(fc.array(paragraph, { minLength: 1, maxLength: 6 }), fc.array(fc.tuple(fc.nat(5), fc.constantFrom('insert', 'delete', 'edit', 'end', 'move')), { maxLength: 4 }), sentence, fc.boolean(),
      (paragraphs, edits, extra, numbered) => {
        const after = [...paragraphs];
        for (const [at, kind] of edits) {
          const k = at % Math.max(1, after.length);
          if (kind === 'insert') after.splice(k, 0, extra);
          else if (kind === 'delete' && after.length > 1) after.splice(k, 1);
          else if (kind === 'edit' && after.length > 0) after[k] = after[k]!.replace(/\.$/, ' promptly.');
          // A change at the very end of a line, next to whatever follows it.
          else if (kind === 'end' && after.length > 0) after[k] = after[k]!.replace(/\.$/, ';');
          else if (kind === 'move' && after.length > 1) after.push(...after.splice(k, 1));
        }
        const a = parseDraft(article(paragraphs, numbered)).draft, b = parseDraft(article(after, numbered)).draft;
        const oldText = clauseText(a.clauses[0]!, { brackets: 'marked' }), newText = clauseText(b.clauses[0]!, { brackets: 'marked' });
        for (const change of compareDrafts(a, b).changes) {
          if (change.kind !== 'edited') continue;
          expectRebuilds(change.words, oldText, newText);
        }
        // Where the provision path applies (a paragraph inserted, deleted or moved; every line here is one
        // provision), it must give ops itself rather than fall back to the whole-text diff.
        const alignment = alignDrafts(a, b);
        for (const change of alignment.changes) {
          const p = change.provisions;
          if (change.kind !== 'edited' || !p.some((x) => x.kind === 'inserted' || x.kind === 'deleted' || x.moved) || p.some((x) => x.kind === 'split' || x.kind === 'merged')) continue;
          const ops = diffByProvisions(oldText, newText, change.provisionLines!.old, change.provisionLines!.new, p);
          expect(ops).not.toBeNull();
          expectRebuilds(ops!, oldText, newText);
          expectOffsets(ops!, oldText, newText);
          expectLineBounded(ops!, oldText, newText);
          expectMovedTextKept(ops!, p.some((x) => x.moved), oldText, newText);
        }
      }), { numRuns: 300 });
  });
});

describe('provision notes', () => {
  const withPoints = (intro: string[], pointB: string) => '## Article 1\n\n' + [
    ...intro.map((p, k) => `${k + 1}. ${p}\n`),
    `${intro.length + 1}. The Participants will keep the trade routes open, in particular by:\n\n   (a) mapping the routes;\n\n   (b) ${pointB}\n`,
    `${intro.length + 2}. ${NOTIFY}\n`,
  ].join('\n');

  it('leave out the points renumbered only with their paragraph, and keep a point that changed', () => {
    const { result } = compareArticle(withPoints([COOPERATE], 'securing the ports.'), withPoints([COOPERATE, FUND], 'securing the ports.'));
    expect(textRedline(result, { colour: false })).toContain('provisions: ¶2 inserted; ¶2→3 unchanged; ¶3→4 unchanged\n');
    const edited = compareArticle(withPoints([COOPERATE], 'securing the ports.'), withPoints([COOPERATE, FUND], 'securing the ports and lanes.'));
    expect(textRedline(edited.result, { colour: false })).toContain('provisions: ¶2 inserted; ¶2→3 unchanged; ¶2(b)→3(b) edited; ¶3→4 unchanged\n');
  });
});

describe('three-way and history redlines follow the provisions too', () => {
  const base = parseDraft(article([COOPERATE, SHARE, NOTIFY])).draft;
  const inserted = parseDraft(article([COOPERATE, FUND, SHARE, NOTIFY])).draft;
  const edited = parseDraft(article([COOPERATE, SHARE.replace('shall', 'will'), NOTIFY])).draft;

  it('in parley diff --base', () => {
    const entry = threeWay(base, inserted, edited).entries.find((e) => e.id === base.clauses[0]!.id)!;
    expect(entry.status).toBe('conflict');
    expect(entry.firstChange.words.map((w) => `${w.op} ${w.text}`)).toContain(`insert 2. ${FUND}\n`);
    expect(entry.between!.map((w) => `${w.op} ${w.text}`)).toContain(`delete 2. ${FUND}\n`);
  });

  it('in parley diff --base, as parley diff reads a paragraph reworded in place', () => {
    // A clause whose paragraphs share many phrases ("notify the other of export restrictions"): measured on
    // its own, its background is high enough that the reworded paragraph would not pair.
    const others = ['The European Union will notify the other of export restrictions promptly.', 'The Secretariat shall notify the other of export restrictions of EUR 5 million.', 'The Parties will notify the other of export restrictions by 1 January 2026.', 'The European Union may notify the other of export restrictions within 30 days.'];
    const was = parseDraft(article([...others.slice(0, 2), 'Each Party may publish a report in Brussels.', ...others.slice(2)])).draft;
    const now = parseDraft(article([...others.slice(0, 2), 'Australia must publish a report within 60 days.', ...others.slice(2)])).draft;
    const twoWay = compareDrafts(was, now, { ids: 'always' }).changes[0]!.words.map((w) => `${w.op} ${w.text}`);
    const threeWayWords = threeWay(was, now, was).entries.find((e) => e.id === was.clauses[0]!.id)!.firstChange.words.map((w) => `${w.op} ${w.text}`);
    expect(threeWayWords).toEqual(twoWay);
    expect(twoWay).toContain('insert Australia must');
  });

  it('in parley history', () => {
    const version = (n: number, draft: typeof base) => ({ version: n, label: `v${n}`, tabledBy: 'EU', date: '2026-01-01', status: 'draft' as const, draft });
    const history = clauseHistory([version(1, base), version(2, inserted)], base.clauses[0]!.id);
    expect(history.entries[1]!.change!.words.map((w) => `${w.op} ${w.text}`)).toContain(`insert 2. ${FUND}\n`);
  });

  it('mark moved text in both, and keep the mark in their JSON', () => {
    // The second paragraph moved to the end (the others keep their order) and edited on the way.
    const was = parseDraft(article([COOPERATE, SHARE, NOTIFY, FUND])).draft;
    const moved = parseDraft(article([COOPERATE, NOTIFY, FUND, SHARE.replace('shall', 'will')])).draft;
    const version = (n: number, draft: typeof base) => ({ version: n, label: `v${n}`, tabledBy: 'EU', date: '2026-01-01', status: 'draft' as const, draft });
    const history = clauseHistoryJson(clauseHistory([version(1, was), version(2, moved)], was.clauses[0]!.id));
    const words = history.versions[1]!.change!.words;
    expect(words).toContainEqual({ op: 'delete', text: '2. The Parties ', moved: true });
    expect(words).toContainEqual({ op: 'insert', text: 'will' });
    const entry = threeWay(was, moved, was).entries.find((e) => e.id === was.clauses[0]!.id)!;
    expect(entry.firstChange.words.filter((w) => w.moved).map((w) => w.op)).toEqual(['delete', 'delete', 'insert', 'insert']);
  });
});
