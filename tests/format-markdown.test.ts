import { describe, expect, it } from 'vitest';
import * as markdown from '../src/format/markdown.js';
import { parseDraft, serializeDraft } from '../src/format/markdown.js';
import { provisionsOf } from '../src/model/provisions.js';
import { br, clause, draft, ol, p, position } from './support/draft-builders.js';

const FRONT = `---
parley: 1
title: Memorandum of Understanding on Critical Minerals
parties:
  EU: European Union
  US: United States of America
version: 3
label: Joint text after the Brussels round
tabled-by: EU
date: 2026-02-03
status: draft
---
`;

const CANONICAL = `${FRONT}
## Preamble {#preamble}

The Participants,

Recognising the importance of secure supply chains;

## Paragraph 4 — No export restrictions {#no-export-bans .export-restrictions}

1. Neither Participant :bracket[shall]{by="EU"}:bracket[intends to]{by="US"} impose export bans on the other.

2. The Participants *will* consult:

   (a) within thirty (30) days;

   (b) at the request of either Participant.

:::position{party="US" stance="reserves"}
Subject to inter-agency review of the dual-use list.
:::

### 4.1 — Exceptions {#no-export-bans-exceptions}

Measures under Paragraph 9 are not export bans.
`;

describe('the draft format', () => {
  it('exposes the public API', () => {
    expect(Object.keys(markdown).sort()).toEqual(['parseDraft', 'serializeDraft']);
  });

  it('reads front matter, clauses, nesting, provisions, brackets and positions', () => {
    const { draft: d, diagnostics } = parseDraft(CANONICAL, { file: 'v3.md' });
    expect(diagnostics).toEqual([]);
    expect(d.meta).toEqual({
      title: 'Memorandum of Understanding on Critical Minerals',
      parties: { EU: 'European Union', US: 'United States of America' },
      version: 3, label: 'Joint text after the Brussels round', tabledBy: 'EU', date: '2026-02-03', status: 'draft',
    });
    expect(d.clauses.map((c) => [c.id, c.label, c.title, c.topics])).toEqual([
      ['preamble', '', 'Preamble', []],
      ['no-export-bans', 'Paragraph 4', 'No export restrictions', ['export-restrictions']],
    ]);
    const para4 = d.clauses[1]!;
    expect(para4.children.map((c) => [c.id, c.label, c.title, c.level])).toEqual([['no-export-bans-exceptions', '4.1', 'Exceptions', 3]]);
    const provisions = provisionsOf(para4);
    expect(provisions.map((x) => x.label)).toEqual(['1', '2']);
    expect(provisions[1]!.points.map((x) => x.label)).toEqual(['(a)', '(b)']);
    const first = para4.body[0]!;
    expect(first.type === 'list' && first.children[0]!.children[0]).toEqual(
      p('Neither Participant ', br('EU', 'shall'), br('US', 'intends to'), ' impose export bans on the other.'),
    );
    expect(para4.body[1]).toEqual(position('US', 'reserves', 'Subject to inter-agency review of the dual-use list.'));
  });

  it('round-trips a canonical file byte for byte', () => {
    expect(serializeDraft(parseDraft(CANONICAL).draft)).toBe(CANONICAL);
  });

  it('writes the model it is given in canonical form', () => {
    const d = draft([
      clause('Article 1', 'Purpose', 'purpose', [ol(1, [p('The purpose is ', br('EU', 'cooperation'), '.')])], [], 2, ['supply-chains']),
      clause('', 'Final provisions', 'final', [position('EU', 'supports', 'Agreed.')]),
    ]);
    const text = serializeDraft(d);
    expect(text).toContain('## Article 1 — Purpose {#purpose .supply-chains}\n\n1. The purpose is :bracket[cooperation]{by="EU"}.\n');
    expect(text).toContain('## Final provisions {#final}\n\n:::position{party="EU" stance="supports"}\nAgreed.\n:::\n');
    expect(parseDraft(text).draft).toEqual(d);
  });

  it('keeps Markdown it does not model verbatim', () => {
    const source = `${FRONT}
## Annex {#annex}

| Mineral | Share |
| ------- | ----- |
| Gallium | 98%   |

See [the list](https://example.org/list) and note[^1].

[^1]: A footnote.
`;
    // Footnote markers are plain text in the Parley format (no GFM), written with "[" escaped.
    const canonical = source.replace('note[^1]', 'note\\[^1]').replace('\n[^1]:', '\n\\[^1]:');
    expect(serializeDraft(parseDraft(source).draft)).toBe(canonical);
    expect(serializeDraft(parseDraft(canonical).draft)).toBe(canonical);
  });
});

describe('diagnostics', () => {
  const locate = (source: string) => parseDraft(source, { file: 'draft.md' }).diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`);

  it('reads a heading label with a lettered part after a hyphen ("Annex 2-A", "Annex I-A") whole, and writes it back so', () => {
    const src = '---\ntitle: T\n---\n\n## Annex 2-A — Tariff Schedule {#annex-2-a}\n\nRates.\n\n## Annex I-B: Quotas {#annex-i-b}\n\nNone.\n\n## Article 5 - Scope {#a5}\n\nText.\n';
    const { draft } = parseDraft(src);
    expect(draft.clauses.map((c) => [c.label, c.title])).toEqual([['Annex 2-A', 'Tariff Schedule'], ['Annex I-B', 'Quotas'], ['Article 5', 'Scope']]);
    expect(serializeDraft(draft)).toContain('## Annex 2-A — Tariff Schedule {#annex-2-a}');
  });

  it('locates front matter that does not parse', () => {
    const out = locate('---\nparley: 1\ntitle: [unclosed\n---\n\n## A {#a}\n');
    expect(out.length).toBeGreaterThan(0);
    expect(out[0]).toMatch(/^draft\.md:[34]:\d+ front-matter-syntax$/);
  });

  it('reports a duplicate clause id at its second heading', () => {
    expect(locate(`${FRONT}\n## Article 1 {#x}\n\nText.\n\n## Article 2 {#x}\n`)).toEqual(['draft.md:18:1 duplicate-id']);
  });

  it('reports brackets and positions naming parties the draft does not list', () => {
    const out = locate(`${FRONT}\n## Article 1 {#a}\n\nThe :bracket[Parties]{by="JP"} agree.\n\n:::position{party="CN" stance="opposes"}\nNo.\n:::\n`);
    expect(out).toEqual(['draft.md:16:5 unknown-party', 'draft.md:18:1 unknown-party']);
  });

  it('reports an unknown stance and an unbalanced bracket', () => {
    const out = locate(`${FRONT}\n## Article 1 {#a}\n\nThe :bracket[Parties agree.\n\n:::position{party="US" stance="maybe"}\nHm.\n:::\n`);
    expect(out).toEqual(['draft.md:16:1 unbalanced-square-brackets', 'draft.md:16:5 unbalanced-bracket', 'draft.md:18:1 unknown-stance']);
  });

  it('reports a heading with no text', () => {
    expect(locate(`${FRONT}\n## {#a}\n\nText.\n`)).toEqual(['draft.md:14:1 empty-heading']);
  });

  it('keeps lists and block quotes nested past any draft\'s depth as written, and says where', () => {
    // 8,000 block quotes inside one another: read (as a raw block past depth 32), not a stack overflow.
    const deep = `${FRONT}\n## Article 1 {#a}\n\n${'>'.repeat(8_000)} The Participants will cooperate.\n`;
    const { draft: d, diagnostics } = parseDraft(deep, { file: 'draft.md' });
    expect(diagnostics.map((x) => `${x.line}:${x.column} ${x.code}`)).toEqual(['16:33 deep-nesting']);
    expect(d.clauses[0]!.body.length).toBe(1);
    expect(serializeDraft(d)).toContain('The Participants will cooperate.');
    // A draft's own nesting (a few levels) is read as structure, without a word.
    expect(locate(`${FRONT}\n## Article 1 {#a}\n\n> > > Quoted.\n`)).toEqual([]);
  });

  it('accepts the stance alias "reserve" and writes it canonically', () => {
    const { draft: d, diagnostics } = parseDraft(`${FRONT}\n## A {#a}\n\n:::position{party="US" stance="reserve"}\nNote.\n:::\n`);
    expect(diagnostics).toEqual([]);
    expect(serializeDraft(d)).toContain('stance="reserves"');
  });
});
