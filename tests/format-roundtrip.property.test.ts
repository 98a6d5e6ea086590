/**
 * Property: for any draft the model can hold, parse(serialize(draft)) gives the same draft back, and
 * serializing again gives the same bytes (serialize writes canonical form).
 *
 * The generator stays inside what the model can express without ambiguity — text nodes are merged and
 * never empty, marks hold non-blank text with no space at their edges — because that is what a parser can
 * give back; everything else (unicode anywhere, Markdown punctuation inside text, brackets inside lists and
 * emphasis, empty clauses, deep nesting) is fair game.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block, Clause, Draft, Inline, ListItem } from '../src/model/draft.js';
import { STANCES } from '../src/model/draft.js';
import { parseDraft, serializeDraft } from '../src/format/markdown.js';

const PARTIES = ['EU', 'US', 'JP'];
const CHARS = [
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  ...'éüßçøñÅŁ中文日本語한국어Ελληνικάالعربيةעברית',
  '—', '–', '“', '”', '‘', '’', '€', '§', '¶', '…', '🙂', '\u00a0'.replace('\u00a0', 'ʼ'),
  '*', '_', '[', ']', '#', ':', '{', '}', '<', '>', '&', '`', '\\', '!', '.', ')', '(', '"', "'", '|', '~', '+', '-', '=', '%', '$', '/',
];

const word = fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 8 }).map((cs) => cs.join(''));
const words = fc.array(word, { minLength: 1, maxLength: 6 }).map((ws) => ws.join(' '));
const party = fc.constantFrom(...PARTIES);

/** A marked span: emphasis, strong or a bracket, with plain words or one nested mark of another kind inside. */
const marked: fc.Arbitrary<Inline[]> = fc.oneof(
  words.map((w): Inline[] => [{ type: 'emphasis', children: [{ type: 'text', value: w }] }]),
  words.map((w): Inline[] => [{ type: 'strong', children: [{ type: 'text', value: w }] }]),
  fc.tuple(party, words).map(([by, w]): Inline[] => [{ type: 'bracket', by, children: [{ type: 'text', value: w }] }]),
  fc.tuple(party, words, words).map(([by, a, b]): Inline[] => [
    { type: 'bracket', by, children: [{ type: 'text', value: a + ' ' }, { type: 'emphasis', children: [{ type: 'text', value: b }] }] },
  ]),
  // Alternatives: two brackets with nothing between them.
  fc.tuple(party, words, party, words).map(([a, x, b, y]): Inline[] => [
    { type: 'bracket', by: a, children: [{ type: 'text', value: x }] },
    { type: 'bracket', by: b, children: [{ type: 'text', value: y }] },
  ]),
  fc.tuple(party, words).map(([by, w]): Inline[] => [{ type: 'emphasis', children: [{ type: 'bracket', by, children: [{ type: 'text', value: w }] }] }]),
);

/** Inline content: words and marks, separated by spaces so that every mark is delimited the same way. */
const inlineContent: fc.Arbitrary<Inline[]> = fc
  .array(fc.oneof({ weight: 2, arbitrary: words.map((w): Inline[] => [{ type: 'text', value: w }]) }, { weight: 1, arbitrary: marked }), { minLength: 1, maxLength: 5 })
  .map((segments) => {
    const out: Inline[] = [];
    segments.forEach((segment, i) => {
      if (i > 0) push(out, { type: 'text', value: ' ' });
      for (const node of segment) push(out, structuredClone(node));
    });
    return out;
  });

function push(out: Inline[], node: Inline) {
  const last = out[out.length - 1];
  if (last && last.type === 'text' && node.type === 'text') last.value += node.value;
  else out.push(node);
}

// A paragraph must not open like a block of another kind ("1. ", "- ", "> ", ":::" …): the text generator
// can produce such openings, and the serializer must escape them. That is part of what is tested.
const paragraph = inlineContent.map((children): Block => ({ type: 'paragraph', children }));
const point = fc.tuple(fc.constantFrom('a', 'b', 'c', 'iv'), inlineContent).map(([l, children]): Block => ({
  type: 'paragraph', children: [{ type: 'text', value: `(${l}) ` }, ...children].reduce<Inline[]>((acc, n) => (push(acc, structuredClone(n)), acc), []),
}));
const listItem = fc.tuple(paragraph, fc.array(point, { maxLength: 2 })).map(([first, points]): ListItem => ({
  type: 'listItem', spread: points.length > 0, children: [first, ...points],
}));
// A list is spread when blank lines separate its items, which a list of one item cannot show.
const orderedList = fc.tuple(fc.integer({ min: 1, max: 12 }), fc.array(listItem, { minLength: 1, maxLength: 4 }), fc.boolean()).map(([start, children, loose]): Block => ({
  type: 'list', ordered: true, start, spread: loose && children.length > 1, children,
}));
const bulletList = fc.array(paragraph, { minLength: 1, maxLength: 3 }).map((paras): Block => ({
  type: 'list', ordered: false, start: null, spread: false,
  children: paras.map((p) => ({ type: 'listItem', spread: false, children: [p] })),
}));
const position = fc.tuple(party, fc.constantFrom(...STANCES), paragraph).map(([p, stance, note]): Block => ({
  type: 'position', party: p, stance, children: [note],
}));
/** Blocks of a clause; two lists never stand side by side (Markdown would read them as one). */
const body = fc.array(fc.oneof(paragraph, orderedList, bulletList, position), { maxLength: 4 }).map((blocks) =>
  blocks.filter((b, i) => !(b.type === 'list' && blocks[i - 1]?.type === 'list')),
);

const LABELS = ['Article 1', 'Article 2bis', 'ARTICLE 7', 'Paragraph 4', 'Section II', 'Section I.2', '4.1', '12', ''];
const titleWord = fc.array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzéüçø'), { minLength: 1, maxLength: 9 }).map((c) => c.join(''));
const title = fc.array(fc.oneof(titleWord, word), { minLength: 1, maxLength: 5 }).map((ws) => 'T' + ws.join(' '));
const TOPICS = ['supply-chains', 'pricing', 'export-restrictions', 'territorial-integrity', 'research'];

function clauseTree(depth: number): fc.Arbitrary<Omit<Clause, 'id'>[]> {
  const one = fc.record({
    label: fc.constantFrom(...LABELS),
    title: fc.oneof(title, fc.constant('')),
    topics: fc.subarray(TOPICS),
    body,
    children: depth > 0 ? clauseTree(depth - 1) : fc.constant([]),
  }).map((c) => ({ ...c, level: 0, title: c.label || c.title ? c.title : 'Untitled' }));
  return fc.array(one, { maxLength: depth > 1 ? 4 : 2 });
}

const meta = fc.record({
  title: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).map((s) => s.trim() || 'Title'),
  parties: fc.constant({ EU: 'European Union', US: 'États-Unis d’Amérique', JP: '日本国' }),
  version: fc.integer({ min: 1, max: 40 }),
  label: fc.string({ unit: 'grapheme', maxLength: 30 }),
  tabledBy: party,
  date: fc.constantFrom('2026-02-03', '2025-10-26'),
  status: fc.constantFrom('draft', 'non-paper', 'chair-text', 'ad-ref', 'agreed', 'signed' as const),
});

const draftArb: fc.Arbitrary<Draft> = fc.tuple(meta, clauseTree(3), fc.array(paragraph, { maxLength: 2 })).map(([m, clauses, front]) => {
  let n = 0;
  const finish = (list: Omit<Clause, 'id'>[], level: number): Clause[] =>
    list.map((c) => ({ ...c, id: `c${++n}`, level, children: finish(c.children, level + 1) }));
  return { meta: m, front, clauses: finish(clauses, 2) };
});

describe('draft format round trip (property)', () => {
  it('parse(serialize(draft)) equals draft, and serialize is canonical', () => {
    fc.assert(
      fc.property(draftArb, (d) => {
        const text = serializeDraft(d);
        const back = parseDraft(text);
        expect(back.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
        expect(back.draft).toEqual(d);
        expect(serializeDraft(back.draft)).toBe(text);
      }),
      { numRuns: 150 },
    );
  });
});
