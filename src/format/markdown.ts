/**
 * The Parley draft format: Markdown with YAML front matter, clause headings carrying `{#id .topic}`,
 * brackets as `:bracket[...]{by="EU"}` and positions as `:::position{party="US" stance="reserves"}` blocks
 * (remark-directive syntax). See docs/format.md for the user-facing description.
 *
 * parseDraft never throws on bad input: it returns what it could read and located diagnostics.
 * serializeDraft writes canonical form; a file in canonical form round-trips byte for byte.
 *
 * How parsing works: the front matter is split off and read with `yaml`; the body is split at clause
 * headings (see chunks.ts) and each clause is parsed by remark on its own, which keeps the cost linear in
 * the size of the draft; the clause tree is then rebuilt from heading levels.
 */
import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Block, Clause, Draft } from '../model/draft.js';
import { walkClauses } from '../model/provisions.js';
import { atxHeadingContent, splitAtHeadings, type Chunk } from './chunks.js';
import type { Diagnostic } from './diagnostic.js';
import { readFrontMatter, splitFrontMatter, writeFrontMatter } from './front-matter.js';
import { headingAttributes, headingText, parseHeadingText } from './heading.js';
import { assignGeneratedIds } from './ids.js';
import { report, toBlocks, type ConvertContext } from './mdast-to-model.js';
import { fromBlocks, textWithSafeColons } from './model-to-mdast.js';
import { isPlainText, plainBlocks, plainMarkdown } from './plain-blocks.js';
import { markdownProcessor } from './processor.js';
import { checkDraft } from './draft-checks.js';

export type { Diagnostic } from './diagnostic.js';

export interface ParseOptions {
  /** File name used in diagnostics. */
  file?: string;
}

export interface ParseResult {
  draft: Draft;
  diagnostics: Diagnostic[];
}

export function parseDraft(source: string, options: ParseOptions = {}): ParseResult {
  const { file } = options;
  const diagnostics: Diagnostic[] = [];
  const split = splitFrontMatter(source.startsWith('\uFEFF') ? source.slice(1) : source);
  let meta: Draft['meta'] = { title: '', parties: {} };
  if (split.yaml !== null) {
    const read = readFrontMatter(split.yaml, split.yamlLine, file);
    meta = read.meta;
    diagnostics.push(...read.diagnostics);
  } else if (/^---[ \t]*\r?\n/.test(source)) {
    diagnostics.push({ file, line: 1, column: 1, severity: 'error', code: 'front-matter-unclosed', message: 'front matter opened with "---" is never closed by a "---" line' });
  }

  const parties = new Set(Object.keys(meta.parties));
  const processor = markdownProcessor();
  const draft: Draft = { meta, front: [], clauses: [] };
  const stack: Clause[] = [];
  const headingLines = new Map<Clause, number>();
  for (const chunk of splitAtHeadings(split.body, split.bodyLine)) {
    if (chunk.heading === null) {
      draft.front = parseBlocks(processor, chunk.body, chunk.bodyLine, file, diagnostics, parties);
      continue;
    }
    const clause = readClause(processor, chunk, file, diagnostics, parties);
    headingLines.set(clause, chunk.line);
    while (stack.length && stack[stack.length - 1]!.level >= clause.level) stack.pop();
    const parent = stack[stack.length - 1];
    (parent ? parent.children : draft.clauses).push(clause);
    stack.push(clause);
  }
  assignGeneratedIds(draft.clauses);
  if (draft.clauses.length === 0 && draft.front.length > 0) {
    // Text with no "#" heading is all title block: nothing to compare, bracket or table clause by clause.
    diagnostics.push({
      file, line: split.bodyLine + (/^(?:[ \t]*\r?\n)*/.exec(split.body)![0].match(/\n/g)?.length ?? 0), column: 1, severity: 'warning', code: 'no-clauses',
      message: 'the draft has text but no clause heading ("## Article 1 — Title"): all of it is read as the title block',
    });
  }
  diagnostics.push(...checkDraft(draft, file, headingLines));
  return { draft, diagnostics: diagnostics.sort((a, b) => a.line - b.line || a.column - b.column) };
}

function readClause(processor: ReturnType<typeof markdownProcessor>, chunk: Chunk, file: string | undefined, diagnostics: Diagnostic[], parties: ReadonlySet<string>): Clause {
  // The heading is parsed by remark too, so that escapes and entities in it read as the author meant.
  // Plain headings (the usual case) skip remark.
  const raw = atxHeadingContent(chunk.heading!);
  let text = raw;
  if (/[\\&`*_<[\]!:]/.test(raw)) {
    const heading = processor.parse(chunk.heading!).children[0] as Heading | undefined;
    text = heading ? toString(heading) : raw;
  }
  const parts = parseHeadingText(text);
  if (!parts.label && !parts.title) {
    diagnostics.push({ file, line: chunk.line, column: 1, severity: 'error', code: 'empty-heading', message: 'heading has no text: give the clause a number or a title' });
  }
  const clause: Clause = {
    id: parts.id ?? '',
    level: chunk.level,
    label: parts.label,
    title: parts.title,
    topics: parts.topics,
    body: parseBlocks(processor, chunk.body, chunk.bodyLine, file, diagnostics, parties),
    children: [],
  };
  return clause;
}

function parseBlocks(processor: ReturnType<typeof markdownProcessor>, body: string, firstLine: number, file: string | undefined, diagnostics: Diagnostic[], parties: ReadonlySet<string>) {
  if (!body.trim()) return [];
  const plain = plainBlocks(body);
  if (plain) return plain;
  const ctx: ConvertContext = { source: body, firstLine, file, diagnostics, parties };
  const root = processor.parse(body) as Root;
  for (const node of root.children) {
    if (node.type === 'heading') report(ctx, node, 'warning', 'setext-heading', 'underlined (setext) headings are not clause headings in Parley; write "## Title" instead');
  }
  return toBlocks(root.children, ctx);
}

/** Canonical Markdown for a draft. */
export function serializeDraft(draft: Draft): string {
  const processor = markdownProcessor();
  const parts: string[] = [];
  if (draft.front.length) parts.push(stringifyBlocks(processor, draft.front));
  for (const { clause } of walkClauses(draft.clauses)) {
    const depth = Math.min(6, Math.max(1, clause.level)) as Heading['depth'];
    const plain = headingText(clause.label, clause.title);
    const written = isPlainText(plain) && !plain.endsWith('#')
      ? '#'.repeat(depth) + ' ' + plain
      : stringifyNodes(processor, [{ type: 'heading', depth, children: textWithSafeColons(plain) }]);
    let text = written + headingAttributes(clause.id, clause.topics);
    if (clause.body.length) text += '\n\n' + stringifyBlocks(processor, clause.body);
    parts.push(text);
  }
  const body = parts.join('\n\n');
  return writeFrontMatter(draft.meta) + (body ? '\n' + body + '\n' : '');
}

function stringifyBlocks(processor: ReturnType<typeof markdownProcessor>, blocks: readonly Block[]): string {
  return plainMarkdown(blocks) ?? stringifyNodes(processor, fromBlocks(blocks));
}

function stringifyNodes(processor: ReturnType<typeof markdownProcessor>, children: RootContent[]): string {
  return processor.stringify({ type: 'root', children }).replace(/\n+$/, '');
}
