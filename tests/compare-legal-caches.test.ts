import { describe, expect, it } from 'vitest';
import { legalChanges } from '../src/compare/legal.js';

// legalChanges keeps the party names (and the compiled name patterns) between calls for speed; a caller that
// edits its parties object in place must still see the names it holds now.
describe('legalChanges party-name cache', () => {
  it('sees a party added to the same parties object after an earlier call', () => {
    const parties: Record<string, string> = { RU: 'Ruritania' };
    const party = (l: ReturnType<typeof legalChanges>) => l.filter((c) => c.type === 'party').map((c) => [c.old, c.new]);
    expect(party(legalChanges('Freedonia shall notify.', 'Ruritania shall notify.', undefined, { parties }))).toEqual([[null, 'Ruritania']]);
    parties.FD = 'Freedonia';
    expect(party(legalChanges('Freedonia shall notify.', 'Ruritania shall notify.', undefined, { parties }))).toEqual([['Freedonia', 'Ruritania']]);
    delete parties.FD;
    expect(party(legalChanges('Freedonia shall notify.', 'Ruritania shall notify.', undefined, { parties }))).toEqual([[null, 'Ruritania']]);
  });
});
