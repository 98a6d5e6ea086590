/**
 * `parley diff --base V1 DOSSIER V2 V3`: two versions of a dossier against their common base, clause by
 * clause — changed by the first side only, by the second only, by both the same way, or by both differently
 * (a conflict). The `parley diff` command (diff.ts) calls threeWayCommand when --base is given.
 */
import { THREE_WAY_STATUSES, threeWay, type ThreeWayEntry, type ThreeWayResult, type ThreeWaySide } from '../../compare/three-way.js';
import type { HistoryVersion } from '../../compare/history.js';
import { threeWayJson } from '../../compare/three-way-json.js';
import { UserError } from '../read-draft-file.js';
import { loadDossierVersions, pickVersion, versionName, versionTitle } from './dossier-versions.js';
import { consoleOutput, formatFinding, plural, type Output } from './output.js';
import { indent, redlineInParts, redlineText, stdoutWantsColor } from './redline.js';
import { holdsBothWords, legalLines, movedByWords, THREE_WAY_STATUS_WORDS, TITLE_BLOCK } from '../../export/text-redline.js';
import { guardedByRef, writeOutputFile } from './write-output.js';
import { sideChangeNote } from '../../export/history-notes.js';
import { htmlThreeWay } from '../../export/html-three-way.js';

export interface ThreeWayCliOptions {
  /** 'text' (default), 'html' or 'json'. */
  format?: string;
  /** Leave out clauses neither side changed. */
  changedOnly?: boolean;
  /** Colour the redline (default: when stdout is a terminal; never in a file). */
  color?: boolean;
  /** Write to this file (whole or not at all) instead of standard output. */
  output?: string;
}

/**
 * `base`, `first`, `second` name versions of the dossier at `dir`: "3", "v3", "@3" or "working".
 * Returns the exit status: 0, whether or not there are conflicts (the output says so).
 */
export async function threeWayCommand(dir: string, base: string, first: string, second: string,
  options: ThreeWayCliOptions = {}, output: Output = consoleOutput): Promise<number> {
  const format = options.format ?? 'text';
  if (!['text', 'html', 'json'].includes(format)) throw new UserError(`--format must be text, html or json for a three-way diff, not "${format}".`);
  const workingErrors: string[] = [];
  const versions = await loadDossierVersions(dir, { report: (d) => workingErrors.push(formatFinding(d)) });
  const [b, f, s] = [pickVersion(versions, base, dir), pickVersion(versions, first, dir), pickVersion(versions, second, dir)];
  // The working draft's errors matter only when it is one of the three.
  if ([b, f, s].some((v) => v.version === 'working')) for (const line of workingErrors) output.err(line);
  const result = threeWay(b.draft, f.draft, s.draft);
  const lines = format === 'json'
    ? [JSON.stringify(threeWayJson(result, b, f, s, options.changedOnly ?? false), null, 2)]
    : format === 'html'
    ? [htmlThreeWay(result, {
      title: s.draft.meta.title || b.draft.meta.title,
      versions: { base: versionLine('', b).trim(), first: versionLine('', f).trim(), second: versionLine('', s).trim() },
      short: { first: versionName(f.version), second: versionName(s.version) },
      changedOnly: options.changedOnly ?? false,
    })]
    : threeWayText(result, b, f, s, { changedOnly: options.changedOnly ?? false, color: (options.output === undefined || options.output === '-') && (options.color ?? stdoutWantsColor()) });
  if (options.output !== undefined && options.output !== '-') {
    await writeOutputFile(options.output, lines.join('\n'), await guardedByRef(dir));
    output.err(`Wrote ${options.output}`);
  } else {
    for (const line of lines) output.out(line);
  }
  return 0;
}

function versionLine(role: string, v: HistoryVersion): string {
  const who = v.version === 'working' ? 'not tabled' : `tabled by ${v.tabledBy}, ${v.date}`;
  return `${role} ${versionTitle(v)} — ${who}`;
}

/** A status as the terminal says it: a conflict in capitals, to stand out among the others. */
function statusWords(status: ThreeWayEntry['status']): string {
  return status === 'conflict' ? THREE_WAY_STATUS_WORDS.conflict.replace('conflict', 'CONFLICT') : THREE_WAY_STATUS_WORDS[status];
}

export function threeWayText(result: ThreeWayResult, base: HistoryVersion, first: HistoryVersion, second: HistoryVersion,
  options: { changedOnly: boolean; color: boolean }): string[] {
  const lines = [versionLine('base:  ', base), versionLine('first: ', first), versionLine('second:', second), ''];
  lines.push(THREE_WAY_STATUSES.map((s) => `${result.summary[s]} ${s}`).join(', ') + ` (${plural(result.entries.length, 'clause')})`);
  const firstName = versionName(first.version);
  const secondName = versionName(second.version);
  // The title block (no clause, no id) first, where a side changed it.
  for (const e of result.front ? [result.front, ...result.entries] : result.entries) {
    if (options.changedOnly && e.status === 'unchanged') continue;
    const c = e.second ?? e.first ?? e.base!;
    const heading = e === result.front ? TITLE_BLOCK : `${[c.label, c.title].filter(Boolean).join(' — ') || '(no heading)'}  #${e.id}`;
    // A conflict whose sides changed different lines of the base can take both changes: say so.
    const apart = e.overlap === false
      ? e.holdsBoth ? ` (${holdsBothWords(e.holdsBoth, firstName, secondName)})` : ' (in different sentences or rows: the two changes do not overlap)'
      : '';
    const moved = movedByWords(e.firstChange.moved === true, e.secondChange.moved === true, firstName, secondName);
    lines.push('', `${heading}  — ${statusWords(e.status)}${moved ? ` (${moved})` : ''}${apart}`);
    if (e.status === 'unchanged') continue;
    if (e.status === 'both-same') {
      lines.push(...sideLines(`both (${firstName}, ${secondName})`, e.firstChange, options.color));
      continue;
    }
    if (e.firstChange.change !== 'unchanged') lines.push(...sideLines(`first (${firstName})`, e.firstChange, options.color));
    if (e.secondChange.change !== 'unchanged') lines.push(...sideLines(`second (${secondName})`, e.secondChange, options.color));
    if (e.between) {
      lines.push(`  ${firstName} → ${secondName}:`);
      lines.push(...legalLines(e.betweenLegal ?? []).map((line) => '    ' + line));
      lines.push(...indent(redlineText(e.between, options.color), '    '));
    }
    if (e.combined) {
      // Two changes that can both stand: the text with both, against the base, for a joint text.
      lines.push(`  both changes together (${firstName} and ${secondName}, against the base):`);
      // A clause both sides split off alike has no title in the base: its title is theirs.
      if (e.combined.title !== e.base?.title) lines.push(`    title: ${e.combined.title}`);
      lines.push(...indent(redlineText(e.combined.words, options.color), '    '));
    }
  }
  return lines;
}

function sideLines(who: string, side: ThreeWaySide, color: boolean): string[] {
  const lines = [`  ${who}: ${sideChangeNote(side)}`];
  if (side.titleWords) lines.push(`    title: ${redlineText(side.titleWords, color)}`);
  // What changed in law first, as `parley diff` lists it.
  lines.push(...legalLines(side.legal).map((line) => '    ' + line));
  lines.push(...redlineInParts(side, color));
  return lines;
}
