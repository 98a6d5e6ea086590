/**
 * Whose alternative a settled bracket group took: `proposedBy` on a legal item whose old side is a group of
 * bracketed alternatives ("[shall][will]" → "will": the party that proposed "will"), read from the brackets
 * of the old draft, and said alike by the text and HTML redlines.
 */
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareDrafts } from '../src/compare/compare.js';
import type { LegalChangeJson } from '../src/compare/contract.js';
import { parseDraft } from '../src/format/markdown.js';
import { htmlRedline } from '../src/export/html-redline.js';
import { textRedline } from '../src/export/text-redline.js';

const dir = path.resolve(import.meta.dirname, '../fixtures/rare-earths-mou');
const version = (v: number) => parseDraft(fs.readFileSync(path.join(dir, `versions/v${v}.md`), 'utf8')).draft;

/** A one-article draft whose article reads `body`. */
const draft = (body: string) => parseDraft(`---\nparley: 1\ntitle: T\nparties:\n  EU: European Union\n  US: United States\n---\n\n## Article 1 {#a1}\n\n${body}\n`).draft;

/** The legal items of the one article, old draft body → new draft body. */
function legal(oldBody: string, newBody: string): LegalChangeJson[] {
  const c = compareDrafts(draft(oldBody), draft(newBody), { ids: 'always' });
  return c.changes.flatMap((change) => change.legal);
}

describe('proposedBy', () => {
  it('names the party whose alternative the sample dossier settled on (v4 → v5), and none for a compromise', () => {
    const items = compareDrafts(version(4), version(5), { ids: 'always' }).changes.flatMap((c) => c.legal);
    expect(items).toContainEqual({ type: 'obligation', old: '[shall][will]', new: 'will', proposedBy: 'US' });
    expect(items).toContainEqual({ type: 'obligation', old: '[shall not][will not]', new: 'will not', proposedBy: 'US' });
    expect(items).toContainEqual({ type: 'figure', old: '[thirty (30)][fifteen (15)]', new: 'at least thirty (30) days', proposedBy: 'EU' });
    expect(items).toContainEqual({ type: 'figure', old: '[thirty (30)][sixty (60)]', new: 'within forty-five (45) days' });
  });

  it('names the party that opened alternatives beside the old wording (sample dossier v2 → v3)', () => {
    const items = compareDrafts(version(2), version(3), { ids: 'always' }).changes.flatMap((c) => c.legal);
    expect(items).toContainEqual({ type: 'obligation', old: 'will not', new: '[shall not][will not]', proposedBy: 'EU' });
    expect(items).toContainEqual({ type: 'figure', old: 'within sixty (60) days', new: '[thirty (30)][sixty (60)]', proposedBy: 'EU' });
    // Both alternatives hold the old "will": no telling which keeps it.
    expect(items).toContainEqual({ type: 'obligation', old: 'will', new: '[will establish][will explore the establishment of]', direction: 'same' });
  });

  it('names no one when the alternatives beside the old wording are several parties\' proposals', () => {
    const items = legal('Each Participant will report yearly.', 'Each Participant :bracket[shall]{by="EU"}:bracket[will]{by="US"}:bracket[must]{by="JP"} report yearly.');
    expect(items).toEqual([{ type: 'obligation', old: 'will', new: '[shall][will][must]' }]);
    expect(legal('Each Participant will report yearly.', 'Each Participant :bracket[shall]{by="EU"}:bracket[will]{by="US"}:bracket[must]{by="EU"} report yearly.'))
      .toEqual([{ type: 'obligation', old: 'will', new: '[shall][will][must]', proposedBy: 'EU' }]);
  });

  it('counts the literal brackets of the text when it finds a bracket’s party', () => {
    const old = 'Under note \\[1\\], each Participant :bracket[shall]{by="US"}:bracket[will]{by="EU"} report yearly.';
    expect(legal(old, 'Under note \\[1\\], each Participant will report yearly.')).toEqual([{ type: 'obligation', old: '[shall][will]', new: 'will', proposedBy: 'EU' }]);
    expect(legal(old, 'Under note \\[1\\], each Participant shall report yearly.')).toEqual([{ type: 'obligation', old: '[shall][will]', new: 'shall', proposedBy: 'US' }]);
  });

  it('takes the longest alternative the new wording holds', () => {
    const old = 'Each Participant :bracket[may]{by="EU"}:bracket[may not]{by="US"} restrict exports.';
    expect(legal(old, 'Each Participant may not restrict exports.')).toContainEqual(expect.objectContaining({ old: '[may][may not]', new: 'may not', proposedBy: 'US' }));
  });

  it('names no one for literal square brackets', () => {
    expect(legal('Each Participant \\[shall\\]\\[will\\] report yearly.', 'Each Participant will report yearly.')).toEqual([
      { type: 'obligation', old: '[shall][will]', new: 'will' },
    ]);
  });

  it('is said by the text and HTML redlines', () => {
    const c = compareDrafts(version(4), version(5), { ids: 'always' });
    expect(textRedline(c)).toContain('obligation: [shall][will] → will (as US proposed)');
    expect(htmlRedline(c)).toContain('<ins>will</ins> <span class="by">(as US proposed)</span>');
  });

  it('names the party of the alternative taken, whatever the literal brackets around it (property)', () => {
    const alternative = fc.record({ word: fc.constantFrom('shall', 'will', 'should', 'must'), by: fc.constantFrom('EU', 'US', 'JP') });
    const literal = fc.constantFrom('', 'See \\[1\\] and \\[x\\]. ', '\\[Optional\\] ');
    fc.assert(fc.property(fc.array(alternative, { minLength: 2, maxLength: 4 }), fc.nat(), literal, literal, (alternatives, k, before, after) => {
      const taken = alternatives[k % alternatives.length]!;
      const group = alternatives.map((a) => `:bracket[${a.word}]{by="${a.by}"}`).join('');
      const items = legal(`${before}Each Participant ${group} report yearly. ${after}`, `${before}Each Participant ${taken.word} report yearly. ${after}`)
        .filter((l) => l.old?.startsWith('['));
      if (new Set(alternatives.map((a) => a.word)).size === 1) return; // nothing changed in law
      expect(items).toHaveLength(1);
      // Two alternatives of the same words: no telling whose was taken.
      const unique = alternatives.filter((a) => a.word === taken.word).length === 1;
      expect(items[0]!.proposedBy).toBe(unique ? taken.by : undefined);
      // The other way: the alternatives opened beside the wording taken; named when the others are one party's.
      const opened = legal(`${before}Each Participant ${taken.word} report yearly. ${after}`, `${before}Each Participant ${group} report yearly. ${after}`)
        .filter((l) => l.new?.startsWith('['));
      expect(opened).toHaveLength(1);
      const others = new Set(alternatives.filter((a) => a.word !== taken.word).map((a) => a.by));
      expect(opened[0]!.proposedBy).toBe(unique && others.size === 1 ? [...others][0] : undefined);
    }), { numRuns: 300 });
  });
});
