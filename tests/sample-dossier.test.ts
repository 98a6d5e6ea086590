/**
 * The sample negotiation (fixtures/rare-earths-mou) is what testers, demos and the comparison tests stand on:
 * these tests check that it is what its README and CHANGES.tsv say it is — canonical files, a manifest that
 * matches them, and the structural story (merge, insert, delete, move, split, brackets resolved by ad ref).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseDraft, serializeDraft } from '../src/format/markdown.js';
import type { Block, Clause, Draft, Inline } from '../src/model/draft.js';
import { STANCES } from '../src/model/draft.js';
import { provisionsOf, walkClauses } from '../src/model/provisions.js';
import { clauseText } from '../src/model/text.js';

const DOSSIER = fileURLToPath(new URL('../fixtures/rare-earths-mou/', import.meta.url));

interface ManifestVersion { version: number; file: string; label: string; 'tabled-by': string; date: string; status: string; sha256: string }
interface Manifest {
  parley: number;
  title: string;
  parties: { id: string; name: string; colour: string }[];
  topics: string[];
  versions: ManifestVersion[];
}

interface ChangeRow { from: number; to: number; oldId: string; newId: string; kind: string; moved: boolean; renumbered: boolean; note: string }

const read = (relative: string): string => readFileSync(DOSSIER + relative, 'utf8');
const manifest = parseYaml(read('dossier.yaml')) as Manifest;

/** Every file of the dossier by version number; the working draft counts as version 6 (see README). */
const files = new Map<number, string>(manifest.versions.map((v) => [v.version, v.file]));
files.set(6, 'working.md');

const sources = new Map<number, string>([...files].map(([n, file]) => [n, read(file)]));
const parsed = new Map([...sources].map(([n, source]) => [n, parseDraft(source, { file: files.get(n) })]));
const draftOf = (n: number): Draft => parsed.get(n)!.draft;

const clausesOf = (n: number): Clause[] => [...walkClauses(draftOf(n).clauses)].map((w) => w.clause);
const idsOf = (n: number): string[] => clausesOf(n).map((c) => c.id);
function clause(n: number, id: string): Clause {
  const found = clausesOf(n).find((c) => c.id === id);
  if (!found) throw new Error(`version ${n} has no clause #${id}`);
  return found;
}
/** Clause text with brackets marked, so that a change of bracketing counts as a change. */
const marked = (c: Clause): string => clauseText(c, { brackets: 'marked' });

function bracketsOf(blocks: readonly Block[]): { by: string; text: string }[] {
  const out: { by: string; text: string }[] = [];
  const inlines = (nodes: readonly Inline[]): void => {
    for (const node of nodes) {
      if (node.type === 'bracket') out.push({ by: node.by, text: JSON.stringify(node.children) });
      if ('children' in node) inlines(node.children);
    }
  };
  const walk = (bs: readonly Block[]): void => {
    for (const b of bs) {
      if (b.type === 'paragraph') inlines(b.children);
      else if (b.type === 'list') b.children.forEach((item) => walk(item.children));
      else if (b.type === 'blockquote' || b.type === 'position') walk(b.children);
    }
  };
  walk(blocks);
  return out;
}
const bracketsInVersion = (n: number) => clausesOf(n).flatMap((c) => bracketsOf(c.body));
const positionsInVersion = (n: number) =>
  clausesOf(n).flatMap((c) => c.body.flatMap((b) => (b.type === 'position' ? [{ clause: c.id, party: b.party, stance: b.stance }] : [])));

const changes: ChangeRow[] = read('CHANGES.tsv')
  .trimEnd()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [from, to, oldId, newId, kind, moved, renumbered, note] = line.split('\t');
    return { from: Number(from), to: Number(to), oldId: oldId!, newId: newId!, kind: kind!, moved: moved === 'yes', renumbered: renumbered === 'yes', note: note ?? '' };
  });

describe('sample dossier manifest', () => {
  it('lists five tabled versions in order, each file present', () => {
    expect(manifest.parley).toBe(1);
    expect(manifest.versions.map((v) => v.version)).toEqual([1, 2, 3, 4, 5]);
    expect(manifest.parties.map((p) => p.id)).toEqual(['EU', 'US']);
    for (const p of manifest.parties) expect(p.colour).toMatch(/^#[0-9a-f]{6}$/);
    expect(new Set(manifest.topics).size).toBe(manifest.topics.length);
  });

  it.each(manifest.versions)('records the sha256 of version $version', (v) => {
    const actual = createHash('sha256').update(readFileSync(DOSSIER + v.file)).digest('hex');
    expect(v.sha256).toBe(actual);
  });
});

describe.each([...files.keys()])('version %i of the sample dossier', (n) => {
  it('parses without errors', () => {
    const errors = parsed.get(n)!.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toEqual([]);
  });

  it('is in canonical form (parse then serialize gives the same bytes)', () => {
    expect(serializeDraft(draftOf(n))).toBe(sources.get(n));
  });

  it('has the front matter the manifest claims', () => {
    const meta = draftOf(n).meta;
    expect(meta.title).toBe(manifest.title);
    expect(meta.parties).toEqual(Object.fromEntries(manifest.parties.map((p) => [p.id, p.name])));
    expect(meta.version).toBe(n);
    const entry = manifest.versions.find((v) => v.version === n);
    if (entry) {
      expect(meta.label).toBe(entry.label);
      expect(meta.tabledBy).toBe(entry['tabled-by']);
      expect(meta.date).toBe(entry.date);
      expect(meta.status).toBe(entry.status);
    } else {
      expect(meta.status).toBe('draft'); // the working draft is not tabled
    }
  });

  it('attributes every bracket and position to a listed party, with a known stance', () => {
    const parties = manifest.parties.map((p) => p.id);
    for (const b of bracketsInVersion(n)) expect(parties).toContain(b.by);
    for (const p of positionsInVersion(n)) {
      expect(parties).toContain(p.party);
      expect(STANCES).toContain(p.stance);
    }
  });

  it('has unique clause ids and topics from the taxonomy', () => {
    const ids = idsOf(n);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of clausesOf(n)) for (const t of c.topics) expect(manifest.topics).toContain(t);
    expect(ids.length).toBeGreaterThanOrEqual(12);
  });
});

describe('the story of the sample negotiation', () => {
  it('v3, the joint text, carries brackets and positions of both parties', () => {
    expect(new Set(bracketsInVersion(3).map((b) => b.by))).toEqual(new Set(['EU', 'US']));
    expect(new Set(positionsInVersion(3).map((p) => p.party))).toEqual(new Set(['EU', 'US']));
  });

  it('v2 merges the two research clauses of v1 into the one that keeps the id "research"', () => {
    expect(idsOf(1)).toContain('research-mobility');
    expect(idsOf(2)).not.toContain('research-mobility');
    const merged = provisionsOf(clause(2, 'research')).map((p) => p.text);
    const parts = ['research', 'research-mobility'].flatMap((id) => provisionsOf(clause(1, id)).map((p) => p.text));
    expect(merged).toEqual(parts.map((t) => t.replace(/\bshall\b/g, 'will')));
  });

  it('the US review clause exists in v2 only', () => {
    expect(idsOf(1)).not.toContain('review');
    expect(idsOf(2)).toContain('review');
    expect(idsOf(3)).not.toContain('review');
  });

  it('v4 adds a territorial-integrity clause that v3 lacks', () => {
    const withTopic = (n: number) => clausesOf(n).filter((c) => c.topics.includes('territorial-integrity'));
    expect(withTopic(3)).toEqual([]);
    expect(withTopic(4).map((c) => c.id)).toEqual(['territorial-integrity']);
  });

  it('the pricing clause of v3 corresponds to two clauses in v4, "pricing" keeping the larger part', () => {
    const rows = changes.filter((r) => r.from === 3 && r.oldId === 'pricing');
    expect(rows.map((r) => [r.newId, r.kind])).toEqual([['pricing', 'split'], ['anti-dumping', 'split']]);
    expect(idsOf(3)).not.toContain('anti-dumping');
    const before = provisionsOf(clause(3, 'pricing')).map((p) => p.text);
    const pricing = provisionsOf(clause(4, 'pricing')).map((p) => p.text);
    const antiDumping = provisionsOf(clause(4, 'anti-dumping')).map((p) => p.text);
    expect([...pricing, ...antiDumping]).toEqual(before);
    expect(pricing.length).toBeGreaterThan(antiDumping.length);
  });

  it('stockpiling changes place between v3 and v4, while the others keep their order', () => {
    const common = (a: number, b: number) => idsOf(a).filter((id) => idsOf(b).includes(id));
    const inV3 = common(3, 4);
    const inV4 = common(4, 3);
    expect(inV4).not.toEqual(inV3);
    expect(inV4.filter((id) => id !== 'stockpiling')).toEqual(inV3.filter((id) => id !== 'stockpiling'));
    expect(clause(3, 'stockpiling').label).not.toBe(clause(4, 'stockpiling').label);
  });

  it('obligation language weakens and figures change along the way', () => {
    expect(marked(clause(1, 'no-export-bans'))).toContain('shall not impose');
    expect(marked(clause(2, 'no-export-bans'))).toContain('will not impose');
    expect(marked(clause(1, 'supply-chains'))).toContain('within thirty (30) days');
    expect(marked(clause(2, 'supply-chains'))).toContain('within sixty (60) days');
    expect(marked(clause(1, 'joint-investment'))).toContain('shall mobilise');
    expect(marked(clause(4, 'joint-investment'))).toContain('will mobilise');
    expect(marked(clause(5, 'joint-investment'))).toContain('intend to mobilise');
  });

  it('v5 is agreed ad referendum, with fewer brackets than v3 and ad-ref positions of both parties', () => {
    expect(draftOf(5).meta.status).toBe('ad-ref');
    expect(bracketsInVersion(5).length).toBeLessThanOrEqual(2);
    expect(bracketsInVersion(5).length).toBeLessThan(bracketsInVersion(3).length);
    const adRef = positionsInVersion(5).filter((p) => p.stance === 'ad-ref');
    expect(new Set(adRef.map((p) => p.party))).toEqual(new Set(['EU', 'US']));
  });

  it('the working draft differs from v5 in exactly one clause', () => {
    const differing = idsOf(6).filter((id) => marked(clause(6, id)) !== marked(clause(5, id)));
    expect(idsOf(6)).toEqual(idsOf(5));
    expect(differing).toEqual(['research']);
  });
});

describe('CHANGES.tsv, the answer key', () => {
  const KINDS = ['unchanged', 'edited', 'inserted', 'deleted', 'split', 'merged'];

  it('uses every kind of change, a move and renumbering', () => {
    expect(new Set(changes.map((r) => r.kind))).toEqual(new Set(KINDS));
    expect(changes.some((r) => r.moved)).toBe(true);
    expect(changes.some((r) => r.renumbered)).toBe(true);
  });

  it.each([1, 2, 3, 4, 5])('accounts for every clause from version %i to the next, consistently with the files', (from) => {
    const to = from + 1;
    const rows = changes.filter((r) => r.from === from);
    for (const r of rows) expect(r.to).toBe(to);
    // Each clause of either side appears; split parts share an old id, merged parts a new id.
    expect(new Set(rows.map((r) => r.oldId).filter(Boolean))).toEqual(new Set(idsOf(from)));
    expect(new Set(rows.map((r) => r.newId).filter(Boolean))).toEqual(new Set(idsOf(to)));
    for (const r of rows) {
      expect(KINDS).toContain(r.kind);
      expect(r.kind === 'inserted').toBe(r.oldId === '');
      expect(r.kind === 'deleted').toBe(r.newId === '');
      if (!r.oldId || !r.newId) continue;
      const a = clause(from, r.oldId);
      const b = clause(to, r.newId);
      expect(r.renumbered, `${from}→${to} ${r.oldId}: renumbered`).toBe(a.label !== b.label);
      const same = a.title === b.title && marked(a) === marked(b);
      if (r.kind === 'unchanged') expect(same, `${from}→${to} ${r.oldId} should be unchanged`).toBe(true);
      if (r.kind === 'edited') expect(same, `${from}→${to} ${r.oldId} should be edited`).toBe(false);
    }
    // Pairs not marked moved keep their relative order; each pair marked moved breaks it.
    const oneToOne = rows.filter((r) => r.kind === 'unchanged' || r.kind === 'edited');
    const inOrder = (rs: ChangeRow[]) => {
      const places = rs
        .slice()
        .sort((x, y) => idsOf(from).indexOf(x.oldId) - idsOf(from).indexOf(y.oldId))
        .map((r) => idsOf(to).indexOf(r.newId));
      return places.every((p, i) => i === 0 || p > places[i - 1]!);
    };
    expect(inOrder(oneToOne.filter((r) => !r.moved))).toBe(true);
    for (const r of oneToOne.filter((x) => x.moved)) expect(inOrder([...oneToOne.filter((x) => !x.moved), r])).toBe(false);
  });
});
