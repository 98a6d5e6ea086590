/**
 * What an import says of the clause ids it gave: `parley import`'s lines (importSummary) and the app's notice
 * (importedIds). A long treaty brought in can give hundreds of new ids, leave out or put back hundreds of
 * clauses: each list names ten and counts the rest.
 */
import { describe, expect, it } from 'vitest';
import type { InheritReport } from '../src/compare/inherit-ids.js';
import type { Draft } from '../src/model/draft.js';
import { importSummary } from '../src/node/cli/import.js';
import { importedIds } from '../renderer/imported-file.js';
import { clause, draft } from './support/draft-builders.js';

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, k) => `${prefix}-${k + 1}`);
const clauses = (n: number): Draft => draft(ids('article', n).map((id, k) => clause(`Article ${k + 1}`, '', id)));
const named = (list: string[]) => list.map((id) => ({ id, label: '', title: '' }));

describe('the summary of an import', () => {
  const report: InheritReport = {
    clauses: 40, kept: named(ids('kept', 3)), fresh: named(ids('new', 12)), dropped: ids('gone', 25),
    restored: ids('back', 11).map((id) => ({ id, label: '', title: '', version: 2 })),
  };

  it('names ten of each list on the command line and counts the rest', () => {
    const lines = importSummary(clauses(40), report, 5);
    expect(lines[0]).toBe(`40 clauses: 3 kept their ids, 12 new (ids ${ids('new', 10).join(', ')} and 2 more).`);
    expect(lines[1]).toBe(`Put back from earlier versions, with their ids: ${ids('back', 10).map((id) => `${id} (v2)`).join(', ')} and 1 more.`);
    expect(lines[2]).toBe(`Not in the imported text (from v5): ${ids('gone', 10).join(', ')} and 15 more.`);
    expect(lines[3]).toBe('Saved as the working draft.');
  });

  it('does so in the app\'s notice too', () => {
    const notice = importedIds({ draft: clauses(40), fromVersion: 5, kept: 3, fresh: report.fresh.map((c) => c.id), dropped: report.dropped, restored: report.restored.map(({ id, version }) => ({ id, version })) });
    expect(notice).toBe(`40 clauses, 3 matched to clauses of v5, 12 new (${ids('new', 10).join(', ')} and 2 more).` +
      ` Put back from earlier versions: ${ids('back', 10).map((id) => `${id} (v2)`).join(', ')} and 1 more.` +
      ` Not in it, of v5: ${ids('gone', 10).join(', ')} and 15 more.`);
  });

  it('lists short lists whole, and says nothing of empty ones', () => {
    expect(importSummary(clauses(2), { clauses: 2, kept: named(['a']), fresh: named(['b']), dropped: [], restored: [] }, 1))
      .toEqual(['2 clauses: 1 kept their ids, 1 new (ids b).', 'Saved as the working draft.']);
    expect(importedIds({ draft: clauses(2), fromVersion: 1, kept: 2, fresh: [], dropped: [], restored: [] })).toBe('2 clauses, 2 matched to clauses of v1, none new.');
  });
});
