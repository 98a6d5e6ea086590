import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksGenerated, slugify } from '../src/format/ids.js';

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
});
