/**
 * From remark's syntax tree (mdast) to the clause model's blocks and inlines.
 *
 * What the model does not know (links, tables, code, HTML, footnotes, unknown directives) is kept as the
 * exact source text it came from, so that a draft survives a round trip even when it holds things Parley
 * has no use for.
 */
import type { Nodes, Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { ContainerDirective, TextDirective } from 'mdast-util-directive';
import { STANCES, type Block, type Inline, type Stance } from '../model/draft.js';
import type { Diagnostic } from './diagnostic.js';
import { isPipeTable, splitRow } from '../model/pipe-table.js';

/** Aliases accepted for stances (the DESIGN example writes "reserve"); written back in canonical form. */
const STANCE_ALIASES: Record<string, Stance> = {
  support: 'supports', propose: 'proposes', oppose: 'opposes', reserve: 'reserves', 'ad-referendum': 'ad-ref', adref: 'ad-ref',
};

export interface ConvertContext {
  /** The Markdown the nodes were parsed from, for verbatim slices. */
  source: string;
  /** Line in the file of the first line of `source`. */
  firstLine: number;
  file?: string;
  diagnostics: Diagnostic[];
  /** The draft's parties; a bracket or position naming another party is reported. */
  parties: ReadonlySet<string>;
}

/**
 * Lists, block quotes and positions nested deeper than this are kept as written (a raw block) rather than
 * converted: no draft nests so deep, and every reader of the model walks blocks by recursion.
 */
export const MAX_BLOCK_NESTING = 32;

export function toBlocks(nodes: readonly RootContent[], ctx: ConvertContext, depth = 0): Block[] {
  const blocks: Block[] = [];
  for (const node of nodes) {
    if ((node.type === 'list' || node.type === 'blockquote' || node.type === 'containerDirective') && depth >= MAX_BLOCK_NESTING) {
      report(ctx, node, 'warning', 'deep-nesting', `lists, block quotes and positions are nested more than ${MAX_BLOCK_NESTING} deep here; the rest is kept as written`);
      blocks.push({ type: 'rawBlock', value: slice(ctx, node) });
      continue;
    }
    switch (node.type) {
      case 'paragraph': {
        const children = toInlines(node.children, ctx);
        checkSquareBrackets(children, node, ctx);
        checkTableRows(node, ctx);
        blocks.push({ type: 'paragraph', children });
        break;
      }
      case 'list':
        blocks.push({
          type: 'list',
          ordered: Boolean(node.ordered),
          start: node.ordered ? node.start ?? 1 : null,
          spread: Boolean(node.spread),
          children: node.children.map((item) => ({
            type: 'listItem' as const,
            spread: Boolean(item.spread),
            children: toBlocks(item.children, ctx, depth + 1),
          })),
        });
        break;
      case 'blockquote':
        blocks.push({ type: 'blockquote', children: toBlocks(node.children, ctx, depth + 1) });
        break;
      case 'containerDirective':
        if (node.name === 'position') blocks.push(toPosition(node, ctx, depth));
        else {
          report(ctx, node, 'warning', 'unknown-directive', `":::${node.name}" is not a Parley block; it is kept as written`);
          blocks.push({ type: 'rawBlock', value: slice(ctx, node) });
        }
        break;
      default:
        blocks.push({ type: 'rawBlock', value: slice(ctx, node) });
    }
  }
  return blocks;
}

function toPosition(node: ContainerDirective, ctx: ConvertContext, depth: number): Block {
  const attributes = node.attributes ?? {};
  const party = attributes.party ?? '';
  const written = attributes.stance ?? '';
  if (!party) report(ctx, node, 'error', 'position-party', 'position names no party (write party="EU")');
  else checkParty(ctx, node, party, 'position');
  let stance = written as Stance;
  if (!(STANCES as readonly string[]).includes(written)) {
    const alias = STANCE_ALIASES[written.toLowerCase()];
    if (alias) stance = alias;
    else report(ctx, node, 'error', 'unknown-stance', written
      ? `unknown stance "${written}": use one of ${STANCES.join(', ')}`
      : `position names no stance (write stance="supports", one of ${STANCES.join(', ')})`);
  }
  for (const key of Object.keys(attributes)) {
    if (key !== 'party' && key !== 'stance') report(ctx, node, 'warning', 'position-attribute', `position attribute "${key}" is not used by Parley and is dropped`);
  }
  // The directive's label ([...] after the name) is not used for positions.
  const children = node.children.filter((child) => !(child.type === 'paragraph' && (child.data as { directiveLabel?: boolean } | undefined)?.directiveLabel));
  return { type: 'position', party, stance, children: toBlocks(children, ctx, depth + 1) };
}

export function toInlines(nodes: readonly PhrasingContent[], ctx: ConvertContext): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        checkText(node.value, node, ctx);
        pushText(out, node.value);
        break;
      case 'emphasis':
        out.push({ type: 'emphasis', children: toInlines(node.children, ctx) });
        break;
      case 'strong':
        out.push({ type: 'strong', children: toInlines(node.children, ctx) });
        break;
      case 'inlineCode':
        out.push({ type: 'inlineCode', value: node.value });
        break;
      case 'break':
        out.push({ type: 'break' });
        break;
      case 'textDirective':
        if (node.name === 'bracket') out.push(toBracket(node, ctx));
        else {
          report(ctx, node, 'warning', 'unknown-directive', `":${node.name}[...]" is not a Parley mark; it is kept as written`);
          out.push({ type: 'rawInline', value: slice(ctx, node) });
        }
        break;
      default:
        out.push({ type: 'rawInline', value: slice(ctx, node) });
    }
  }
  return out;
}

function toBracket(node: TextDirective, ctx: ConvertContext): Inline {
  const by = node.attributes?.by ?? '';
  if (!by && node.children.length === 0) {
    // ":bracket" followed by "[..." that never closes: remark reads a bare directive name and leaves the rest as text.
    report(ctx, node, 'error', 'unbalanced-bracket', 'bracket ":bracket[" is not closed: it needs "]" and then {by="PARTY"}');
    return { type: 'rawInline', value: slice(ctx, node) };
  }
  if (!by) report(ctx, node, 'error', 'bracket-party', 'bracket names no party (write {by="EU"})');
  else checkParty(ctx, node, by, 'bracket');
  return { type: 'bracket', by, children: toInlines(node.children, ctx) };
}

function checkParty(ctx: ConvertContext, node: Nodes, party: string, what: string): void {
  if (ctx.parties.has(party)) return;
  const known = [...ctx.parties];
  report(ctx, node, 'error', 'unknown-party', `${what} names party "${party}", which this draft does not list` +
    (known.length ? ` (its parties are ${known.join(', ')})` : ' (its front matter lists no parties)'));
}

/**
 * Literal square brackets are how UN-style drafts mark unagreed text. In a Parley draft they are allowed (a
 * reference "[Annex I]"), but an unbalanced pair is almost always a mistake worth a warning.
 */
function checkSquareBrackets(children: readonly Inline[], node: Nodes, ctx: ConvertContext): void {
  let depth = 0;
  let unbalanced = false;
  const visit = (inlines: readonly Inline[]) => {
    for (const inline of inlines) {
      if (inline.type === 'text') {
        for (const ch of inline.value) {
          if (ch === '[') depth++;
          else if (ch === ']' && --depth < 0) unbalanced = true;
        }
      } else if (inline.type === 'emphasis' || inline.type === 'strong' || inline.type === 'bracket') visit(inline.children);
    }
  };
  visit(children);
  if (unbalanced || depth !== 0) {
    report(ctx, node, 'warning', 'unbalanced-square-brackets', depth > 0
      ? `${depth} "[" in this paragraph ${depth === 1 ? 'is' : 'are'} never closed by "]"`
      : 'a "]" in this paragraph closes no "["');
  }
}

function pushText(out: Inline[], value: string): void {
  const last = out[out.length - 1];
  if (last && last.type === 'text') last.value += value;
  else out.push({ type: 'text', value });
}

/** A bracket directive that did not parse leaves its opening in the text: that is an unbalanced bracket. */
function checkText(value: string, node: Nodes, ctx: ConvertContext): void {
  const open = value.indexOf(':bracket[');
  if (open !== -1) {
    report(ctx, node, 'error', 'unbalanced-bracket', 'bracket ":bracket[" is not closed: it needs "]" and then {by="PARTY"}', open);
  }
}

function slice(ctx: ConvertContext, node: Nodes): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return '';
  return ctx.source.slice(start, end);
}

/**
 * A pipe table (model/pipe-table.ts) whose row has more or fewer cells than its header: a cell left out or a "|"
 * typed in a cell's text, which shifts the columns after it (and the comparison and the redline read the row so).
 */
function checkTableRows(node: Paragraph, ctx: ConvertContext): void {
  const text = slice(ctx, node);
  if (!isPipeTable(text)) return;
  const lines = text.split('\n');
  const columns = splitRow(lines[0]!).length;
  lines.forEach((line, k) => {
    if (k < 2) return;
    const cells = splitRow(line).length;
    if (cells === columns) return;
    ctx.diagnostics.push({
      file: ctx.file,
      line: (node.position?.start.line ?? 1) + ctx.firstLine - 1 + k,
      column: 1 + line.length - line.trimStart().length,
      severity: 'warning',
      code: 'table-row-cells',
      message: `table row has ${cells} cells and its header ${columns}: a cell is missing, or a "|" in a cell's text needs a backslash ("\\|")`,
    });
  });
}

export function report(ctx: ConvertContext, node: Nodes, severity: Diagnostic['severity'], code: string, message: string, columnShift = 0): void {
  const start = node.position?.start;
  ctx.diagnostics.push({
    file: ctx.file,
    line: (start?.line ?? 1) + ctx.firstLine - 1,
    column: (start?.column ?? 1) + columnShift,
    severity,
    code,
    message,
  });
}
