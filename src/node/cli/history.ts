/**
 * `parley history DOSSIER CLAUSE-ID`: one clause through every version of a dossier — its heading and text
 * where it first appears, then for each later version the redline against its previous appearance and the
 * party that tabled the change, or "unchanged"; where it is absent, why (merged, split, deleted).
 */
import type { Command } from 'commander';
import { allClauseIds, clauseHistory, clauseHistoryJson, titleBlockHistory, type ClauseHistory, type HistoryEntry } from '../../compare/history.js';
import { UserError } from '../read-draft-file.js';
import { loadDossierVersions } from './dossier-versions.js';
import { consoleOutput, formatFinding, plural, type Output } from './output.js';
import { indent, redlineInParts, redlineText, stdoutWantsColor } from './redline.js';
import { legalLines } from '../../export/text-redline.js';
import { absentNote, changeLine, firstAppearanceLine, relationNote, versionLine } from '../../export/history-notes.js';

export interface HistoryCliOptions {
  format: string;
  /** Colour the redline (default: when stdout is a terminal). */
  color?: boolean;
  /** Include the working draft after the tabled versions (default true). */
  working?: boolean;
  /** The history of the title block (the text before the first clause) instead of a clause's. */
  titleBlock?: boolean;
}

export async function historyCommand(dir: string, clauseId: string | undefined, options: HistoryCliOptions, output: Output = consoleOutput): Promise<number> {
  if (options.format !== 'text' && options.format !== 'json') {
    throw new UserError(`--format must be text or json, not "${options.format}".`);
  }
  if (options.titleBlock ? clauseId !== undefined : clauseId === undefined) {
    throw new UserError(options.titleBlock
      ? `Give either a clause id or --title-block, not both (the title block is the text before the first clause).`
      : `Name the clause: parley history ${dir} CLAUSE-ID (\`parley show ${dir}\` lists the ids), or --title-block for the text before the first clause.`);
  }
  const versions = await loadDossierVersions(dir, { working: options.working, report: (d) => output.err(formatFinding(d)) });
  let history: ClauseHistory;
  if (options.titleBlock) {
    history = titleBlockHistory(versions);
    if (history.entries.every((e) => !e.clause)) throw new UserError(`No version of ${dir} has a title block (text before its first clause).`);
  } else {
    const known = allClauseIds(versions.map((v) => v.draft));
    const id = clauseId!.replace(/^#/, '');
    if (!known.includes(id)) {
      const close = closeIds(known, id, 5);
      throw new UserError(`No clause has the id "${id}" in any version of ${dir}.` +
        (close.length ? ` Close ids: ${close.join(', ')}.` : '') + ` (\`parley show ${dir}\` lists the ids.)`);
    }
    history = clauseHistory(versions, id);
  }
  if (options.format === 'json') {
    output.out(JSON.stringify(clauseHistoryJson(history), null, 2));
  } else {
    for (const line of historyText(history, options.color ?? stdoutWantsColor())) output.out(line);
  }
  return 0;
}

export function historyText(history: ClauseHistory, color = false): string[] {
  const present = history.entries.filter((e) => e.clause);
  const changes = history.entries.filter((e) => e.change?.kind === 'edited').length;
  const latest = present[present.length - 1]?.clause;
  const subject = history.id === '' ? 'the title block (the text before the first clause)' : `#${history.id}${latest ? `: ${latest.heading}` : ''}`;
  const lines = [`History of ${subject} — in ${plural(present.length, 'version')} of ${history.entries.length}, ${plural(changes, 'change')}`];
  for (const entry of history.entries) {
    lines.push('', versionLine(entry));
    lines.push(...entryBody(entry, color));
  }
  return lines;
}

function entryBody(e: HistoryEntry, color: boolean): string[] {
  if (!e.clause) return [`  (${absentNote(e.absent!)})`];
  const c = e.clause;
  const change = e.change;
  const heading = change?.titleWords
    ? [c.label, redlineText(change.titleWords, color)].filter(Boolean).join(' — ')
    : c.heading;
  const lines = [heading || '(no heading)'];
  if (e.relation) lines.push(`  ${relationNote(e.relation)}`);
  if (!change) {
    // Split off or merged from clauses of the version before: the redline against what it was made from, where
    // making it changed anything (a paragraph renumbered, a word).
    const origin = e.origin && e.origin.words.some((w) => w.op !== 'equal') ? e.origin : undefined;
    lines.push(`  ${firstAppearanceLine(e.relation, origin !== undefined)}:`);
    if (origin) {
      lines.push(...legalLines(origin.legal).map((line) => '    ' + line));
      lines.push(...redlineInParts(origin, color));
    } else lines.push(...indent(c.text, '    '));
    return lines;
  }
  if (change.kind === 'unchanged') {
    lines.push(`  ${changeLine(change, e.version)}`);
    return lines;
  }
  lines.push(`  ${changeLine(change, e.version)}:`);
  // What changed in law first, as `parley diff` lists it.
  lines.push(...legalLines(change.legal).map((line) => '    ' + line));
  lines.push(...redlineInParts(change, color));
  return lines;
}

/** Ids that look like what was typed: containing it or contained in it first, then by edit distance. */
export function closeIds(ids: readonly string[], wanted: string, count: number): string[] {
  const w = wanted.toLowerCase();
  const scored = ids.map((id) => {
    const x = id.toLowerCase();
    const contains = x.includes(w) || w.includes(x) ? 0 : 1;
    return { id, score: contains * 1000 + editDistance(x, w) };
  });
  scored.sort((a, b) => a.score - b.score || a.id.localeCompare(b.id));
  return scored.filter((s) => s.score < 1000 + Math.max(3, w.length / 2)).slice(0, count).map((s) => s.id);
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

export function registerHistory(program: Command): void {
  program
    .command('history')
    .argument('<dossier>', 'the dossier folder')
    .argument('[clause-id]', 'the clause id, as `parley show` lists it (e.g. no-export-bans)')
    .description('the text of one clause in every version of a dossier, each change redlined with the party that tabled it')
    .option('--format <format>', 'text or json', 'text')
    .option('--no-working', 'leave out the working draft (tabled versions only)')
    .option('--no-color', 'no colour in the redline (it has none when standard output is not a terminal, nor with NO_COLOR set)')
    .option('--title-block', 'the text before the first clause (an imported draft\'s title block: the parties, a date) instead of a clause')
    .addHelpText('after', '\nExamples:\n  parley history fixtures/rare-earths-mou no-export-bans\n  parley history my-dossier --title-block')
    .action(async (dir: string, clauseId: string | undefined, options: { format: string; working: boolean; titleBlock?: boolean; color: boolean }) => {
      process.exitCode = await historyCommand(dir, clauseId, {
        format: options.format, working: options.working, titleBlock: options.titleBlock === true,
        ...(options.color === false ? { color: false } : {}),
      });
    });
}
