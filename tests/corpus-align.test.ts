/**
 * Alignment on real texts: for every case in the corpus (env PARLEY_CORPUS, default ../shared/corpus), the
 * clause pairs, insertions, deletions, merges and moves listed in its alignment.tsv (made by hand) — and,
 * where a row names paragraphs, the provision pairs — are what alignDrafts finds.
 *
 * alignment.tsv: one row per unit, one column per version ("v1_…" matches the file "v1_…"); a cell names a
 * clause by its number or title ("2bis", "2.1", "Section I", "OBJECTIVE"), optionally a provision ("para 2(a)",
 * "AREAS OF COOPERATION 4", "Whereas 3"), with notes in parentheses; "-" or "DELETED" where the unit is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { alignDrafts, type Alignment, type FlatClause } from '../src/compare/align.js';
import { flattenProvisions } from '../src/compare/provisions-align.js';
import { importDraft } from '../src/format/import-text.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = process.env.PARLEY_CORPUS ?? path.resolve(root, '../shared/corpus');
const present = existsSync(corpus);

/** Version pairs compared, by version number; consecutive versions are always compared. */
const EXTRA_PAIRS: Record<string, [number, number][]> = {
  'paris-agreement-drafts': [[1, 4], [0, 2], [0, 3], [0, 4]],
  'us-reciprocal-trade-agreements_MY-KH-JO': [[1, 3]],
};

interface Ref { clause: string; provision?: { label: string | null } | { whereas: number } }

/** A cell as a reference, null when the unit is absent, 'skip' when the cell describes rather than names. */
function parseCell(cell: string): Ref | null | 'skip' {
  const text = cell.trim();
  if (text === '' || text === '-' || /^deleted$/i.test(text)) return null;
  if (/^\d+ recitals$/i.test(text)) return 'skip';
  const unnumbered = /\(unnumbered/i.test(text);
  const bare = text.replace(/\([^)]*\)/g, (m) => (/^\([a-z0-9]{1,4}\)$/i.test(m) ? m : '')).trim();
  const whereas = /^whereas\s+(\d+)$/i.exec(bare);
  if (whereas) return { clause: 'Preamble', provision: { whereas: Number(whereas[1]) } };
  const para = /^(.*?)\s+para\s+(\S+)$/i.exec(bare);
  if (para) return { clause: para[1]!, provision: { label: para[2]! } };
  if (unnumbered) return { clause: bare, provision: { label: null } };
  return { clause: bare };
}

const squash = (s: string) => s.toLowerCase().replace(/\s+/g, '');

/** The clause a reference names: by label ("2bis" is "Article 2bis"), else by title or title prefix. */
function findClause(clauses: FlatClause[], name: string): FlatClause | undefined {
  const n = squash(name);
  const byLabel = clauses.filter((c) => {
    const l = squash(c.label);
    return l === n || (l.endsWith(n) && /[a-z]$/.test(l.slice(0, l.length - n.length)) && /^\d/.test(n));
  });
  if (byLabel.length === 1) return byLabel[0];
  const byTitle = clauses.filter((c) => squash(c.title) === n || squash(c.label) === n);
  if (byTitle.length === 1) return byTitle[0];
  const byPrefix = clauses.filter((c) => squash(c.title).startsWith(n) || squash(c.label || c.title).startsWith(n));
  return byPrefix.length === 1 ? byPrefix[0] : undefined;
}

interface Resolved { clause: number; provision?: number }

function resolve(clauses: FlatClause[], ref: Ref): Resolved | string {
  let clause = findClause(clauses, ref.clause);
  let provisionRef = ref.provision;
  if (!clause && !provisionRef) {
    // "AREAS OF COOPERATION 4": a clause followed by a paragraph number.
    const m = /^(.*\S)\s+(\d+)$/.exec(ref.clause);
    if (m) {
      clause = findClause(clauses, m[1]!);
      provisionRef = { label: m[2]! };
    }
  }
  if (!clause) return `no clause "${ref.clause}"`;
  if (!provisionRef) return { clause: clause.index };
  const provisions = flattenProvisions([clause.clause]);
  let index: number;
  if ('whereas' in provisionRef) {
    const recitals = provisions.map((p, i) => ({ p, i })).filter(({ p }) => /^\s*whereas\b/i.test(p.text));
    index = recitals[provisionRef.whereas - 1]?.i ?? -1;
  } else if (provisionRef.label === null) {
    index = provisions.findIndex((p) => p.label === null);
  } else {
    const label = provisionRef.label;
    // "4." and "4)" are paragraph 4; "2(a)" is point (a) of paragraph 2.
    const plain = (l: string) => squash(l).replace(/\.$/, '').replace(/^(\d+)\)$/, '$1');
    index = provisions.findIndex((p) => p.label !== null && plain(p.label) === plain(label));
  }
  if (index < 0) return `no provision ${JSON.stringify(provisionRef)} in "${clause.label || clause.title}"`;
  return { clause: clause.index, provision: index };
}

function readTsv(file: string): string[][] {
  return readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '').map((l) => l.split('\t'));
}

function versionFiles(dir: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const f of readdirSync(dir)) {
    const m = /^v(\d+)_.*\.(txt|md)$/.exec(f);
    if (m) out.set(Number(m[1]), f);
  }
  return out;
}

const cases = present ? readdirSync(corpus).filter((d) => existsSync(path.join(corpus, d, 'alignment.tsv'))).sort() : [];

describe.skipIf(!present)(`alignment against the corpus answer keys (${present ? corpus : 'skipped: no corpus at ' + corpus + '; set PARLEY_CORPUS'})`, () => {
  it('finds the corpus cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(4);
  });

  for (const name of cases) {
    const dir = path.join(corpus, name);
    const rows = readTsv(path.join(dir, 'alignment.tsv'));
    const header = rows[0]!;
    const files = versionFiles(dir);
    const columnOf = new Map<number, number>();
    header.forEach((h, col) => {
      const m = /^v(\d+)_/.exec(h.trim());
      if (m && files.has(Number(m[1]))) columnOf.set(Number(m[1]), col);
    });
    const versions = [...columnOf.keys()].sort((a, b) => a - b);
    const pairs: [number, number][] = versions.slice(1).map((v, k) => [versions[k]!, v]);
    for (const extra of EXTRA_PAIRS[name] ?? []) pairs.push(extra);

    for (const [vo, vn] of pairs) {
      it(`${name}: v${vo} → v${vn}`, () => {
        const load = (v: number) => importDraft(readFileSync(path.join(dir, files.get(v)!), 'utf8'), { file: files.get(v)! }).draft;
        const a = alignDrafts(load(vo), load(vn));
        const problems: string[] = [];
        let checked = 0;
        for (const row of rows.slice(1)) {
          const oldCell = row[columnOf.get(vo)!] ?? '';
          const newCell = row[columnOf.get(vn)!] ?? '';
          const oldRef = parseCell(oldCell);
          const newRef = parseCell(newCell);
          if (oldRef === 'skip' || newRef === 'skip' || (oldRef === null && newRef === null)) continue;
          const what = `row "${row[0]}" (${oldCell || '-'} → ${newCell || '-'})`;
          const o = oldRef && resolve(a.oldClauses, oldRef);
          const n = newRef && resolve(a.newClauses, newRef);
          if (typeof o === 'string' || typeof n === 'string') { problems.push(`${what}: ${o ?? ''} ${n ?? ''}`); continue; }
          checked++;
          const problem = checkRow(a, o, n, newCell);
          if (problem) problems.push(`${what}: ${problem}`);
        }
        expect(problems).toEqual([]);
        expect(checked).toBeGreaterThan(3);
      });
    }
  }
});

function checkRow(a: Alignment, o: Resolved | null, n: Resolved | null, newCell: string): string | null {
  const side = o ? 'old' : 'new';
  const clause = (o ?? n)!.clause;
  const change = a.changes.find((c) => c[side].includes(clause))!;
  if (!o || !n) {
    const target = o ?? n!;
    if (target.provision === undefined) {
      const expected = o ? 'deleted' : 'inserted';
      return change.kind === expected ? null : `expected ${expected}, got ${change.kind} ${JSON.stringify(change.old)}→${JSON.stringify(change.new)}`;
    }
    // A provision added to or removed from a clause that stays.
    const p = change.provisions.find((x) => (o ? x.oldIndex : x.newIndex) === target.provision);
    if (change.kind === 'inserted' || change.kind === 'deleted') return null;
    if (!p) return `provision ${target.provision} not reported in a ${change.kind} clause`;
    const expected = o ? 'deleted' : 'inserted';
    return p.kind === expected ? null : `expected provision ${expected}, got ${p.kind}`;
  }
  if (!change.new.includes(n.clause)) return `old clause ${o.clause} went to ${JSON.stringify(change.new)} (${change.kind}), expected new clause ${n.clause}`;
  if (/merged/i.test(newCell) && change.kind !== 'merged') return `expected a merge, got ${change.kind}`;
  if (/moved/i.test(newCell) && !change.moved) return 'expected moved';
  if (change.old.length === 1 && change.new.length === 1) {
    const relabelled = squash(a.oldClauses[o.clause]!.label) !== squash(a.newClauses[n.clause]!.label);
    if (change.renumbered !== relabelled) return `renumbered is ${change.renumbered}, labels ${relabelled ? 'differ' : 'agree'}`;
    if (change.kind !== 'unchanged' && change.kind !== 'edited') return `expected a pair, got ${change.kind}`;
  }
  if (o.provision !== undefined && n.provision !== undefined && change.kind !== 'unchanged' && change.old.length === 1 && change.new.length === 1) {
    const p = change.provisions.find((x) => x.oldIndex === o.provision);
    if (!p || p.newIndex !== n.provision) return `provision ${o.provision} → ${p?.newIndex ?? 'nothing'}, expected ${n.provision}`;
    if (p.renumbered !== ((p.old ?? '') !== (p.new ?? ''))) return `provision ${p.old} → ${p.new}: renumbered is ${p.renumbered}`;
  }
  return null;
}
