/**
 * `parley show PATH`: the outline of a draft — labels, titles, ids, provisions, brackets and positions per
 * clause — for people (text) or programs (--format json).
 */
import type { Command } from 'commander';
import { clauseState, bracketsOf, positionsOf } from '../../negotiate/clause-state.js';
import type { Draft } from '../../model/draft.js';
import { provisionsOf, walkClauses } from '../../model/provisions.js';
import { blocksText, clauseHeading } from '../../model/text.js';
import type { WordComment } from '../../format/import/docx.js';
import { UserError } from '../read-draft-file.js';
import { loadDraftRef } from './draft-ref.js';
import { consoleOutput, formatFinding, plural, toldWhenReading, type Output } from './output.js';

export function outlineJson(draft: Draft) {
  return {
    meta: draft.meta,
    /** The text before the first clause (an imported draft's title block), as plain text; empty for none. */
    front: blocksText(draft.front),
    clauses: [...walkClauses(draft.clauses)].map(({ clause, path }) => ({
      id: clause.id,
      label: clause.label,
      title: clause.title,
      level: clause.level,
      path,
      topics: clause.topics,
      state: clauseState(clause),
      provisions: provisionsOf(clause).map((p) => ({ label: p.label, points: p.points.map((q) => q.label) })),
      brackets: bracketsOf(clause),
      positions: positionsOf(clause),
    })),
  };
}

export function outlineText(draft: Draft): string[] {
  const { meta } = draft;
  const facts = [
    meta.version !== undefined ? `version ${meta.version}` : '',
    meta.label ? `"${meta.label}"` : '',
    meta.tabledBy ? `tabled by ${meta.tabledBy}` : '',
    meta.date ?? '',
    meta.status ?? '',
  ].filter(Boolean);
  const lines = [meta.title || '(untitled draft)'];
  if (facts.length) lines.push(facts.join(', '));
  const parties = Object.entries(meta.parties);
  if (parties.length) lines.push('Parties: ' + parties.map(([id, name]) => `${id} (${name})`).join(', '));
  // The title block is compared too (`parley diff`): show what the import kept there.
  const front = blocksText(draft.front).replace(/\s+/g, ' ').trim();
  if (front) lines.push(`Title block: ${truncate(front, 100)}`);
  lines.push('');
  for (const { clause, path } of walkClauses(draft.clauses)) {
    const indent = '  '.repeat(path.length);
    const topics = clause.topics.length ? ` [${clause.topics.join(', ')}]` : '';
    lines.push(`${indent}${clauseHeading(clause) || '(no heading)'}  #${clause.id}${topics}`);
    const provisions = provisionsOf(clause);
    const details: string[] = [];
    if (provisions.length) {
      const labels = provisions.map((p) => (p.label ?? '¶') + (p.points.length ? `(${p.points.length} points)` : ''));
      details.push(`${plural(provisions.length, 'provision')}: ${labels.join(' ')}`);
    }
    const brackets = bracketsOf(clause);
    if (brackets.length) details.push('brackets: ' + brackets.map((b) => `${b.by} [${truncate(b.text, 40)}]`).join(', '));
    const positions = positionsOf(clause);
    if (positions.length) details.push('positions: ' + positions.map((p) => `${p.party} ${p.stance}`).join(', '));
    for (const detail of details) lines.push(`${indent}    ${detail}`);
  }
  return lines;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + '…';
}

/** A Word document's comments, which the draft does not hold: one line each, with the paragraph it is on and whose it is. */
export function commentLines(comments: readonly WordComment[]): string[] {
  if (comments.length === 0) return [];
  return ['', `Comments in the Word document (${comments.length}, not in the draft's text):`,
    ...comments.map((c) => `  paragraph ${c.paragraph}${c.author ? `, ${c.author}` : ''}: ${c.text || '(empty)'}`)];
}

export async function showPath(ref: string, format: string, output: Output = consoleOutput): Promise<number> {
  const { draft, diagnostics, comments = [] } = await loadDraftRef(ref);
  if (format === 'json') {
    output.out(JSON.stringify({ ...outlineJson(draft), ...(comments.length ? { comments } : {}) }, null, 2));
  } else {
    for (const line of [...outlineText(draft), ...commentLines(comments)]) output.out(line);
  }
  for (const d of diagnostics.filter(toldWhenReading)) output.err(formatFinding(d));
  return 0;
}

export function registerShow(program: Command): void {
  program
    .command('show')
    .argument('<path>', 'a draft file (text, Markdown, Word .docx or a web page .html), a dossier folder (its working draft), DOSSIER@N (tabled version N) or - (standard input)')
    .description('print the outline of a draft: its title block (the text before the first clause, if any), then labels, titles, ids, provisions, brackets and positions per clause; for a Word document, its comments')
    .option('--format <format>', 'text or json', 'text')
    .addHelpText('after', '\nExamples:\n  parley show fixtures/rare-earths-mou@3\n  parley show fixtures/rare-earths-mou --format json')
    .action(async (path: string, options: { format: string }) => {
      if (options.format !== 'text' && options.format !== 'json') {
        throw new UserError(`--format must be text or json, not "${options.format}".`);
      }
      process.exitCode = await showPath(path, options.format);
    });
}
