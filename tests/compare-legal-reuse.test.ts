import { describe, expect, it } from 'vitest';
import { legalChanges } from '../src/compare/legal.js';

// legalChanges reuses the party names it built last for a parties object with the same entries (a caller
// may build a fresh, equal object for every clause pair); a different object must still get its own names.
describe('legalChanges party names from equal objects', () => {
  const party = (l: ReturnType<typeof legalChanges>) => l.filter((c) => c.type === 'party').map((c) => [c.old, c.new]);
  const analyse = (parties: Record<string, string>) => party(legalChanges('Freedonia shall notify.', 'Ruritania shall notify.', undefined, { parties }));

  it('are the names of the object passed, whether built afresh or reused', () => {
    expect(analyse({ RU: 'Ruritania' })).toEqual([[null, 'Ruritania']]);
    expect(analyse({ RU: 'Ruritania' })).toEqual([[null, 'Ruritania']]);
    expect(analyse({ RU: 'Ruritania', FD: 'Freedonia' })).toEqual([['Freedonia', 'Ruritania']]);
    expect(analyse({ RU: 'Ruritania', FD: 'Freedonia' })).toEqual([['Freedonia', 'Ruritania']]);
    expect(analyse({ RU: 'Ruritania' })).toEqual([[null, 'Ruritania']]);
    expect(analyse({ FD: 'Ruritania' })).toEqual([[null, 'Ruritania']]);
    expect(analyse({})).toEqual([]);
  });
});
