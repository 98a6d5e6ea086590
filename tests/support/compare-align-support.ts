/**
 * Helpers for the alignment tests: tiny draft builders (`draft(clause('Article 1', 'Title', 'text'))`) and
 * access to the shared synthetic treaty generator.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Block, Clause, Draft } from '../../src/model/draft.js';
import type { Alignment, ClauseChange } from '../../src/compare/align.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A body given as strings: "1. text" lines become a numbered list, anything else a paragraph. */
function bodyOf(texts: (string | Block)[]): Block[] {
  const blocks: Block[] = [];
  for (const t of texts) {
    if (typeof t !== 'string') { blocks.push(t); continue; }
    const m = /^(\d+)\.\s+(.*)$/s.exec(t);
    const last = blocks[blocks.length - 1];
    if (m) {
      const item = { type: 'listItem' as const, spread: false, children: [{ type: 'paragraph' as const, children: [{ type: 'text' as const, value: m[2]! }] }] };
      if (last && last.type === 'list' && last.ordered) last.children.push(item);
      else blocks.push({ type: 'list', ordered: true, start: Number(m[1]), spread: false, children: [item] });
    } else {
      blocks.push({ type: 'paragraph', children: [{ type: 'text', value: t }] });
    }
  }
  return blocks;
}

let nextId = 0;
/** clause(label, title, ...body) — body strings, and sub-clauses as further clause() values. */
export function clause(label: string, title: string, ...content: (string | Block | Clause)[]): Clause {
  const children = content.filter((c): c is Clause => typeof c === 'object' && 'children' in c && 'label' in c);
  const body = content.filter((c): c is string | Block => !(typeof c === 'object' && 'label' in c));
  const c: Clause = { id: `c${++nextId}`, level: 2, label, title, topics: [], body: bodyOf(body), children };
  const setLevel = (k: Clause, level: number) => { k.level = level; k.children.forEach((ch) => setLevel(ch, level + 1)); };
  setLevel(c, 2);
  return c;
}

/** A clause with an explicit id (for the id stage). */
export function withId(id: string, c: Clause): Clause {
  return { ...c, id };
}

export function draft(...clauses: Clause[]): Draft {
  return { meta: { title: 'Test', parties: {} }, front: [], clauses };
}

/** The one change that involves the new clause at `newIndex` (or old clause, with side 'old'). */
export function changeOf(a: Alignment, side: 'old' | 'new', index: number): ClauseChange {
  const found = a.changes.filter((c) => c[side].includes(index));
  if (found.length !== 1) throw new Error(`expected one change for ${side} ${index}, found ${found.length}`);
  return found[0]!;
}

/** Compact view of changes for assertions: "kind old→new [moved] [renumbered]". */
export function summary(a: Alignment): string[] {
  return a.changes.map((c) => {
    const labels = (side: 'old' | 'new') => c[side].map((i) => (side === 'old' ? a.oldClauses : a.newClauses)[i]!.label).join('+') || '-';
    return `${c.kind} ${labels('old')}→${labels('new')}${c.moved ? ' moved' : ''}${c.renumbered ? ' renumbered' : ''}`;
  });
}

export interface TreatyPair {
  oldText: string;
  newText: string;
  truth: { deleted: number[]; edited: number[]; moved: number[]; newOids: number[] };
}
type MakePair = (n: number, seed?: number, opts?: { words?: number; edit?: number; move?: number; ins?: number; del?: number }) => TreatyPair;

/** The shared folder (env PARLEY_SHARED, default ../shared beside the project). */
export function sharedDir(): string {
  return process.env.PARLEY_SHARED ?? path.resolve(projectRoot, '../shared');
}

export function generatorPath(): string {
  return path.join(sharedDir(), 'tools', 'gen-treaty.mjs');
}

export function hasGenerator(): boolean {
  return existsSync(generatorPath());
}

/** makePair from gen-treaty.mjs (N must be at least 20: the generator loops forever below that). */
export async function loadMakePair(): Promise<MakePair> {
  const mod = (await import(pathToFileURL(generatorPath()).href)) as { makePair: MakePair };
  return mod.makePair;
}
