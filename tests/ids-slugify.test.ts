import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatedIdBase, looksGenerated, slugify } from '../src/format/ids.js';

/** The slug as first defined: NFKD, accents stripped, lowercase, runs of anything else one dash, no end dashes. */
function referenceSlug(text: string): string {
  const slug = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length <= 48) return slug;
  const cut = slug.slice(0, 48);
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : 48);
}

const ascii = fc.array(fc.constantFrom(...'aZ09 -_.()[]§/Article Section IV 12bis'.split('')), { maxLength: 70 }).map((cs) => cs.join(''));

describe('slugify', () => {
  it('gives the reference slug for any ASCII label (the fast path)', () => {
    fc.assert(fc.property(ascii, (text) => { expect(slugify(text)).toBe(referenceSlug(text)); }), { numRuns: 400 });
  });

  it('gives the reference slug for text with accents and other scripts', () => {
    for (const text of ['Artículo 5', 'État de droit', 'Ärende – 3', 'Статья 2', '', '   ', 'Article\u00a05']) {
      expect(slugify(text)).toBe(referenceSlug(text));
    }
    expect(slugify('Artículo 5 bis')).toBe('articulo-5-bis');
  });

  it('tells generated ids from authored ones', () => {
    expect(looksGenerated('article-5', { label: 'Article 5', title: '' }, '')).toBe(true);
    expect(looksGenerated('article-5-2', { label: 'Article 5', title: '' }, '')).toBe(true);
    expect(looksGenerated('section-2-article-5', { label: 'Article 5', title: '' }, 'section-2')).toBe(true);
    expect(looksGenerated('export-bans', { label: 'Article 5', title: 'No export bans' }, '')).toBe(false);
  });

  it('decides as the generated base says, for ids made from the base, near it, and unrelated', () => {
    // The definition: the id is the base, or the base, a dash and a number.
    const definition = (id: string, label: string, title: string, parentId: string) => {
      const base = generatedIdBase({ label, title }, parentId);
      return id === base || (id.startsWith(base + '-') && /^\d+$/.test(id.slice(base.length + 1)));
    };
    const text = fc.oneof(ascii, fc.constantFrom('', '  ', '12', '(a)', 'Article 5', 'ARTICLE 5bis', 'Artículo 5', '§ 3', 'x'.repeat(60) + ' y'));
    const idOf = fc.tuple(text, text, fc.constantFrom('', 'section-2', 'part-i'), fc.nat(6), fc.constantFrom('', 'x', '-', '-2', '-02', '-a', '2'))
      .map(([label, title, parentId, how, tail]) => {
        const base = generatedIdBase({ label, title }, parentId);
        const id = how === 0 ? base : how === 1 ? base + '-' + (how + 2) : how === 2 ? base.slice(0, -1) : how === 3 ? base + tail : how === 4 ? 'clause-' + base : slugify(label) + tail;
        return { id, label, title, parentId };
      });
    fc.assert(fc.property(idOf, ({ id, label, title, parentId }) => {
      expect(looksGenerated(id, { label, title }, parentId)).toBe(definition(id, label, title, parentId));
    }), { numRuns: 3000 });
  });
});
