/**
 * The ProseMirror schema of a draft.
 *
 * It mirrors the model of src/model/draft.ts so that conversion both ways is lossless (renderer/convert.ts):
 *
 *   doc        front clause*            (the draft's meta rides along as a doc attribute)
 *   front      block*                   (content before the first heading; hidden when empty)
 *   clause     clause_heading block* clause*   attrs id, label, topics, level
 *   clause_heading  text*               the clause title; the label is drawn before it, not typed
 *   paragraph, ordered_list, bullet_list, list_item, position (party, stance), blockquote,
 *   raw_block (atom: Markdown Parley does not model, kept verbatim)
 *   inline: text, hard_break, inline_code (atom), raw_inline (atom)
 *   marks: bracket (by) — outermost, so alternatives stay separate runs — then strong, em.
 *
 * The title lives in the heading's text rather than in an attribute so that it can be edited like any other
 * text and takes part in undo, find and replace. Numbering is presentation: the label is an attribute that
 * the clause commands recompute (renderer/labels.ts).
 */
import { Schema, type DOMOutputSpec } from 'prosemirror-model';

export const schema = new Schema({
  nodes: {
    doc: { content: 'front clause*', attrs: { meta: { default: null } } },
    front: {
      content: 'block*',
      parseDOM: [{ tag: 'section.front' }],
      toDOM: (): DOMOutputSpec => ['section', { class: 'front' }, 0],
    },
    clause: {
      content: 'clause_heading block* clause*',
      defining: true,
      attrs: {
        id: { default: '' },
        label: { default: '' },
        topics: { default: [] as string[] },
        level: { default: 2 },
      },
      toDOM: (node): DOMOutputSpec => [
        'section',
        {
          class: 'clause',
          id: 'clause-' + node.attrs.id,
          'data-clause-id': node.attrs.id,
          'data-level': String(node.attrs.level),
        },
        0,
      ],
    },
    clause_heading: {
      content: 'text*',
      marks: '',
      defining: true,
      toDOM: (): DOMOutputSpec => ['h2', { class: 'clause-heading' }, 0],
    },
    paragraph: {
      group: 'block',
      content: 'inline*',
      parseDOM: [{ tag: 'p' }],
      toDOM: (): DOMOutputSpec => ['p', 0],
    },
    ordered_list: {
      group: 'block',
      content: 'list_item*',
      attrs: { start: { default: 1 }, spread: { default: false } },
      parseDOM: [{ tag: 'ol', getAttrs: (dom) => ({ start: Number((dom as HTMLElement).getAttribute('start') ?? 1) }) }],
      toDOM: (node): DOMOutputSpec => ['ol', { start: String(node.attrs.start ?? 1) }, 0],
    },
    bullet_list: {
      group: 'block',
      content: 'list_item*',
      attrs: { spread: { default: false } },
      parseDOM: [{ tag: 'ul' }],
      toDOM: (): DOMOutputSpec => ['ul', 0],
    },
    list_item: {
      content: 'block*',
      defining: true,
      attrs: { spread: { default: false } },
      parseDOM: [{ tag: 'li' }],
      toDOM: (): DOMOutputSpec => ['li', 0],
    },
    position: {
      group: 'block',
      content: 'block*',
      defining: true,
      attrs: { party: { default: '' }, stance: { default: 'supports' } },
      toDOM: (node): DOMOutputSpec => [
        'aside',
        {
          class: 'position',
          'data-party': node.attrs.party,
          'data-stance': node.attrs.stance,
          'aria-label': `${node.attrs.party} position: ${node.attrs.stance}`,
        },
        0,
      ],
    },
    blockquote: {
      group: 'block',
      content: 'block*',
      parseDOM: [{ tag: 'blockquote' }],
      toDOM: (): DOMOutputSpec => ['blockquote', 0],
    },
    raw_block: {
      group: 'block',
      atom: true,
      selectable: true,
      attrs: { value: { default: '' } },
      toDOM: (node): DOMOutputSpec => ['pre', { class: 'raw-block', title: 'Kept as written (not editable here)' }, node.attrs.value],
    },
    text: { group: 'inline' },
    hard_break: {
      group: 'inline',
      inline: true,
      selectable: false,
      parseDOM: [{ tag: 'br' }],
      toDOM: (): DOMOutputSpec => ['br'],
    },
    inline_code: {
      group: 'inline',
      inline: true,
      atom: true,
      attrs: { value: { default: '' } },
      toDOM: (node): DOMOutputSpec => ['code', node.attrs.value],
    },
    raw_inline: {
      group: 'inline',
      inline: true,
      atom: true,
      attrs: { value: { default: '' } },
      toDOM: (node): DOMOutputSpec => ['span', { class: 'raw-inline', title: 'Kept as written' }, node.attrs.value],
    },
  },
  marks: {
    // Listed first so that it wraps the other marks: a bracket is one run of text proposed by one party.
    bracket: {
      attrs: { by: { default: '' } },
      // Inclusive, like bold: typing over or at the end of bracketed words keeps them in the bracket.
      toDOM: (mark): DOMOutputSpec => [
        'span',
        { class: 'bracket', 'data-by': mark.attrs.by, title: `Proposed by ${mark.attrs.by} (not agreed)` },
        0,
      ],
    },
    strong: {
      parseDOM: [{ tag: 'strong' }, { tag: 'b' }],
      toDOM: (): DOMOutputSpec => ['strong', 0],
    },
    em: {
      parseDOM: [{ tag: 'em' }, { tag: 'i' }],
      toDOM: (): DOMOutputSpec => ['em', 0],
    },
  },
});
