/**
 * Renumbering on a real treaty: the adopted Paris Agreement with a new Article 1 put in front, every article
 * renumbered and every reference to one of its own articles renumbered with it, must read as one insertion
 * and every other article unchanged (renumbered) — the case a whole-text diff shows as all changed. A
 * reference pointed at another article than the one it named must still show.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareDrafts } from '../src/compare/compare.js';
import { importDraft } from '../src/format/import-text.js';
import { corpus, corpusSkipReason } from './support/corpus.js';

/** "Article 4" of another instrument ("Article 4, paragraph 1(d), of the Convention"): not renumbered. */
const OF_ANOTHER = /^(,? paragraphs? [0-9][0-9a-z().]*( and [0-9][0-9a-z().]*)?,?)? of (the|this) (Convention|Kyoto Protocol|decision)/;

function renumbered(text: string): string {
  const shifted = text.replace(/Article (\d+)/g, (match, n: string, at: number, whole: string) =>
    OF_ANOTHER.test(whole.slice(at + match.length)) ? match : `Article ${Number(n) + 1}`);
  const first = shifted.search(/^#+ Article 2\b/m);
  const heading = /^#+ /.exec(shifted.slice(first))![0];
  return `${shifted.slice(0, first)}${heading}Article 1\n\nThe Parties shall cooperate on critical minerals for clean energy technologies.\n\n${shifted.slice(first)}`;
}

describe.skipIf(!corpus)(`renumbering the adopted Paris Agreement (${corpus ? 'corpus found' : corpusSkipReason})`, () => {
  const dir = path.join(corpus ?? '', 'paris-agreement-drafts');
  const adopted = () => fs.readFileSync(path.join(dir, fs.readdirSync(dir).find((f) => f.startsWith('v4'))!), 'utf8');

  it('reads one article inserted and every other one unchanged, its references renumbered with it', () => {
    const text = adopted();
    const c = compareDrafts(importDraft(text).draft, importDraft(renumbered(text)).draft);
    const articles = c.changes.filter((x) => x.new[0]?.label.startsWith('Article'));
    expect(articles.length).toBeGreaterThan(25);
    expect(c.summary.inserted).toBe(1);
    expect(c.summary.edited + c.summary.deleted + c.summary.split + c.summary.merged).toBe(0);
    // Some of them do hold references to other articles, renumbered here.
    expect(articles.filter((x) => /Article \d+/.test(x.words.map((w) => w.text).join(''))).length).toBeGreaterThan(3);
  });

  it('shows a reference that now names another article', () => {
    const text = adopted();
    // The adopted text's "set out in Article 2" (the temperature goal) reads "Article 3" once renumbered.
    const changed = renumbered(text).replace(/set out in Article 3\b/, 'set out in Article 9');
    expect(changed).not.toBe(renumbered(text));
    const c = compareDrafts(importDraft(text).draft, importDraft(changed).draft);
    expect(c.summary.edited).toBe(1);
    const edited = c.changes.find((x) => x.kind === 'edited')!;
    expect(edited.words.filter((w) => w.op !== 'equal').map((w) => w.text)).toEqual(['2', '9']);
  });

  it('marks a reference renumbered with the drafts cosmetic inside an article that was edited (9 December draft → adopted text)', () => {
    const read = (prefix: string) => importDraft(fs.readFileSync(path.join(dir, fs.readdirSync(dir).find((f) => f.startsWith(prefix))!), 'utf8')).draft;
    const c = compareDrafts(read('v3'), read('v4'));
    // The transparency article cites the adaptation article, 4 in the draft and 7 in the adopted text.
    const entry = c.changes.find((x) => x.kind === 'edited' && x.words.some((w) => w.text.endsWith('adaptation actions under Article ')))!;
    const at = entry.words.findIndex((w) => w.text.endsWith('adaptation actions under Article '));
    expect(entry.words.slice(at + 1, at + 3)).toEqual([{ op: 'delete', text: '4', cosmetic: true }, { op: 'insert', text: '7', cosmetic: true }]);
    // The article's other changes stay changes.
    expect(entry.words.some((w) => w.op !== 'equal' && !w.cosmetic)).toBe(true);
    // The mitigation article cites the global stocktake, 10 then 14, at the end of a paragraph whose next line
    // changed across the line break.
    // ("the global stock take" became "the global stocktake" there: a cosmetic change of its own.)
    const citing = (w: { op: string; text: string }[], k: number) => w[k]!.text === ' referred to in Article ' && w[k - 1]?.text === 'stocktake';
    const mitigation = c.changes.find((x) => x.words.some((_, k) => citing(x.words, k)))!;
    const cited = mitigation.words.findIndex((_, k) => citing(mitigation.words, k));
    expect(mitigation.words.slice(cited + 1, cited + 3)).toEqual([{ op: 'delete', text: '10', cosmetic: true }, { op: 'insert', text: '14', cosmetic: true }]);
  });
});
