import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docToDraft, draftToDoc } from '../renderer/convert.js';
import { schema } from '../renderer/schema.js';
import { parseDraft } from '../src/format/markdown.js';
import type { Draft } from '../src/model/draft.js';

const dossier = join(import.meta.dirname, '..', 'fixtures', 'rare-earths-mou');
const files = [...readdirSync(join(dossier, 'versions')).map((f) => join('versions', f)), 'working.md'];

function read(file: string): Draft {
  const { draft, diagnostics } = parseDraft(readFileSync(join(dossier, file), 'utf8'), { file });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return draft;
}

describe('renderer conversion model ⇄ ProseMirror', () => {
  it('exposes the public API', () => {
    expect(typeof draftToDoc).toBe('function');
    expect(typeof docToDraft).toBe('function');
  });

  it.each(files)('round-trips %s without loss', (file) => {
    const draft = read(file);
    const doc = draftToDoc(draft);
    doc.check(); // every node fits the schema's content rules
    expect(docToDraft(doc)).toEqual(draft);
  });

  it('keeps alternatives as separate brackets and nested marks in order', () => {
    const draft: Draft = {
      meta: { title: 'T', parties: { EU: 'European Union', US: 'United States' } },
      front: [{ type: 'rawBlock', value: '| a | b |' }],
      clauses: [
        {
          id: 'x', level: 2, label: 'Article 1', title: 'Scope', topics: ['pricing'], children: [],
          body: [
            {
              type: 'paragraph',
              children: [
                { type: 'text', value: 'Neither ' },
                { type: 'bracket', by: 'EU', children: [{ type: 'text', value: 'shall' }] },
                { type: 'bracket', by: 'US', children: [{ type: 'strong', children: [{ type: 'emphasis', children: [{ type: 'text', value: 'intends' }] }] }, { type: 'text', value: ' to' }] },
                { type: 'break' },
                { type: 'inlineCode', value: 'x' },
                { type: 'rawInline', value: '[^1]' },
              ],
            },
            { type: 'position', party: 'US', stance: 'reserves', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'Review.' }] }] },
            { type: 'blockquote', children: [{ type: 'list', ordered: false, start: null, spread: false, children: [{ type: 'listItem', spread: false, children: [] }] }] },
          ],
        },
      ],
    };
    const doc = draftToDoc(draft);
    doc.check();
    expect(doc.child(1).type).toBe(schema.nodes.clause);
    expect(docToDraft(doc)).toEqual(draft);
  });
});
