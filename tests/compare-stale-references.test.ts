/**
 * Stale cross-references: a reference the new draft left as it stood while the clause it named was renumbered
 * or deleted (`staleReferences` on the entries, with `staleReferences: true`), on the sample negotiation, on
 * hand-made drafts for each rule, on the adopted Paris Agreement renumbered without its references, and as a
 * property of random renumberings with some references updated and some left.
 */
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareDrafts } from '../src/compare/compare.js';
import type { ClauseChangeJson } from '../src/compare/contract.js';
import { htmlRedline } from '../src/export/html-redline.js';
import { staleMarks } from '../src/export/stale-marks.js';
import { staleNote, textRedline } from '../src/export/text-redline.js';
import { importDraft } from '../src/format/import-text.js';
import { parseDraft } from '../src/format/markdown.js';
import { hasGenerator, loadMakePair } from './support/compare-align-support.js';
import { corpus, corpusSkipReason } from './support/corpus.js';

const dir = path.resolve(import.meta.dirname, '../fixtures/rare-earths-mou');
const version = (v: number) => parseDraft(fs.readFileSync(path.join(dir, `versions/v${v}.md`), 'utf8')).draft;

/** A draft of articles given as [title, body], numbered from 1 (or by `labels`). */
function articles(list: readonly (readonly [string, string])[], labels?: readonly string[]): string {
  return list.map(([title, body], k) => `## ${labels?.[k] ?? `Article ${k + 1}`}\n### ${title}\n\n${body}\n`).join('\n');
}

function compare(oldText: string, newText: string) {
  return compareDrafts(importDraft(oldText).draft, importDraft(newText).draft, { staleReferences: true });
}

/** "Article 4: "Article 2" meant Article 2, now Article 3, names Article 2" for each stale reference. */
function staleOf(c: { changes: ClauseChangeJson[] }): string[] {
  return c.changes.flatMap((change) => (change.staleReferences ?? []).map((s) =>
    `${change.new.map((r) => r.label).join('+')}: "${s.text}" meant ${s.named.label}, now ${s.now.map((r) => r.label).join('+') || '-'}, names ${s.names?.label ?? '-'}`));
}

const SCOPE: [string, string] = ['Scope', 'This Memorandum covers critical minerals and rare earth elements mined or refined in the territory of either Participant.'];
const STOCKS: [string, string] = ['Stockpiles', 'The Participants will coordinate the building up and release of their strategic stockpiles of processed rare earths.'];
const PRICING: [string, string] = ['Pricing', 'The Participants will explore a common pricing mechanism that reflects the real cost of responsible extraction and refining.'];
const DEFINITIONS: [string, string] = ['Definitions', 'For this Memorandum, rare earth elements means the seventeen metallic elements, scandium and yttrium included.'];
const review = (ref: string): [string, string] => ['Review', `Subject to ${ref}, the Participants will review the level of their stockpiles every year.`];

describe('stale references', () => {
  it('finds the sample negotiation\'s "under Paragraph 8" left in Emergency planning when Stockpiling became Paragraph 5 (v3 → v4)', () => {
    const c = compareDrafts(version(3), version(4), { ids: 'always', staleReferences: true });
    expect(staleOf(c)).toEqual(['Paragraph 9: "Paragraph 8" meant Paragraph 8, now Paragraph 5, names Paragraph 8']);
    const change = c.changes.find((x) => x.staleReferences)!;
    // The clause itself is unchanged: its text did not change, and that is the trouble.
    expect(change).toMatchObject({ kind: 'unchanged', renumbered: true, new: [{ id: 'emergency-planning' }] });
    expect(change.staleReferences![0]).toMatchObject({ named: { id: 'stockpiling', title: 'Stockpiling' }, now: [{ id: 'stockpiling' }], names: { id: 'information-sharing' } });
    // v1 → v2 renumbered the reference with Stockpiling ("Paragraph 9" → "Paragraph 8"): nothing stale.
    expect(staleOf(compareDrafts(version(1), version(2), { ids: 'always', staleReferences: true }))).toEqual([]);
    // Asked for only: without the option the entries have no such field.
    expect(compareDrafts(version(3), version(4), { ids: 'always' }).changes.some((x) => 'staleReferences' in x)).toBe(false);
  });

  it('says so in the text and HTML redlines, and shows the unchanged clause among the changes only', () => {
    const c = compareDrafts(version(3), version(4), { ids: 'always', staleReferences: true });
    const text = textRedline(c, { changedOnly: true });
    expect(text.split('\n')[1]).toMatch(/, 1 stale reference$/);
    expect(text).toContain('Paragraph 9 — Emergency planning for shortages (was Paragraph 7)  [unchanged, renumbered]\n' +
      '  stale reference: "Paragraph 8" meant Paragraph 8 (Stockpiling), now Paragraph 5; here it names Paragraph 8 (Information sharing on supply risks)');
    // Other unchanged clauses stay out of the changes-only redline.
    expect(text).not.toContain('Paragraph 7 — Research and innovation');
    const html = htmlRedline(c, { changedOnly: true });
    expect(html).toContain('<ul class="stale"><li><b>stale reference</b>: &quot;Paragraph 8&quot; meant Paragraph 8 (Stockpiling), now Paragraph 5; here it names Paragraph 8 (Information sharing on supply risks)</li></ul>');
    expect(html).toContain('id="c-emergency-planning"');
    // The words themselves are marked in the new text, with the note as their title.
    expect(html).toContain('including the release of stocks under <mark class="stale-ref" title="&quot;Paragraph 8&quot; meant Paragraph 8 (Stockpiling), now Paragraph 5; here it names Paragraph 8 (Information sharing on supply risks)">Paragraph 8</mark> and the allocation');
    expect(html.match(/<mark class="stale-ref"/g)).toHaveLength(1);
    expect(htmlRedline(c, { changedOnly: true, layout: 'inline' }).match(/<mark class="stale-ref"[^>]*>Paragraph 8<\/mark>/g)).toHaveLength(1);
  });

  it('marks the places the comparison found, not every occurrence of the same words', () => {
    const clause = 'under Article 8 and also Article 8, and Article 8 of the Convention';
    const second = clause.indexOf('Article 8, and');
    const stale = [{ text: 'Article 8', named: { id: 'a', label: 'Article 8', title: '', path: [] }, now: [], places: [{ start: second, end: second + 9 }] }];
    const marked = (text: string, start: number) => staleMarks(text, stale, start).map((p) => (p.stale ? `<${p.text}>` : p.text)).join('');
    expect(marked(clause, 0)).toBe('under Article 8 and also <Article 8>, and Article 8 of the Convention');
    // A run that begins further into the clause's new text: its offsets are shifted by where it begins.
    expect(marked(clause.slice(second - 5), second - 5)).toBe('also <Article 8>, and Article 8 of the Convention');
    expect(marked(clause.slice(0, 10), 0)).toBe('under Arti');
    expect(staleMarks('Article 8', undefined, 0)).toEqual([{ text: 'Article 8' }]);
  });

  it('marks only the reference left behind where the same words also stand renumbered correctly or naming another instrument', () => {
    // Old Article 2 (Stockpiles) is cited and updated to "Article 3"; old Article 3 (Pricing) is cited and left at
    // "Article 3", which now names Stockpiles; "Article 3 of the Convention" names another instrument.
    const cites = (stocks: number, pricing: number) => ['Review', `The review will cover the stockpiles under Article ${stocks}, the prices under Article ${pricing} and the duties under Article 3 of the Convention.`] as const;
    const c = compare(articles([SCOPE, STOCKS, PRICING, cites(2, 3)]), articles([DEFINITIONS, SCOPE, STOCKS, PRICING, cites(3, 3)]));
    expect(staleOf(c)).toEqual(['Article 5: "Article 3" meant Article 3, now Article 4, names Article 3']);
    const change = c.changes.find((x) => x.staleReferences)!;
    expect(change.kind).toBe('unchanged');
    // The reference renumbered with the drafts shows in the redline, as a cosmetic change.
    expect(change.words.filter((w) => w.op !== 'equal')).toEqual([{ op: 'delete', text: '2', cosmetic: true }, { op: 'insert', text: '3', cosmetic: true }]);
    const text = change.words.filter((w) => w.op !== 'delete').map((w) => w.text).join('');
    const places = change.staleReferences![0]!.places;
    expect(places).toHaveLength(1);
    expect(text.slice(places[0]!.start, places[0]!.end)).toBe('Article 3');
    expect(text.slice(0, places[0]!.start)).toBe('The review will cover the stockpiles under Article 3, the prices under ');
    // The text redline shows it too, and the HTML's old side keeps the old number.
    expect(textRedline(c)).toContain('  The review will cover the stockpiles under Article [-2-]{+3+}, the prices under Article 3 and the duties under Article 3 of the Convention.');
    expect(htmlRedline(c)).toContain('<td class="text old">The review will cover the stockpiles under Article <del class="cosmetic">2</del>, the prices under Article 3');
    for (const layout of ['side-by-side', 'inline'] as const) {
      const html = htmlRedline(c, { changedOnly: true, layout });
      expect(html.match(/<mark class="stale-ref"/g)).toHaveLength(1);
      expect(html).toContain('the prices under <mark class="stale-ref"');
    }
    // In an edited clause the places count the inserted text before them, and not the deleted.
    const edited = compare(articles([SCOPE, STOCKS, PRICING, cites(2, 3)]), articles([DEFINITIONS, SCOPE, STOCKS, PRICING, ['Review', cites(3, 3)[1].replace('The review will cover', 'Each year the review shall cover')]]));
    const e = edited.changes.find((x) => x.staleReferences)!;
    expect(e.kind).toBe('edited');
    const newText = e.words.filter((w) => w.op !== 'delete').map((w) => w.text).join('');
    const [place] = e.staleReferences![0]!.places;
    expect(newText.slice(place!.start, place!.end)).toBe('Article 3');
    expect(newText.slice(place!.start - 'the prices under '.length, place!.start)).toBe('the prices under ');
    expect(htmlRedline(edited, { changedOnly: true, layout: 'inline' })).toContain('the prices under <mark class="stale-ref"');
  });

  it('finds a reference left to an article renumbered by an insertion, and not one renumbered with it', () => {
    const old = articles([SCOPE, STOCKS, review('Article 2'), ['Final', 'This Memorandum takes effect on signature, except Article 3.']]);
    const now = articles([DEFINITIONS, SCOPE, STOCKS, review('Article 2'), ['Final', 'This Memorandum takes effect on signature, except Article 4.']]);
    const c = compare(old, now);
    expect(staleOf(c)).toEqual(['Article 4: "Article 2" meant Article 2, now Article 3, names Article 2']);
    expect(c.changes.find((x) => x.staleReferences)!.staleReferences![0]!.names!.title).toBe('Scope');
  });

  it('notes a reference changed, but not to where its article went ("Article 2" → "Article 4" as Article 2 became Article 3), and no other change of a reference', () => {
    const old = articles([SCOPE, STOCKS, review('Article 2'), PRICING]);
    const changed = (ref: string) => compare(old, articles([DEFINITIONS, SCOPE, STOCKS, review(ref), PRICING]));
    const c = changed('Article 4');
    expect(staleOf(c)).toEqual(['Article 4: "Article 4" meant Article 2, now Article 3, names Article 4']);
    expect(c.changes[3]!.staleReferences![0]).toMatchObject({ was: 'Article 2', names: { title: 'Review' } });
    expect(staleNote(c.changes[3]!.staleReferences![0]!)).toBe('"Article 4", made from "Article 2", names Article 4 (Review); "Article 2" meant Article 2 (Stockpiles), now Article 3');
    // The text redline says so, and the HTML marks the new words.
    expect(textRedline(c, { changedOnly: true })).toContain('stale reference: "Article 4", made from "Article 2", names Article 4 (Review)');
    // (its word in the text both drafts hold, its new number in the insert).
    expect(htmlRedline(c, { changedOnly: true })).toMatch(/<mark class="stale-ref" title="&quot;Article 4&quot;, made from[^"]*">Article <\/mark><ins><mark class="stale-ref" title="&quot;Article 4&quot;, made from[^"]*">4<\/mark><\/ins>/);
    // Renumbered with its article: nothing to say. To a number that names no article, or another instrument's: rewritten.
    expect(staleOf(changed('Article 3'))).toEqual([]);
    expect(staleOf(changed('Article 9'))).toEqual([]);
    expect(staleOf(changed('Article 4 of the Convention'))).toEqual([]);
    // An article that kept its number cited anew ("Article 1" → "Article 3" where Article 1 is Article 1 still): a
    // choice of the drafters, not a reference left behind.
    expect(staleOf(compare(articles([SCOPE, STOCKS, review('Article 1')]), articles([SCOPE, STOCKS, review('Article 2')])))).toEqual([]);
    // A deleted article's reference rewritten to cite another: nothing.
    expect(staleOf(compare(articles([SCOPE, STOCKS, review('Article 2')]), articles([SCOPE, review('Article 1')])))).toEqual([]);
  });

  it('finds the sample negotiation\'s "under Paragraph 9" made "Paragraph 8" across its rounds, while Stockpiling became Paragraph 5 (v1 → v5)', () => {
    const c = compareDrafts(version(1), version(5), { ids: 'always', staleReferences: true });
    expect(c.changes.flatMap((x) => (x.staleReferences ?? []).map(staleNote)))
      .toEqual(['"Paragraph 8", made from "Paragraph 9", names Paragraph 8 (Information sharing on supply risks); "Paragraph 9" meant Paragraph 9 (Stockpiling), now Paragraph 5']);
  });

  it('reads each number of a list ("Articles 2 and 3") as a reference of its own: left behind or renumbered with the drafts', () => {
    const FINAL: [string, string] = ['Final', 'This Memorandum takes effect on signature.'];
    const cite = (refs: string): [string, string] => ['Review', `The Participants will review ${refs} every year.`];
    // Definitions put first: Stockpiles (2) is now Article 3 and Pricing (3) Article 4.
    const left = compare(articles([SCOPE, STOCKS, PRICING, cite('Articles 2 and 3'), FINAL]), articles([DEFINITIONS, SCOPE, STOCKS, PRICING, cite('Articles 2 and 3'), FINAL]));
    expect(staleOf(left)).toEqual(['Article 5: "Articles 2" meant Article 2, now Article 3, names Article 2', 'Article 5: "3" meant Article 3, now Article 4, names Article 3']);
    // Only the second number left: "Articles 3 and 3" now cites Stockpiles twice.
    const half = compare(articles([SCOPE, STOCKS, PRICING, cite('Articles 2, 3')]), articles([DEFINITIONS, SCOPE, STOCKS, PRICING, cite('Articles 3, 3')]));
    expect(staleOf(half)).toEqual(['Article 5: "3" meant Article 3, now Article 4, names Article 3']);
    expect(staleOf(compare(articles([SCOPE, STOCKS, PRICING, cite('Articles 2 and 3')]), articles([DEFINITIONS, SCOPE, STOCKS, PRICING, cite('Articles 3 and 4')])))).toEqual([]);
    expect(staleOf(compare(articles([SCOPE, STOCKS, PRICING, cite('Articles 2 and 3 of the Convention')]), articles([DEFINITIONS, SCOPE, STOCKS, PRICING, cite('Articles 2 and 3 of the Convention')])))).toEqual([]);
  });

  it('reads each end of a range ("Articles 2 to 3") as a reference of its own', () => {
    const cite = (refs: string): [string, string] => ['Review', `The Participants will review ${refs} every year.`];
    const left = compare(articles([SCOPE, STOCKS, PRICING, cite('Articles 2 to 3')]), articles([DEFINITIONS, SCOPE, STOCKS, PRICING, cite('Articles 2 to 3')]));
    expect(staleOf(left)).toEqual(['Article 5: "Articles 2" meant Article 2, now Article 3, names Article 2', 'Article 5: "3" meant Article 3, now Article 4, names Article 3']);
    expect(staleOf(compare(articles([SCOPE, STOCKS, PRICING, cite('Articles 2\u20133')]), articles([DEFINITIONS, SCOPE, STOCKS, PRICING, cite('Articles 2\u20133')])))).toHaveLength(2);
    // Written with a hyphen, where no clause is labelled "2-3": each end too.
    const hyphen = compare(articles([SCOPE, STOCKS, PRICING, cite('Articles 2-3')]), articles([DEFINITIONS, SCOPE, STOCKS, PRICING, cite('Articles 2-3')]));
    expect(staleOf(hyphen)).toEqual(['Article 5: "Articles 2" meant Article 2, now Article 3, names Article 2', 'Article 5: "3" meant Article 3, now Article 4, names Article 3']);
    expect(staleOf(compare(articles([SCOPE, STOCKS, PRICING, cite('Articles 2-3')]), articles([DEFINITIONS, SCOPE, STOCKS, PRICING, cite('Articles 3-4')])))).toEqual([]);
    expect(staleOf(compare(articles([SCOPE, STOCKS, PRICING, cite('Articles 2 to 3')]), articles([DEFINITIONS, SCOPE, STOCKS, PRICING, cite('Articles 3 to 4')])))).toEqual([]);
    // Another instrument's: "Sections 1 through 7 of Part II of the TRIPS Agreement", as the US–Jordan text cites them.
    for (const other of ['Articles 2 through 3 of the Convention', 'Articles 2\u20133 of the Convention', 'Articles 2 to 3 of the Convention']) {
      expect(staleOf(compare(articles([SCOPE, STOCKS, PRICING, cite(other)]), articles([DEFINITIONS, SCOPE, STOCKS, PRICING, cite(other)]))), other).toEqual([]);
    }
  });

  it('notes a range whose ends stand while an article was put in or moved in between them ("Article 3bis")', () => {
    const cite = (refs: string): [string, string] => ['Review', `The Participants will review ${refs} every year.`];
    const EXPORTS: [string, string] = ['Export bans', 'Neither Participant will impose export bans or quotas on critical minerals or rare earths.'];
    const labels = (n: number, bisAfter: number) => Array.from({ length: n }, (_, k) => (k < bisAfter ? `Article ${k + 1}` : k === bisAfter ? `Article ${bisAfter}bis` : `Article ${k}`));
    const ranges = (c: ReturnType<typeof compare>) => c.changes.flatMap((change) => (change.staleReferences ?? []).filter((s) => s.range).map((s) =>
      `"${s.text}" + ${s.range!.added.map((r) => r.label).join(', ') || '-'} − ${s.range!.removed.map((r) => r.label).join(', ') || '-'}`));
    const old = (refs: string) => articles([SCOPE, STOCKS, PRICING, cite(refs)]);
    // Article 2bis put in between Articles 2 and 3, which keep their numbers.
    const putIn = (refs: string) => articles([SCOPE, STOCKS, EXPORTS, PRICING, cite(refs)], labels(5, 2));
    for (const refs of ['Articles 1 to 3', 'Articles 1-3', 'Articles 1 through 3', 'Articles 2\u20133']) {
      const c = compare(old(refs), putIn(refs));
      expect(ranges(c), refs).toEqual([`"${refs}" + Article 2bis − -`]);
      expect(c.changes.find((x) => x.staleReferences)!.kind, refs).toBe('unchanged');
    }
    const note = staleNote(compare(old('Articles 1 to 3'), putIn('Articles 1 to 3')).changes.find((x) => x.staleReferences)!.staleReferences![0]!);
    expect(note).toBe('"Articles 1 to 3" now also covers Article 2bis (Export bans), which stands between its ends');
    // Put in after the range, or the range rewritten for it: nothing to say. Another instrument's articles neither.
    expect(ranges(compare(old('Articles 1 to 2'), putIn('Articles 1 to 2')))).toEqual([]);
    expect(ranges(compare(old('Articles 2 to 3'), putIn('Articles 2, 2bis and 3')))).toEqual([]);
    expect(ranges(compare(old('Articles 1 to 3 of the Convention'), putIn('Articles 1 to 3 of the Convention')))).toEqual([]);
    // An article deleted from between the ends is gone from the text, not from the range.
    expect(ranges(compare(articles([SCOPE, STOCKS, EXPORTS, PRICING, cite('Articles 1 to 4')]), articles([SCOPE, STOCKS, PRICING, cite('Articles 1 to 4')], ['Article 1', 'Article 2', 'Article 4', 'Article 5']))))
      .toEqual([]);
    // Moved in from after the range (Export bans was Article 4): the range covers it now; the HTML redline marks the range.
    const movedIn = compare(articles([SCOPE, STOCKS, PRICING, EXPORTS, cite('Articles 1 to 3')]), articles([SCOPE, STOCKS, EXPORTS, PRICING, cite('Articles 1 to 3')], ['Article 1', 'Article 2', 'Article 2bis', 'Article 3', 'Article 5']));
    expect(ranges(movedIn)).toEqual(['"Articles 1 to 3" + Article 2bis − -']);
    expect(htmlRedline(movedIn, { changedOnly: true, layout: 'inline' })).toMatch(/<mark class="stale-ref"[^>]*>Articles 1 to 3<\/mark>/);
    // Moved out from between them and renumbered (Export bans, Article 3, is now Article 4bis after Pricing).
    const movedOut = compare(articles([SCOPE, STOCKS, EXPORTS, PRICING, cite('Articles 1 to 4')]), articles([SCOPE, STOCKS, PRICING, EXPORTS, cite('Articles 1 to 4')], ['Article 1', 'Article 2', 'Article 4', 'Article 4bis', 'Article 5']));
    expect(ranges(movedOut)).toEqual(['"Articles 1 to 4" + - − Article 3']);
    expect(staleNote(movedOut.changes.find((x) => x.staleReferences)!.staleReferences![0]!)).toBe('"Articles 1 to 4" no longer covers Article 3 (Export bans), which moved away');
    // Moved keeping its number (Article 4 now stands between Articles 2 and 3): read by its number, as before.
    expect(ranges(compare(articles([SCOPE, STOCKS, PRICING, EXPORTS, cite('Articles 1 to 3')]), articles([SCOPE, STOCKS, EXPORTS, PRICING, cite('Articles 1 to 3')], ['Article 1', 'Article 2', 'Article 4', 'Article 3', 'Article 5'])))).toEqual([]);
  });

  it('reads paragraphs put in without renumbering ("2bis.") and renumbered at the end, and the references to them', () => {
    const stocks = (final: boolean): [string, string] => ['Stockpiles', final
      ? '1. Each Participant will hold stocks.\n\n2. Stocks cover ninety days.\n\n3. Stocks are held in the territory of the Participant.\n\n4. Releases are notified.'
      : '1. Each Participant will hold stocks.\n\n2. Stocks cover ninety days.\n\n2bis. Stocks are held in the territory of the Participant.\n\n3. Releases are notified.'];
    const review = (refs: string): [string, string] => ['Review', `The Participants will review ${refs} every two years.`];
    const renumbered = compare(articles([stocks(false), review('paragraph 2bis of Article 1 and paragraph 3 of Article 1')]), articles([stocks(true), review('paragraph 3 of Article 1 and paragraph 4 of Article 1')]));
    // Renumbering alone is no edit: the numbers are cosmetic changes of a clause that reads unchanged.
    expect(renumbered.changes[0]!.kind).toBe('unchanged');
    expect(renumbered.changes[0]!.words.filter((w) => w.op !== 'equal').map((w) => [w.op, w.text, w.cosmetic])).toEqual([
      ['delete', '2bis', true], ['insert', '3', true], ['delete', '3', true], ['insert', '4', true]]);
    expect(renumbered.changes[1]!.kind).toBe('unchanged');
    const left = compare(articles([stocks(false), review('paragraph 2bis of Article 1 and paragraph 3 of Article 1')]), articles([stocks(true), review('paragraph 2bis of Article 1 and paragraph 3 of Article 1')]));
    expect(left.changes[1]!.staleReferences!.map((s) => staleNote(s))).toEqual([
      '"paragraph 2bis of Article 1" meant paragraph 2bis of Article 1 (Stockpiles), now paragraph 3; there is no paragraph 2bis now',
      '"paragraph 3 of Article 1" meant paragraph 3 of Article 1 (Stockpiles), now paragraph 4; paragraph 3 is now another paragraph',
    ]);
  });

  it('notes a range of paragraphs whose ends stand while a paragraph was put in between them ("2bis")', () => {
    const stocks = (putIn: boolean, own = ''): [string, string] => ['Stockpiles',
      `1. Each Participant will hold stocks.\n\n2. Stocks cover ninety days.\n\n${putIn ? '2bis. Stocks are held in the territory of the Participant.\n\n' : ''}3. Releases are notified.\n\n4. Stocks are reviewed${own}.`];
    const review = (refs: string): [string, string] => ['Review', `The Participants will review ${refs} every two years.`];
    const notes = (refs: string) => compare(articles([stocks(false), review(refs)]), articles([stocks(true), review(refs)])).changes
      .flatMap((c) => (c.staleReferences ?? []).map((s) => staleNote(s)));
    expect(notes('paragraphs 2 to 3 of Article 1')).toEqual(['"paragraphs 2 to 3" now also covers paragraph 2bis of Article 1 (Stockpiles), which stands between its ends']);
    expect(notes('Article 1, paragraphs 1 through 4')).toEqual(['"Article 1, paragraphs 1 through 4" now also covers paragraph 2bis of Article 1 (Stockpiles), which stands between its ends']);
    // Written with a hyphen, as with "to".
    expect(notes('paragraphs 2-3 of Article 1')).toEqual(['"paragraphs 2-3" now also covers paragraph 2bis of Article 1 (Stockpiles), which stands between its ends']);
    expect(notes('Article 1, paragraphs 1-4')).toEqual(['"Article 1, paragraphs 1-4" now also covers paragraph 2bis of Article 1 (Stockpiles), which stands between its ends']);
    expect(notes('paragraphs 3-4 of Article 1')).toEqual([]);
    // Put in outside the range, or the range another instrument's: nothing to say.
    expect(notes('paragraphs 3 to 4 of Article 1')).toEqual([]);
    expect(notes('paragraphs 2 to 3 of Article 1 of the Convention')).toEqual([]);
    // The clause's own paragraphs.
    const own = (putIn: boolean) => articles([stocks(putIn, ' as paragraphs 2 to 3 of this Article provide')]);
    expect(compare(own(false), own(true)).changes.flatMap((c) => (c.staleReferences ?? []).map((s) => staleNote(s))))
      .toEqual(['"paragraphs 2 to 3" now also covers paragraph 2bis of Article 1 (Stockpiles), which stands between its ends']);
  });

  it('finds a reference left to a deleted article, naming another one or none', () => {
    // Article 2 deleted: "Article 2" now names old Article 3 (Pricing).
    const c = compare(articles([SCOPE, STOCKS, PRICING, review('Article 2')]), articles([SCOPE, PRICING, review('Article 2')]));
    expect(staleOf(c)).toEqual(['Article 3: "Article 2" meant Article 2, now -, names Article 2']);
    // The last article deleted: "Article 3" names nothing now.
    const d = compare(articles([SCOPE, review('Article 3'), STOCKS]), articles([SCOPE, review('Article 3')]));
    expect(staleOf(d)).toEqual(['Article 2: "Article 3" meant Article 3, now -, names -']);
  });

  it('reads references in the equal text of an edited clause, and not those rewritten or in an inserted clause', () => {
    const old = articles([SCOPE, STOCKS, review('Article 2')]);
    // The review clause edited elsewhere ("every year" → "every two years"), its reference left: stale.
    const edited = articles([DEFINITIONS, SCOPE, STOCKS, [review('Article 2')[0], review('Article 2')[1].replace('every year', 'every two years')]]);
    expect(staleOf(compare(old, edited))).toEqual(['Article 4: "Article 2" meant Article 2, now Article 3, names Article 2']);
    // The reference rewritten to name the new Article 2 on purpose ("Article 2" → "Articles 2 and 3"): not stale.
    const rewritten = articles([DEFINITIONS, SCOPE, STOCKS, review('Articles 2 and 3')]);
    expect(staleOf(compare(old, rewritten))).toEqual([]);
    // A reference added to an edited clause, and one in a new article, were written for the new numbering.
    const added = articles([DEFINITIONS, SCOPE, STOCKS, [review('Article 3')[0], review('Article 3')[1].replace('every year', 'every year, with the definitions in Article 2')]]);
    expect(compare(old, added).changes.at(-1)!.kind).toBe('edited');
    expect(staleOf(compare(old, added))).toEqual([]);
    const inserted = articles([DEFINITIONS, SCOPE, STOCKS, review('Article 3'), ['Scope of the review', 'The review under Article 4 will cover the definitions in Article 1 and the scope in Article 2.']]);
    expect(staleOf(compare(old, inserted))).toEqual([]);
  });

  it('reads references in a paragraph moved within its clause, as text the new draft kept, and marks them there', () => {
    const lines = (list: readonly string[]) => list.map((t, k) => `${k + 1}. ${t}`).join('\n\n');
    const RELEASE = 'Releases under Article 3 will be notified to the other Participant without delay.';
    const TARGET = 'The Participants will coordinate the building up of their strategic stockpiles of processed rare earths.';
    const PROCURE = 'The Participants intend to explore joint procurement for their strategic stocks of gallium.';
    const old = articles([SCOPE, ['Stockpiles', lines([RELEASE, TARGET, PROCURE])], PRICING]);
    // Definitions put first (Pricing, Article 3, becomes Article 4), and the releases paragraph moved to the end.
    const c = compare(old, articles([DEFINITIONS, SCOPE, ['Stockpiles', lines([TARGET, PROCURE, RELEASE])], PRICING]));
    const change = c.changes.find((x) => x.staleReferences)!;
    expect(change.words.some((w) => w.moved && w.op === 'insert' && w.text.includes('Article 3'))).toBe(true);
    expect(staleOf(c)).toEqual(['Article 3: "Article 3" meant Article 3, now Article 4, names Article 3']);
    const html = htmlRedline(c, { changedOnly: true, layout: 'inline' });
    expect(html).toMatch(/<ins class="moved" title="Moved here">(?:[^<]|<br>)*Releases under <mark class="stale-ref"[^>]*>Article 3<\/mark>/);
  });

  it('leaves out references to another instrument, to a paragraph of the clause, and to labels several clauses share', () => {
    const cites = 'The Participants will act consistently with Article 2 of the Convention, Article 2, paragraph 1, of the Convention and Article XX of GATT 1994, and as paragraph 2 provides.';
    const old = articles([SCOPE, STOCKS, ['Other instruments', cites]]);
    const now = articles([DEFINITIONS, SCOPE, STOCKS, ['Other instruments', cites]]);
    expect(staleOf(compare(old, now))).toEqual([]);
    // "of this Agreement" names the instrument itself.
    const own = (n: number) => `The Participants will act consistently with Article ${n} of this Memorandum.`;
    expect(staleOf(compare(articles([SCOPE, STOCKS, ['Own', own(2)]]), articles([DEFINITIONS, SCOPE, STOCKS, ['Own', own(2)]]))))
      .toEqual(['Article 4: "Article 2" meant Article 2, now Article 3, names Article 2']);
    // Memoranda number their clauses "Paragraph 1", "Paragraph 2": "Paragraph 2" names a clause, "paragraph 2" a provision.
    const paragraphs = (list: (readonly [string, string])[]) => articles(list, list.map((_, k) => `Paragraph ${k + 1}`));
    const body = 'The Participants will review the stockpiles referred to in Paragraph 2 in the manner set out in paragraph 3 below.\n\n3. The review will take place every year.';
    expect(staleOf(compare(paragraphs([SCOPE, STOCKS, ['Review', body]]), paragraphs([DEFINITIONS, SCOPE, STOCKS, ['Review', body]]))))
      .toEqual(['Paragraph 4: "Paragraph 2" meant Paragraph 2, now Paragraph 3, names Paragraph 2']);
    // … and "Paragraph 2(1)" that clause's paragraph 1, "Paragraphs 2-3" those clauses, as "Article 2(1)" and "Articles 2-3" would.
    const memoCites = (refs: string) => ['Review', `The Participants will review the stockpiles referred to in ${refs}.`] as const;
    const staleInMemo = (refs: string) => staleOf(compare(paragraphs([SCOPE, STOCKS, memoCites(refs)]), paragraphs([DEFINITIONS, SCOPE, STOCKS, memoCites(refs)])));
    expect(staleInMemo('Paragraph 2(1)')).toEqual(['Paragraph 4: "Paragraph 2(1)" meant Paragraph 2, now Paragraph 3, names Paragraph 2']);
    expect(staleInMemo('Paragraphs 2-3')).toEqual(['Paragraph 4: "Paragraphs 2" meant Paragraph 2, now Paragraph 3, names Paragraph 2', 'Paragraph 4: "3" meant Paragraph 3, now Paragraph 4, names Paragraph 3']);
    // Two parts that each number their articles from 1: "Article 1" says not which.
    const parts = (first: string) => `# Part I\n\n${first}## Article 1\n### Scope\n\n${SCOPE[1]}\n\n## Article 2\n### Review\n\nThe Participants will review Article 1 every year.\n\n# Part II\n\n## Article 1\n### Stockpiles\n\n${STOCKS[1]}\n`;
    expect(staleOf(compare(parts(''), parts(`## Article 1\n### Definitions\n\n${DEFINITIONS[1]}\n\n`).replace('## Article 1\n### Scope', '## Article 2\n### Scope').replace('## Article 2\n### Review', '## Article 3\n### Review')))).toEqual([]);
    // Shared in the old draft only (the new one numbers its articles on through both parts): still not said.
    const throughout = `# Part I\n\n## Article 1\n### Definitions\n\n${DEFINITIONS[1]}\n\n## Article 2\n### Scope\n\n${SCOPE[1]}\n\n## Article 3\n### Review\n\nThe Participants will review Article 1 every year.\n\n# Part II\n\n## Article 4\n### Stockpiles\n\n${STOCKS[1]}\n`;
    const c = compare(parts(''), throughout);
    expect(c.summary).toMatchObject({ inserted: 1, unchanged: 5 });
    expect(staleOf(c)).toEqual([]);
    // And the other way round: shared in the new draft only.
    const through = `# Part I\n\n## Article 1\n### Scope\n\n${SCOPE[1]}\n\n## Article 2\n### Review\n\nThe Participants will review Article 1 every year.\n\n# Part II\n\n## Article 3\n### Stockpiles\n\n${STOCKS[1]}\n`;
    const restarted = throughout.replace('## Article 4\n### Stockpiles', '## Article 1\n### Stockpiles');
    expect(compare(through, restarted).summary).toMatchObject({ inserted: 1, unchanged: 5 });
    expect(staleOf(compare(through, restarted))).toEqual([]);
  });

  describe('references to paragraphs', () => {
    const stocks = (paragraphs: readonly string[], extra = '') => ['Stockpiles', paragraphs.map((t, k) => `${k + 1}. ${t}`).join('\n\n') + extra] as const;
    const COORDINATE = 'The Participants will coordinate the building up of their strategic stockpiles of processed rare earths.';
    const INFORM = 'The Participants will inform each other of any planned release of stocks from their stockpiles.';
    const TARGETS = 'The Participants will agree on common stockpiling targets for each of the critical minerals listed.';
    const LIMIT = (ref: string) => `A release notified under ${ref} shall not exceed one tenth of the stocks held.`;
    const notes = (c: { changes: ClauseChangeJson[] }) => c.changes.flatMap((change) => (change.staleReferences ?? []).map((s) => `${change.new[0]!.label}: ${staleNote(s)}`));

    it('finds "paragraph 2" of the clause itself and of another clause, in each way of writing it, left after a paragraph was inserted before it', () => {
      for (const form of ['paragraph 2 of Article 2', 'Article 2(2)', 'Article 2, paragraph 2', 'Article 2 paragraph 2']) {
        const c = compare(articles([SCOPE, stocks([COORDINATE, INFORM, LIMIT('paragraph 2')]), review(form)]), articles([SCOPE, stocks([COORDINATE, TARGETS, INFORM, LIMIT('paragraph 2')]), review(form)]));
        expect(notes(c), form).toEqual([
          'Article 2: "paragraph 2" meant paragraph 2 of Article 2 (Stockpiles), now paragraph 3; paragraph 2 is now another paragraph',
          `Article 3: "${form}" meant paragraph 2 of Article 2 (Stockpiles), now paragraph 3; paragraph 2 is now another paragraph`,
        ]);
        const reviewed = c.changes[2]!;
        expect(reviewed.kind).toBe('unchanged');
        expect(reviewed.staleReferences![0]).toMatchObject({ named: { label: 'Article 2' }, now: [{ label: 'Article 2' }], names: { label: 'Article 2' }, provision: { named: '2', now: '3', names: '2' } });
        const [place] = reviewed.staleReferences![0]!.places;
        expect(reviewed.words[0]!.text.slice(place!.start, place!.end)).toBe(form);
      }
      // "sub-paragraph 2" is not paragraph 2 (before its "sub-" was read, it was).
      expect(notes(compare(articles([SCOPE, stocks([COORDINATE, INFORM, LIMIT('sub-paragraph 2')])]), articles([SCOPE, stocks([COORDINATE, TARGETS, INFORM, LIMIT('sub-paragraph 2')])])))).toEqual([]);
    });

    it('notes a paragraph reference changed, but not to where its paragraph went ("paragraph 2" → "paragraph 4" as paragraph 2 became 3)', () => {
      const old = articles([SCOPE, stocks([COORDINATE, INFORM, LIMIT('paragraph 2')]), review('paragraph 2 of Article 2')]);
      const changed = (own: string, cited: string) => compare(old, articles([SCOPE, stocks([COORDINATE, TARGETS, INFORM, LIMIT(own)]), review(cited)]));
      expect(notes(changed('paragraph 4', 'paragraph 4 of Article 2'))).toEqual([
        'Article 2: "paragraph 4", made from "paragraph 2", names paragraph 4 of Article 2 (Stockpiles); "paragraph 2" meant paragraph 2, now paragraph 3',
        'Article 3: "paragraph 4 of Article 2", made from "paragraph 2 of Article 2", names paragraph 4 of Article 2 (Stockpiles); "paragraph 2 of Article 2" meant paragraph 2, now paragraph 3',
      ]);
      // Renumbered with the paragraph, or to a number no paragraph has: nothing.
      expect(notes(changed('paragraph 3', 'paragraph 3 of Article 2'))).toEqual([]);
      expect(notes(changed('paragraph 9', 'paragraph 9 of Article 2'))).toEqual([]);
    });

    it('reads each number of a list or range of paragraphs ("paragraphs 2 and 3 of Article 2", "paragraphs 2 to 3") as a reference of its own', () => {
      const RELEASE = 'The Participants will release stocks only in an emergency declared by both.';
      for (const [form, own] of [['paragraphs 2 and 3 of Article 2', false], ['Article 2, paragraphs 2 and 3', false], ['paragraphs 2 to 3 of Article 2', false], ['paragraphs 2 to 3', true], ['paragraphs 2, 3', true]] as const) {
        const oldStocks = stocks([COORDINATE, INFORM, RELEASE, ...(own ? [LIMIT(form)] : [])]);
        const newStocks = stocks([COORDINATE, TARGETS, INFORM, RELEASE, ...(own ? [LIMIT(form)] : [])]);
        const c = compare(articles([SCOPE, oldStocks, ...(own ? [] : [review(form)])]), articles([SCOPE, newStocks, ...(own ? [] : [review(form)])]));
        const label = own ? 'Article 2' : 'Article 3';
        expect(notes(c), form).toEqual([
          `${label}: "${own ? form.replace(/ to 3$|, 3$/, '') : form.startsWith('Article') ? 'Article 2, paragraphs 2' : 'paragraphs 2'}" meant paragraph 2 of Article 2 (Stockpiles), now paragraph 3; paragraph 2 is now another paragraph`,
          `${label}: "3" meant paragraph 3 of Article 2 (Stockpiles), now paragraph 4; paragraph 3 is now another paragraph`,
        ]);
      }
      // Updated with the paragraphs, or another instrument's: nothing stale.
      const updated = compare(articles([SCOPE, stocks([COORDINATE, INFORM, RELEASE]), review('paragraphs 2 and 3 of Article 2')]), articles([SCOPE, stocks([COORDINATE, TARGETS, INFORM, RELEASE]), review('paragraphs 3 and 4 of Article 2')]));
      expect(notes(updated)).toEqual([]);
      const other = 'paragraphs 2 and 3 of Article 2 of the Convention';
      expect(notes(compare(articles([SCOPE, stocks([COORDINATE, INFORM, RELEASE]), review(other)]), articles([SCOPE, stocks([COORDINATE, TARGETS, INFORM, RELEASE]), review(other)])))).toEqual([]);
    });

    it('leaves references updated, to the clause\'s own paragraphs elsewhere, to another instrument, and to a renumbered article\'s paragraph (the article is the stale part)', () => {
      const old = articles([SCOPE, stocks([COORDINATE, INFORM, LIMIT('paragraph 2')]), review('Article 2(2)')]);
      // Updated: nothing stale, and the review clause is an edit (its reference names another paragraph now).
      const updated = compare(old, articles([SCOPE, stocks([COORDINATE, TARGETS, INFORM, LIMIT('paragraph 3')]), review('Article 2(3)')]));
      expect(notes(updated)).toEqual([]);
      // "paragraph 2 of this Article" in the review clause is the review clause's own, whose paragraphs did not move.
      const own = compare(articles([SCOPE, stocks([COORDINATE, INFORM]), review('paragraph 2 of this Article')]), articles([SCOPE, stocks([COORDINATE, TARGETS, INFORM]), review('paragraph 2 of this Article')]));
      expect(notes(own)).toEqual([]);
      // "Article 2(2) of the Convention", and "Article 3, paragraphs 1 and 2" (Article 3's paragraphs, not the clause's own).
      // "Article 2.2" may be paragraph 2 of Article 2 (as the WTO writes it) or Article 2 of Chapter 2 (as CETA does).
      for (const form of ['Article 2(2) of the Convention', 'Article 2, paragraph 2, of the Convention', 'paragraph 2 of Article 2 of the Convention', 'Article 3, paragraphs 2 and 3,', 'Article 2.2']) {
        const c = compare(articles([SCOPE, stocks([COORDINATE, INFORM, LIMIT(form)])]), articles([SCOPE, stocks([COORDINATE, TARGETS, INFORM, LIMIT(form)])]));
        expect(notes(c), form).toEqual([]);
      }
      // Article 2 itself renumbered as well: the note is the article's.
      const both = compare(old, articles([DEFINITIONS, SCOPE, stocks([COORDINATE, TARGETS, INFORM, LIMIT('paragraph 3')]), review('Article 2(2)')]));
      expect(notes(both)).toEqual(['Article 4: "Article 2(2)" meant Article 2 (Stockpiles), now Article 3; here it names Article 2 (Scope)']);
      // The article number renumbered with the drafts, its paragraph not: the review reads unchanged, and says so.
      const half = compare(old, articles([DEFINITIONS, SCOPE, stocks([COORDINATE, TARGETS, INFORM, LIMIT('paragraph 3')]), review('Article 3(2)')]));
      expect(half.changes.at(-1)).toMatchObject({ kind: 'unchanged', renumbered: true });
      expect(notes(half)).toEqual(['Article 4: "Article 3(2)" meant paragraph 2 of Article 2 (Stockpiles), now paragraph 3 of Article 3; paragraph 2 is now another paragraph']);
      expect(half.changes.at(-1)!.staleReferences![0]).toMatchObject({ named: { label: 'Article 2' }, now: [{ label: 'Article 3' }], names: { label: 'Article 3' } });
      // Its renumbered article number is a cosmetic insert of the redline: the mark covers it too.
      expect(half.changes.at(-1)!.words.filter((w) => w.op !== 'equal')).toEqual([{ op: 'delete', text: '2', cosmetic: true }, { op: 'insert', text: '3', cosmetic: true }]);
      expect(htmlRedline(half, { changedOnly: true })).toMatch(/Subject to <mark class="stale-ref"[^>]*>Article <\/mark><ins class="cosmetic"><mark class="stale-ref"[^>]*>3<\/mark><\/ins><mark class="stale-ref"[^>]*>\(2\)<\/mark>, the Participants/);
      // The same in an edited clause: the old and new references paired by their place in the redline.
      const editedHalf = compare(old, articles([DEFINITIONS, SCOPE, stocks([COORDINATE, TARGETS, INFORM, LIMIT('paragraph 3')]), ['Review', review('Article 3(2)')[1].replace('every year', 'every two years')]]));
      expect(editedHalf.changes.at(-1)!.kind).toBe('edited');
      expect(notes(editedHalf)).toEqual(['Article 4: "Article 3(2)" meant paragraph 2 of Article 2 (Stockpiles), now paragraph 3 of Article 3; paragraph 2 is now another paragraph']);
      // The other way round: its paragraph renumbered (2 → 3) with the drafts, its article not.
      expect(notes(compare(old, articles([DEFINITIONS, SCOPE, stocks([COORDINATE, TARGETS, INFORM, LIMIT('paragraph 3')]), review('Article 2(3)')]))))
        .toEqual(['Article 4: "Article 2(3)" meant Article 2 (Stockpiles), now Article 3; here it names Article 2 (Scope)']);
      // A reference rewritten otherwise ("Article 2(2)" → "Article 2(1)": paragraph 2 did not become 1) was
      // written for the new numbering: it names the new Article 2's paragraph 1, and nothing is said.
      expect(notes(compare(old, articles([DEFINITIONS, SCOPE, stocks([COORDINATE, TARGETS, INFORM, LIMIT('paragraph 3')]), review('Article 2(1)')])))).toEqual([]);
      const written = (form: string) => articles([SCOPE, stocks([COORDINATE, INFORM, LIMIT('paragraph 2')]), review(form)]);
      expect(notes(compare(written('paragraph 2 of Article 2'), articles([DEFINITIONS, SCOPE, stocks([COORDINATE, TARGETS, INFORM, LIMIT('paragraph 3')]), review('paragraph 2 of Article 2')]))))
        .toEqual(['Article 4: "Article 2" meant Article 2 (Stockpiles), now Article 3; here it names Article 2 (Scope)']);
    });

    it('reads a deleted paragraph only where no paragraph has its number now, and not paragraphs rewritten', () => {
      // Paragraph 3 deleted, the last: "paragraph 3" names nothing now.
      const last = compare(articles([SCOPE, stocks([COORDINATE, INFORM, TARGETS]), review('Article 2(3)')]), articles([SCOPE, stocks([COORDINATE, INFORM]), review('Article 2(3)')]));
      expect(notes(last)).toEqual(['Article 3: "Article 2(3)" meant paragraph 3 of Article 2 (Stockpiles), since deleted; there is no paragraph 3 now']);
      expect(last.changes[2]!.staleReferences![0]!.provision).toEqual({ named: '3' });
      // Paragraph 2 deleted: paragraph 3 became 2, so "paragraph 3" names nothing and "paragraph 2" is left unread
      // (the new paragraph 2 might be the old one rewritten, for all the alignment can tell).
      const middle = compare(articles([SCOPE, stocks([COORDINATE, INFORM, TARGETS]), review('Article 2(2) and Article 2(3)')]), articles([SCOPE, stocks([COORDINATE, TARGETS]), review('Article 2(2) and Article 2(3)')]));
      expect(notes(middle)).toEqual(['Article 3: "Article 2(3)" meant paragraph 3 of Article 2 (Stockpiles), now paragraph 2; there is no paragraph 3 now']);
      // Paragraph 2 rewritten past recognition in place: the alignment deletes and inserts it; nothing said.
      const rewritten = compare(articles([SCOPE, stocks([COORDINATE, INFORM]), review('Article 2(2)')]), articles([SCOPE, stocks([COORDINATE, 'Each Participant shall publish a yearly account of its strategic holdings of gallium.']), review('Article 2(2)')]));
      expect(notes(rewritten)).toEqual([]);
      // Paragraph 2 reworded by half as a paragraph was put before it: a weak pairing, not read.
      const reworded = 'The Participants will inform each other without delay of any planned release from their national reserves.';
      const weak = compare(articles([SCOPE, stocks([COORDINATE, INFORM]), review('Article 2(2)')]), articles([SCOPE, stocks([COORDINATE, TARGETS, reworded]), review('Article 2(2)')]));
      const pairing = weak.changes[1]!.provisions.find((p) => p.old === '2')!;
      expect(pairing.new).toBe('3');
      expect(pairing.similarity).toBeLessThan(0.5);
      expect(notes(weak)).toEqual([]);
    });

    it('reads the points of a numbered paragraph as references write them ("paragraph 1(b)", "Article 2(1)(b)", "point (b) of paragraph 1"), those of an article without numbered paragraphs ("point (b) of Article 1"), and not points labelled otherwise', () => {
      const points = (list: readonly string[], label = (k: number) => `(${'abc'[k]})`) =>
        ['Stockpiles', `1. The Participants will:\n\n${list.map((t, k) => `   ${label(k)} ${t}`).join('\n\n')}`] as const;
      // A point put in first: (b) is now (c), and (b) names what was (a).
      for (const form of ['paragraph 1(b) of Article 2', 'Article 2(1)(b)', 'Article 2, paragraph 1(b)']) {
        const pointed = compare(articles([SCOPE, points([COORDINATE, INFORM]), review(form)]), articles([SCOPE, points([TARGETS, COORDINATE, INFORM]), review(form)]));
        expect(pointed.changes[1]!.provisions.some((p) => p.old === '1(b)' && p.new === '1(c)')).toBe(true);
        expect(notes(pointed), form).toEqual([`Article 3: "${form}" meant point 1(b) of Article 2 (Stockpiles), now point 1(c); point 1(b) is now another point`]);
        expect(pointed.changes[2]!.staleReferences![0]).toMatchObject({ provision: { named: '1(b)', now: '1(c)', names: '1(b)' } });
      }
      // Updated with the points: nothing stale, and the clause reads unchanged (renumbering alone is no edit).
      const updated = compare(articles([SCOPE, points([COORDINATE, INFORM]), review('paragraph 1(b) of Article 2')]), articles([SCOPE, points([TARGETS, COORDINATE, INFORM]), review('paragraph 1(c) of Article 2')]));
      expect(notes(updated)).toEqual([]);
      expect(updated.changes[2]!.kind).toBe('unchanged');
      // The last point deleted: "1(c)" names nothing now.
      const dropped = compare(articles([SCOPE, points([COORDINATE, INFORM, TARGETS]), review('paragraph 1(c) of Article 2')]), articles([SCOPE, points([COORDINATE, INFORM]), review('paragraph 1(c) of Article 2')]));
      expect(dropped.changes[1]!.provisions.some((p) => p.old === '1(c)' && p.kind === 'deleted')).toBe(true);
      expect(notes(dropped)).toEqual(['Article 3: "paragraph 1(c) of Article 2" meant point 1(c) of Article 2 (Stockpiles), since deleted; there is no point 1(c) now']);
      // Cited by their letter, as EU texts write them: "point (b) of paragraph 1 of Article 2", "point (b) of Article 2(1)".
      const putIn = (form: string, now = form) => notes(compare(articles([SCOPE, points([COORDINATE, INFORM]), review(form)]), articles([SCOPE, points([TARGETS, COORDINATE, INFORM]), review(now)])));
      for (const form of ['point (b) of paragraph 1 of Article 2', 'point (b) of Article 2(1)', 'subparagraph (b) of paragraph 1 of Article 2', 'sub-paragraph (b) of paragraph 1 of Article 2', 'Article 2(1), point (b)']) {
        expect(putIn(form), form).toEqual([`Article 3: "${form}" meant point 1(b) of Article 2 (Stockpiles), now point 1(c); point 1(b) is now another point`]);
        expect(putIn(form, form.replace('(b)', '(c)')), form).toEqual([]);
      }
      expect(putIn('points (a) and (b) of paragraph 1 of Article 2')).toEqual([
        'Article 3: "points (a)" meant point 1(a) of Article 2 (Stockpiles), now point 1(b); point 1(a) is now another point',
        'Article 3: "(b)" meant point 1(b) of Article 2 (Stockpiles), now point 1(c); point 1(b) is now another point',
      ]);
      expect(putIn('Article 2(1), points (a) and (b)')).toEqual([
        'Article 3: "Article 2(1), points (a)" meant point 1(a) of Article 2 (Stockpiles), now point 1(b); point 1(a) is now another point',
        'Article 3: "(b)" meant point 1(b) of Article 2 (Stockpiles), now point 1(c); point 1(b) is now another point',
      ]);
      // Its article renumbered with the drafts (Definitions put first), its point not.
      for (const [form, now] of [['Article 2(1), point (b)', 'Article 3(1), point (b)'], ['point (b) of paragraph 1 of Article 2', 'point (b) of paragraph 1 of Article 3']]) {
        const half = compare(articles([SCOPE, points([COORDINATE, INFORM]), review(form!)]), articles([DEFINITIONS, SCOPE, points([TARGETS, COORDINATE, INFORM]), review(now!)]));
        expect(notes(half), form).toEqual([`Article 4: "${now}" meant point 1(b) of Article 2 (Stockpiles), now point 1(c) of Article 3; point 1(b) is now another point`]);
      }
      // Of another instrument, or "point (b)" alone (of whichever paragraph it stands in): not read.
      expect(putIn('point (b) of paragraph 1 of Article 2 of the Convention')).toEqual([]);
      expect(putIn('Article 2(1), point (b) of the Convention')).toEqual([]);
      expect(putIn('point (b)')).toEqual([]);
      // The clause's own paragraph: "point (b) of paragraph 1" in its paragraph 2, which stood equal in the redline.
      const own = (list: readonly string[]) => ['Stockpiles', `${points(list)[1]}\n\n2. A release of the stocks referred to in point (b) of paragraph 1 is notified in advance.`] as const;
      expect(notes(compare(articles([SCOPE, own([COORDINATE, INFORM])]), articles([SCOPE, own([TARGETS, COORDINATE, INFORM])]))))
        .toEqual(['Article 2: "point (b) of paragraph 1" meant point 1(b) of Article 2 (Stockpiles), now point 1(c); point 1(b) is now another point']);
      // "point (b) of Article 2(1)" where paragraph 1 itself moved: one reference, one note (the point's).
      const twoParagraphs = (first: boolean) => ['Stockpiles', `${first ? '1. The Participants will agree on common stockpiling targets for each mineral.\n\n' : ''}${first ? 2 : 1}. The Participants will:\n\n   (a) ${COORDINATE}\n\n   (b) ${INFORM}`] as const;
      expect(notes(compare(articles([SCOPE, twoParagraphs(false), review('point (b) of Article 2(1)')]), articles([SCOPE, twoParagraphs(true), review('point (b) of Article 2(1)')]))))
        .toEqual(['Article 3: "point (b) of Article 2(1)" meant point 1(b) of Article 2 (Stockpiles), now point 2(b); there is no point 1(b) now']);
      // Points standing in an article without numbered paragraphs, as EU definitions do: "point (b) of Article 1".
      const definitions = (list: readonly string[]) => ['Definitions', `For the purposes of this Memorandum:\n\n${list.map((t, k) => `(${'abc'[k]}) ${t}`).join('\n\n')}`] as const;
      const MINERALS = '"minerals" means the minerals listed in Annex I;', REFINING = '"refining" means the separation of rare earth oxides.', STOCKS = '"stocks" means strategic holdings of processed rare earths;';
      const defined = (list: readonly string[], ref: string) => articles([definitions(list), ['Scope', `This Memorandum covers refining as defined in ${ref}.`]]);
      expect(notes(compare(defined([MINERALS, REFINING], 'point (b) of Article 1'), defined([STOCKS, MINERALS, REFINING], 'point (b) of Article 1'))))
        .toEqual(['Article 2: "point (b) of Article 1" meant point (b) of Article 1 (Definitions), now point (c); point (b) is now another point']);
      const relettered = compare(defined([MINERALS, REFINING], 'point (b) of Article 1'), defined([STOCKS, MINERALS, REFINING], 'point (c) of Article 1'));
      expect(notes(relettered)).toEqual([]);
      expect(relettered.changes[1]!.kind).toBe('unchanged');
      // Points labelled with dotted numbers ("1.2") are not what "paragraph 1(b)" names: nothing read.
      const dotted = (k: number) => `1.${k + 1}`;
      const other = compare(articles([SCOPE, points([COORDINATE, INFORM], dotted), review('paragraph 1(b) of Article 2')]), articles([SCOPE, points([TARGETS, COORDINATE, INFORM], dotted), review('paragraph 1(b) of Article 2')]));
      expect(notes(other)).toEqual([]);
    });

    it('reads "point (b)" alone as a point of the paragraph it stands in, or of the clause where its points stand without one, and nowhere else', () => {
      // Paragraph 1 lists its points; the last cites another by its letter alone, as EU texts do within a paragraph.
      const listed = (list: readonly string[], cite: string, after = '') => ['Stockpiles',
        `1. The Participants will keep stocks of:\n\n${[...list, `products made from the materials in ${cite}.`].map((t, k) => `   (${'abcdef'[k]}) ${t}`).join('\n\n')}${after}`] as const;
      const OXIDES = 'rare earth oxides;', LITHIUM = 'lithium carbonate;', GRAPHITE = 'natural graphite;';
      const putIn = (cite: string, now: string, after = '', afterNow = after) => compare(articles([SCOPE, listed([OXIDES, LITHIUM], cite, after)]), articles([SCOPE, listed([GRAPHITE, OXIDES, LITHIUM], now, afterNow)]));
      // Left as it stood after a point was put in first: point (b) is now (c), and "point (b)" names graphite's neighbour.
      // So too as US texts ("subparagraph (b)") and British ones ("sub-paragraph (b)") cite a point.
      for (const form of ['point (b)', 'subparagraph (b)', 'sub-paragraph (b)', 'Sub-paragraph (b)']) {
        expect(notes(putIn(form, form)), form).toEqual([`Article 2: "${form}" meant point 1(b) of Article 2 (Stockpiles), now point 1(c); point 1(b) is now another point`]);
        const relettered = putIn(form, form.replace('(b)', '(c)'));
        expect(notes(relettered), form).toEqual([]);
        expect(relettered.changes[1]!.words.filter((w) => w.op !== 'equal' && !w.cosmetic).map((w) => w.text), form).toEqual(['(a) natural graphite;\n']);
      }
      // Relettered with the points: nothing stale, and the point that cites it reads unchanged.
      const followed = putIn('point (b)', 'point (c)');
      expect(notes(followed)).toEqual([]);
      expect(followed.changes[1]!.kind).toBe('edited');
      expect(followed.changes[1]!.provisions.find((p) => p.old === '1(c)')).toMatchObject({ new: '1(d)', kind: 'unchanged' });
      expect(followed.changes[1]!.words.filter((w) => w.op !== 'equal' && !w.cosmetic).map((w) => w.text)).toEqual(['(a) natural graphite;\n']);
      // A list and a range, as a plural word writes them.
      expect(notes(putIn('points (a) and (b)', 'points (b) and (c)'))).toEqual([]);
      expect(notes(putIn('points (a) and (b)', 'points (a) and (b)'))).toEqual([
        'Article 2: "points (a)" meant point 1(a) of Article 2 (Stockpiles), now point 1(b); point 1(a) is now another point',
        'Article 2: "(b)" meant point 1(b) of Article 2 (Stockpiles), now point 1(c); point 1(b) is now another point',
      ]);
      const range = putIn('points (a) to (b)', 'points (b) to (c)');
      expect(range.changes[1]!.provisions.find((p) => p.old === '1(c)')).toMatchObject({ new: '1(d)', kind: 'unchanged' });
      // Relettered wrongly ("point (b)" → "point (a)", which is graphite now): a change, and said to cite another point.
      const wrong = putIn('point (b)', 'point (a)');
      expect(wrong.changes[1]!.provisions.find((p) => p.old === '1(c)')).toMatchObject({ new: '1(d)', kind: 'edited' });
      expect(notes(wrong)).toEqual(['Article 2: "point (a)", made from "point (b)", names point 1(a) of Article 2 (Stockpiles); "point (b)" meant point 1(b), now point 1(c)']);
      // In paragraph 2, which has no points: which paragraph's point (b) it means, the text does not say.
      const release = (cite: string) => `\n\n2. The stocks referred to in ${cite} are released only in an emergency.`;
      expect(notes(putIn('point (b)', 'point (c)', release('point (b)')))).toEqual([]);
      const second = putIn('point (b)', 'point (c)', release('point (b)'), release('point (c)'));
      expect(second.changes[1]!.provisions.find((p) => p.old === '2')).toMatchObject({ kind: 'edited' });
      expect(second.changes[1]!.words.filter((w) => w.op !== 'equal' && !w.cosmetic).map((w) => w.text)).toEqual(['(a) natural graphite;\n', '(b)', '(c)']);
      // "of this Article" names the article's own points, not the paragraph's: not read.
      expect(notes(putIn('point (b) of this Article', 'point (b) of this Article'))).toEqual([]);
      // Points of an article without numbered paragraphs (EU definitions): the clause's own.
      const definitions = (list: readonly string[], cite: string) => ['Definitions', `For the purposes of this Memorandum:\n\n${[...list, `"supply risk" means a risk to the supply of the minerals referred to in ${cite}.`].map((t, k) => `(${'abcd'[k]}) ${t}`).join('\n\n')}`] as const;
      const MINERALS = '"critical minerals" means the minerals listed in Annex I;', EARTHS = '"rare earths" means the lanthanides, scandium and yttrium;', COBALT = '"cobalt" means refined cobalt;';
      const defined = (list: readonly string[], cite: string) => articles([definitions(list, cite), SCOPE]);
      expect(notes(compare(defined([MINERALS, EARTHS], 'point (b)'), defined([COBALT, MINERALS, EARTHS], 'point (b)'))))
        .toEqual(['Article 1: "point (b)" meant point (b) of Article 1 (Definitions), now point (c); point (b) is now another point']);
      const relettered = compare(defined([MINERALS, EARTHS], 'point (b)'), defined([COBALT, MINERALS, EARTHS], 'point (c)'));
      expect(notes(relettered)).toEqual([]);
      expect(relettered.changes[0]!.provisions.find((p) => p.old === '(c)')).toMatchObject({ new: '(d)', kind: 'unchanged' });
    });

    it('reads a clause relettered in place, its "point (b)" with it, as unchanged, and one that kept "point (b)" as stale', () => {
      // "(aa)" put in by an earlier round, lettered in sequence now: every point and the reference renumbered.
      const points = (labels: readonly string[], cite: string) => ['Stockpiles', `1. The Participants will keep stocks of:\n\n${['rare earth oxides;', 'natural graphite;', 'lithium carbonate;', `products made from the materials in ${cite}.`].map((t, k) => `   ${labels[k]} ${t}`).join('\n\n')}`] as const;
      const before = articles([SCOPE, points(['(a)', '(aa)', '(b)', '(c)'], 'point (b)')]);
      const followed = compare(before, articles([SCOPE, points(['(a)', '(b)', '(c)', '(d)'], 'point (c)')]));
      expect(followed.changes[1]!.kind).toBe('unchanged');
      expect(notes(followed)).toEqual([]);
      const kept = compare(before, articles([SCOPE, points(['(a)', '(b)', '(c)', '(d)'], 'point (b)')]));
      expect(kept.changes[1]!.kind).toBe('unchanged');
      expect(notes(kept)).toEqual(['Article 2: "point (b)" meant point 1(b) of Article 2 (Stockpiles), now point 1(c); point 1(b) is now another point']);
    });

    it('reports exactly the paragraph references left behind, for a random paragraph inserted or deleted and the article renumbered or not (property)', () => {
      const topics = ['gallium', 'germanium', 'graphite', 'lithium', 'cobalt', 'nickel', 'tungsten', 'antimony', 'magnesium'];
      const paragraph = (topic: string) => `The Participants will keep strategic stocks of ${topic} and report on their ${topic} holdings each year.`;
      // Each way of writing a reference, and the words of it that name the article.
      const forms = [
        { write: (a: number, k: number) => `paragraph ${k} of Article ${a}`, article: (a: number) => `Article ${a}` },
        { write: (a: number, k: number) => `Article ${a}(${k})`, article: (a: number, k: number) => `Article ${a}(${k})` },
        { write: (a: number, k: number) => `Article ${a}, paragraph ${k}`, article: (a: number) => `Article ${a}` },
      ];
      const arb = fc.record({
        n: fc.integer({ min: 2, max: 7 }),
        at: fc.nat(),
        insert: fc.boolean(),
        // Definitions put first: the stockpiles article becomes Article 3.
        shift: fc.boolean(),
        // Per reference: its paragraph, whether its paragraph and its article numbers were updated, its form.
        cites: fc.array(fc.tuple(fc.nat(), fc.boolean(), fc.boolean(), fc.nat()), { maxLength: 4 }),
      });
      fc.assert(fc.property(arb, ({ n, at, insert, shift, cites }) => {
        const where = at % (insert ? n + 1 : n);
        // New number of old paragraph k (1-based; 0: deleted).
        const after = (k: number) => (insert ? (k > where ? k + 1 : k) : k === where + 1 ? 0 : k > where + 1 ? k - 1 : k);
        const oldParagraphs = topics.slice(0, n).map(paragraph);
        const newParagraphs = insert ? [...oldParagraphs.slice(0, where), 'The Participants will agree on common targets for joint procurement of refined rare earth oxides.', ...oldParagraphs.slice(where)]
          : oldParagraphs.filter((_, k) => k !== where);
        const refs = cites.map(([target, updated, articleUpdated, form]) => ({ k: (target % n) + 1, updated, articleUpdated, form: forms[form % forms.length]! }));
        const number = (side: 'old' | 'new', r: (typeof refs)[number]) => ({
          a: side === 'new' && shift && r.articleUpdated ? 3 : 2,
          k: side === 'new' && r.updated && after(r.k) > 0 ? after(r.k) : r.k,
        });
        // Set apart by semicolons: in "Article 2, paragraph 2, paragraph 1 of Article 2" the first paragraph might
        // be Article 2's or, with the second, of Article 2 (the comparison then keeps a changed number a change).
        const sentence = (side: 'old' | 'new') => refs.map((r) => { const { a, k } = number(side, r); return r.form.write(a, k); }).join('; ');
        const body = (side: 'old' | 'new') => refs.length ? `The review will cover ${sentence(side)} every year.` : 'The review will take place every year.';
        const before = [SCOPE, stocks(oldParagraphs), ['Review', body('old')] as const];
        const now = [...(shift ? [DEFINITIONS] : []), SCOPE, stocks(newParagraphs), ['Review', body('new')] as const];
        const c = compare(articles(before), articles(now));
        const review = c.changes.find((x) => x.new[0]?.title === 'Review')!;
        // The review reads unchanged unless a paragraph number in it was changed otherwise than as that paragraph
        // was renumbered, in the article that now has the number written (renumbering alone is no edit).
        const unchanged = refs.every((r) => number('old', r).k === number('new', r).k || (r.updated && after(r.k) > 0 && (!shift || r.articleUpdated)));
        expect(review.kind).toBe(unchanged ? 'unchanged' : 'edited');
        const newCount = newParagraphs.length;
        // Left: not updated, or naming a deleted paragraph (nothing to update it to).
        const paragraphLeft = (r: (typeof refs)[number]) => (after(r.k) === 0 ? r.k > newCount : !r.updated && after(r.k) !== r.k);
        const expected = refs.flatMap((r) => {
          const { a, k } = number('new', r);
          // The article left at 2 while it became 3: the article's reference is stale, whatever became of its
          // paragraph number ("Article 2(2)" → "Article 2(1)": the article's words kept).
          if (shift && !r.articleUpdated) return [r.form.article(a, k)];
          // Its paragraph left: stale, whether its article number was kept (the words kept) or renumbered with the
          // drafts (the old and new references paired by their place).
          return paragraphLeft(r) ? [r.form.write(a, k)] : [];
        });
        const found = (review.staleReferences ?? []).flatMap((s) => s.places.map((p) => body('new').slice(p.start, p.end)));
        expect(found.sort()).toEqual(expected.sort());
      }), { numRuns: 200 });
    });

    it('finds the editorial note of the 4 December 2015 Paris compilation that still speaks of paragraphs 4 and 5 after they became 6 and 7',
      { skip: !corpus ? corpusSkipReason : false }, () => {
        const folder = path.join(corpus!, 'paris-agreement-drafts');
        const read = (prefix: string) => importDraft(fs.readFileSync(path.join(folder, fs.readdirSync(folder).find((f) => f.startsWith(prefix))!), 'utf8')).draft;
        const c = compareDrafts(read('v1'), read('v2'), { staleReferences: true });
        expect(notes(c)).toEqual([
          'Article 9: "Paragraphs 4" meant paragraph 4 of Article 9 (transparency), now paragraph 6; paragraph 4 is now another paragraph',
          'Article 9: "5" meant paragraph 5 of Article 9 (transparency), now paragraph 7; paragraph 5 is now another paragraph',
        ]);
      });

    it('finds the Paris compilation\'s "paragraph 4(b) of this Article" left after point 4(b) of the CMA article was struck, as the 9 December draft corrected it',
      { skip: !corpus ? corpusSkipReason : false }, () => {
        const folder = path.join(corpus!, 'paris-agreement-drafts');
        const read = (prefix: string) => importDraft(fs.readFileSync(path.join(folder, fs.readdirSync(folder).find((f) => f.startsWith(prefix))!), 'utf8')).draft;
        // 5 October → 4 December: points (a) and (c) of paragraph 4 became its points 1 and 2 (written "  1.", "  2."
        // under it), (b) ("Adopt its own rules of procedure") was struck, and paragraph 8 still refers to it.
        const c = compareDrafts(read('v0'), read('v2'), { staleReferences: true });
        expect(notes(c)).toEqual(['Article 12: "paragraph 4(b)" meant point 4(b) of Article 12 (CMA), since deleted; there is no point 4(b) now']);
        const cma = c.changes.find((x) => x.staleReferences)!;
        expect(cma.provisions.filter((p) => p.old?.startsWith('4(')).map((p) => `${p.old}→${p.new ?? '-'}`)).toEqual(['4(a)→4.1', '4(b)→-', '4(c)→4.2']);
        // The 9 December draft wrote "paragraph 5 of this Article": nothing stale about it there.
        const next = compareDrafts(read('v2'), read('v3'), { staleReferences: true });
        expect(notes(next)).toEqual([]);
      });
  });

  it('reads annexes of plain-text drafts headed in capitals ("ANNEX I" over its title): an annex put in first renumbers the others, and a reference left to "Annex I" is stale', () => {
    const text = (annexes: readonly [string, string][], cite: string) => 'Memorandum\n\nArticle 1\nScope\n\n' +
      `The Participants will keep the stocks listed in ${cite}.\n\n` + annexes.map(([title, body], k) => `ANNEX ${['I', 'II'][k]}\n\n${title}\n\n${body}\n\n`).join('');
    const MINERALS: [string, string] = ['LIST OF MINERALS', '1. Gallium.\n\n2. Germanium.'];
    const CONTACTS: [string, string] = ['CONTACT POINTS', '1. The ministries of the Participants responsible for mining.'];
    const c = compare(text([MINERALS], 'Annex I'), text([CONTACTS, MINERALS], 'Annex I'));
    expect(c.changes.map((x) => `${x.kind} ${x.new.map((r) => `${r.label} — ${r.title}`).join()}`)).toEqual([
      'unchanged Article 1 — Scope', 'inserted ANNEX I — CONTACT POINTS', 'unchanged ANNEX II — LIST OF MINERALS',
    ]);
    expect(c.changes[2]!.renumbered).toBe(true);
    expect(staleOf(c)).toEqual(['Article 1: "Annex I" meant ANNEX I, now ANNEX II, names ANNEX I']);
    // Renumbered with the annexes: nothing stale, and the clause reads unchanged.
    const updated = compare(text([MINERALS], 'Annex I'), text([CONTACTS, MINERALS], 'Annex II'));
    expect(staleOf(updated)).toEqual([]);
    expect(updated.changes[0]!.kind).toBe('unchanged');
  });

  it('finds none on generated treaties, whose references cite articles of other agreements as CETA numbers them ("Article 30.22")',
    { skip: !hasGenerator() ? 'the treaty generator (../shared/tools) is not here' : false }, async () => {
      const makePair = await loadMakePair();
      const pair = makePair(400, 42, { words: 210, ins: 0.02, del: 0.02 });
      const c = compare(pair.oldText, pair.newText);
      // Every article after the first insertion is renumbered, and the texts cite "Article N.M" throughout.
      expect(c.summary.renumbered).toBeGreaterThan(200);
      expect(pair.newText).toMatch(/in accordance with the procedures set out in Article \d+\.\d+/);
      expect(staleOf(c)).toEqual([]);
    });

  it('finds each own-article reference of the adopted Paris Agreement left behind when a new Article 1 renumbers it',
    { skip: !corpus ? corpusSkipReason : false }, () => {
      const folder = path.join(corpus!, 'paris-agreement-drafts');
      const text = fs.readFileSync(path.join(folder, fs.readdirSync(folder).find((f) => f.startsWith('v4'))!), 'utf8');
      // Headings renumbered, references not.
      const first = text.search(/^#+ Article 1\b/m);
      const heading = /^#+ /.exec(text.slice(first))![0];
      const renumbered = text.slice(0, first) + `${heading}Article 1\n\nThe Parties shall cooperate on critical minerals for clean energy technologies.\n\n` +
        text.slice(first).replace(/^(#+ Article )(\d+)/gm, (_, h: string, n: string) => `${h}${Number(n) + 1}`);
      const c = compare(text, renumbered);
      expect(c.summary.inserted).toBe(1);
      // The oracle: in each article, the distinct "Article N" that do not go on to name another instrument.
      // "Article 4, paragraph 2, of the Convention", "Articles 9 and 10 of the Convention".
      const ofAnother = /^(,? paragraphs? [0-9][0-9a-z().]*( and [0-9][0-9a-z().]*)?,?| and \d+)? of the /;
      const expected: string[] = [];
      const found: string[] = [];
      for (const change of c.changes) {
        if (change.kind === 'inserted' || !change.new[0]?.label.startsWith('Article')) continue;
        const own = change.words.map((w) => (w.op === 'delete' ? '' : w.text)).join('');
        const cited = new Set<string>();
        // Each number of a list under "Articles" too ("Articles 9, 10 and 11").
        for (const m of own.matchAll(/\b(Articles?) (\d+)\b((?:,? (?:and |or )?\d+\b)*)/g)) {
          const list = m[1] === 'Articles' ? m[3]! : '';
          if (ofAnother.test(own.slice(m.index + m[1]!.length + 1 + m[2]!.length + list.length))) continue;
          for (const number of [m[2]!, ...(list.match(/\d+/g) ?? [])]) cited.add(`Article ${number}`);
        }
        // Every article is renumbered (old N is new N+1), so every own reference is stale.
        for (const ref of cited) expected.push(`${change.new[0]!.label}: ${ref}`);
        for (const s of change.staleReferences ?? []) {
          found.push(`${change.new[0]!.label}: Article ${/\d+/.exec(s.text)![0]}`);
          expect(s.now.map((r) => r.label)).toEqual([`Article ${Number(/\d+/.exec(s.named.label)![0]) + 1}`]);
        }
      }
      expect(expected.length).toBeGreaterThan(10);
      expect(found.sort()).toEqual(expected.sort());
    });

  it('reports exactly the references left behind, for random insertions and deletions with some references updated', () => {
    const topics = ['supply chains', 'joint investment', 'export bans', 'research', 'information sharing', 'emergency planning',
      'pricing', 'anti-dumping', 'stockpiles', 'third-country suppliers', 'territorial integrity', 'institutions'];
    const arb = fc.record({
      n: fc.integer({ min: 3, max: 10 }),
      at: fc.nat(),
      insert: fc.boolean(),
      // Per article: the articles it cites (by index, taken modulo n) and, per citation, whether it is updated.
      cites: fc.array(fc.array(fc.tuple(fc.nat(), fc.boolean()), { maxLength: 2 }), { minLength: 10, maxLength: 10 }),
    });
    fc.assert(fc.property(arb, ({ n, at, insert, cites }) => {
      const where = at % (insert ? n + 1 : n);
      const sentence = (k: number) => `The Participants will cooperate closely on ${topics[k]} and report to each other on ${topics[k]} every year`;
      const citations = (k: number) => cites[k]!.map(([t, updated]) => ({ target: t % n, updated })).filter((c) => c.target !== k);
      // New index of old article k (-1: deleted).
      const after = (k: number) => (insert ? (k >= where ? k + 1 : k) : k === where ? -1 : k > where ? k - 1 : k);
      const oldArticles: [string, string][] = [];
      const newArticles: [string, string][] = [];
      const expected: string[] = [];
      for (let k = 0; k < n; k++) {
        const refs = citations(k);
        const body = (side: 'old' | 'new') => `${sentence(k)}${refs.map((c) => {
          const number = side === 'old' || !c.updated || after(c.target) < 0 ? c.target + 1 : after(c.target) + 1;
          return `, as provided in Article ${number}`;
        }).join('')}.`;
        oldArticles.push([`Topic ${k}`, body('old')]);
        if (after(k) < 0) continue;
        if (insert && newArticles.length === where) newArticles.push(['New topic', 'The Participants will set up a joint secretariat for this Memorandum.']);
        newArticles.push([`Topic ${k}`, body('new')]);
        const leftRefs = refs.filter((c) => (!c.updated || after(c.target) < 0) && after(c.target) !== c.target);
        for (const c of leftRefs) expected.push(`Article ${after(k) + 1}: Article ${c.target + 1}`);
      }
      if (insert && newArticles.length === where) newArticles.push(['New topic', 'The Participants will set up a joint secretariat for this Memorandum.']);
      const c = compare(articles(oldArticles), articles(newArticles));
      // Each label once per clause; its places, each reference left behind (a clause may cite one article twice).
      const found = c.changes.flatMap((change) => (change.staleReferences ?? []).map((s) => `${change.new[0]!.label}: ${s.text}`));
      expect(found.sort()).toEqual([...new Set(expected)].sort());
      const placed = c.changes.flatMap((change) => {
        const text = change.words.filter((w) => w.op !== 'delete').map((w) => w.text).join('');
        return (change.staleReferences ?? []).flatMap((s) => s.places.map((p) => `${change.new[0]!.label}: ${text.slice(p.start, p.end)}`));
      });
      expect(placed.sort()).toEqual(expected.sort());
    }), { numRuns: 150 });
  });
});
