/**
 * `parley diff OLD NEW`: compare two drafts clause by clause, as a terminal redline, an HTML page or the JSON
 * contract. OLD and NEW are draft files in any format the importers read, or versions of a dossier
 * (`DOSSIER@3`; `DOSSIER` alone is its working draft, and `parley diff DOSSIER` compares it with the version
 * tabled last).
 */
import type { Command } from 'commander';
import { basename } from 'node:path';
import { compareDrafts } from '../../compare/compare.js';
import { htmlRedline, type HtmlLayout } from '../../export/html-redline.js';
import { textRedline } from '../../export/text-redline.js';
import type { Diagnostic } from '../../format/diagnostic.js';
import type { Draft } from '../../model/draft.js';
import { loadTrackedChanges, UserError } from '../read-draft-file.js';
import { dossierOfRef, loadDraftRef, untabledChanges, versionRef } from './draft-ref.js';
import { consoleOutput, formatFinding, toldWhenReading, type Output } from './output.js';
import { guardedByRef, writeOutputFile } from './write-output.js';
import { instrumentTitle } from '../../model/text.js';

export interface DiffCliOptions {
  format?: string;
  changedOnly?: boolean;
  layout?: string;
  output?: string;
  colour?: boolean;
  hideCosmetic?: boolean;
  /** Compare a Word document before its tracked changes with the same document with them accepted. */
  tracked?: boolean;
  /** For --format docx: whose changes the tracked changes are (default: the party that tabled the newer version). */
  author?: string;
  /** For --format docx: a margin comment on each clause with a change in law, listing them. */
  legalNotes?: boolean;
}

const FORMATS = ['text', 'html', 'json', 'docx'];

export async function diffCommand(oldRef: string, newRef: string, options: DiffCliOptions = {}, output: Output = consoleOutput): Promise<number> {
  const format = options.format ?? 'text';
  if (!FORMATS.includes(format)) throw new UserError(`--format must be text, html, json or docx, not "${format}".`);
  // "-o -" is standard output, as for most command-line tools; a file never gets the terminal's colour codes.
  const toFile = options.output !== undefined && options.output !== '' && options.output !== '-';
  // A Word document is bytes for Word, not text for a terminal: it goes to a file, or to standard output only
  // when asked with "-o -".
  if (format === 'docx' && !toFile && options.output !== '-') throw new UserError('--format docx writes a Word document: name the file with -o FILE.docx (or "-o -" for standard output).');
  if (format === 'docx' && options.hideCosmetic) throw new UserError('--hide-cosmetic is for the text and HTML redlines; in the Word document every change is tracked, for its reader to accept or reject.');
  if (options.author !== undefined && format !== 'docx') throw new UserError('--author names who made the tracked changes of --format docx.');
  if (options.legalNotes && format !== 'docx') throw new UserError('--legal-notes puts margin comments in the Word redline (--format docx); the text and HTML redlines list what changed in law under each clause already.');
  const layout = (options.layout ?? 'side-by-side') as HtmlLayout;
  if (layout !== 'inline' && layout !== 'side-by-side') throw new UserError(`--layout must be inline or side-by-side, not "${options.layout}".`);
  if (options.hideCosmetic && format === 'json') throw new UserError('--hide-cosmetic is for the text and HTML redlines; the JSON marks each cosmetic change (`"cosmetic": true`) for its reader to hide.');
  if (oldRef === '-' && newRef === '-') throw new UserError('Only one of the two drafts can come from standard input ("-").');
  const [a, b]: [Side, Side] = options.tracked ? await trackedSides(oldRef) : await Promise.all([loadDraftRef(oldRef), loadDraftRef(newRef)]);
  // A draft with errors (front matter that is not YAML, an unclosed bracket) is still compared as far as it
  // could be read, but the reader is told, on standard error, where and what (`parley check` lists all).
  // So is a Word document read with tracked changes accepted: the reader may take it for a clean text.
  for (const d of [...a.diagnostics, ...b.diagnostics]) if (toldWhenReading(d)) output.err(formatFinding(d));
  // Two versions of one dossier share authored ids; drafts from outside carry ids made up from their labels.
  // (A dossier folder names its working draft, which shares the ids of its tabled versions, as the app compares them.)
  const [oldDossier, newDossier] = options.tracked ? [null, null] : await Promise.all([dossierOfRef(oldRef), dossierOfRef(newRef)]);
  const sameDossier = oldDossier !== null && oldDossier === newDossier;
  const comparison = compareDrafts(a.draft, b.draft, { ids: sameDossier ? 'always' : 'auto', staleReferences: true });
  // A draft from outside has no label: the redlines call it by its file name.
  const names = options.tracked ? {} : { old: nameOfRef(oldRef, oldDossier), new: nameOfRef(newRef, newDossier) };
  if (format === 'docx') {
    const { docxRedline, trackedChangeDate } = await import('../../export/docx-redline.js');
    const tabled = b.tabled;
    const bytes = await docxRedline(comparison, a.draft, b.draft, {
      author: options.author ?? tabled?.by ?? 'Parley',
      date: trackedChangeDate(tabled?.date),
      legalNotes: options.legalNotes === true,
      names,
    });
    if (toFile) {
      await writeOutputFile(options.output!, bytes, [...(await guardedByRef(oldRef)), ...(await guardedByRef(newRef))]);
      output.err(`Wrote ${options.output}`);
    } else {
      if (!output.bytes) throw new UserError('This output takes no Word document; name a file with -o FILE.docx.');
      output.bytes(bytes);
    }
    return 0;
  }
  let text: string;
  if (format === 'json') text = JSON.stringify(comparison, null, 2);
  else if (format === 'html') text = htmlRedline(comparison, { layout, changedOnly: options.changedOnly, hideCosmetic: options.hideCosmetic, names, title: instrumentTitle(a.draft, b.draft) });
  else text = textRedline(comparison, { colour: !toFile && (options.colour ?? false), changedOnly: options.changedOnly, hideCosmetic: options.hideCosmetic, names });
  if (toFile) {
    await writeOutputFile(options.output!, text, [...(await guardedByRef(oldRef)), ...(await guardedByRef(newRef))]);
    output.err(`Wrote ${options.output}`);
  } else {
    output.out(text);
  }
  return 0;
}

/**
 * What to call a draft named on the command line that has no label: its file name, "standard input", or for a
 * dossier folder (`dossier`: dossierOfRef) "mou working draft" (a working draft has no label until it is tabled).
 */
function nameOfRef(ref: string, dossier: string | null): string {
  if (ref === '-') return 'standard input';
  return dossier !== null && !versionRef(ref) ? `${basename(dossier)} working draft` : basename(ref);
}

/** A draft compared: what was read, and for a tabled version who tabled it and when (the docx's changes are theirs). */
type Side = { draft: Draft; diagnostics: Diagnostic[]; tabled?: { by: string; date: string } };

/** The two sides of `--tracked`: the Word document before its tracked changes, and with them accepted. */
async function trackedSides(file: string): Promise<[Side, Side]> {
  if (file === '-') throw new UserError('--tracked reads a Word document named as a file, not standard input.');
  const { before, after, diagnostics } = await loadTrackedChanges(file);
  return [{ draft: before, diagnostics: [] }, { draft: after, diagnostics }];
}

export function registerDiff(program: Command, threeWay?: (dossier: string, base: string, first: string, second: string, options: DiffCliOptions) => Promise<number>): void {
  program
    .command('diff')
    .argument('<old>', 'the older draft: a file (Parley draft, text, Markdown, Word .docx or a web page .html), DOSSIER@N (or DOSSIER@vN), a dossier folder (its working draft), or - (standard input)')
    .argument('[new]', 'the newer draft, in the same forms (none with --tracked; none after a dossier folder: its working draft against the version tabled last)')
    .argument('[third]', 'with --base: the second side')
    .description('compare two drafts clause by clause: alignment through renumbering, moves, splits and merges; word redline inside each clause; what changed in law')
    .option('--format <format>', 'text, html, json (the JSON is a fixed contract) or docx (a Word document, every change a tracked change; with -o)', 'text')
    .option('--author <name>', 'for docx: whose changes the tracked changes are (default: the party that tabled the newer version, else "Parley")')
    .option('--legal-notes', 'for docx: a margin comment on each clause with a change in law, listing them (for your own legal reading, not for the other side)')
    .option('--changed-only', 'hide unchanged clauses; in the text redline, an edited clause\'s unchanged paragraphs beyond one either side of a change, and a table\'s unchanged rows beyond two, are counted, not printed')
    .option('--hide-cosmetic', 'show changes of spacing, punctuation, case, quote style, British or American spelling and formatting (italic, bold) as made, unmarked (with --changed-only, leave out clauses with nothing else); in HTML, the page opens with that switch on')
    .option('--layout <layout>', 'for html: side-by-side or inline', 'side-by-side')
    .option('-o, --output <file>', 'write to a file instead of standard output (written whole or not at all; "-": standard output)')
    .option('--tracked', 'one Word document: compare it as it stood before its tracked changes with the same document with them accepted')
    .option('--base <version>', 'three-way: `parley diff --base V1 DOSSIER V2 V3` — what each side changed since V1, and conflicts')
    .option('--no-color', 'no colour in the terminal redline')
    .addHelpText('after', [
      '',
      'Examples:',
      '  parley diff fixtures/rare-earths-mou@3 fixtures/rare-earths-mou@4',
      '  parley diff fixtures/rare-earths-mou          (the working draft against the version tabled last)',
      '  parley diff old.txt new.md --format html -o redline.html',
      '  parley diff fixtures/rare-earths-mou@4 fixtures/rare-earths-mou@5 --format docx -o redline.docx',
      '  parley diff old.txt new.md --changed-only --hide-cosmetic',
      '  parley diff fixtures/rare-earths-mou@2 fixtures/rare-earths-mou@3 --format json',
      '  parley diff --base 3 fixtures/rare-earths-mou 4 5',
      '  parley diff --tracked counter-proposal.docx --changed-only',
      '',
      'The text redline marks [-deleted-] and {+inserted+} words; a paragraph moved within its clause',
      '[~where it stood~] and {~where it stands~}, with the words it changed on the way marked inside it (a',
      'table row put elsewhere, word for word or under the same first cell, is marked so too). A changed',
      'title block (the text before the first clause: the parties\' names) comes first (JSON: front).',
      'A clause that still cites a renumbered or deleted clause, or paragraph ("Article 9(2)"), by its old',
      'number gets a "stale reference" note (JSON: staleReferences), and shows with --changed-only though its',
      'text did not change.',
      '',
      'A draft with errors is compared as far as it could be read; each error is named on standard error',
      'as file:line:column (`parley check` lists them all). Exit status: 0 compared, 2 a draft cannot be read.',
    ].join('\n'))
    .action(async (first: string, second: string | undefined, third: string | undefined, options: DiffCliOptions & { base?: string; color?: boolean }) => {
      const colour = options.color !== false && process.stdout.isTTY === true && !process.env.NO_COLOR;
      if (options.tracked) {
        if (options.base !== undefined || second !== undefined) throw new UserError('--tracked compares one Word document with itself (before and after its tracked changes): name just that document.');
        process.exitCode = await diffCommand(first, first, { ...options, colour });
        return;
      }
      if (second === undefined) {
        // A dossier alone: what its working draft changed since the version tabled last.
        const pair = options.base === undefined ? await untabledChanges(first) : null;
        if (!pair) throw new UserError('diff compares two drafts: name the older and the newer, a dossier alone (its working draft against the version tabled last), or one Word document with --tracked.');
        process.exitCode = await diffCommand(pair[0], pair[1], { ...options, colour });
        return;
      }
      if (options.base !== undefined) {
        if (!threeWay) throw new UserError('three-way comparison is not available in this build.');
        if (third === undefined) throw new UserError('with --base, name the dossier and two versions: parley diff --base V1 DOSSIER V2 V3');
        process.exitCode = await threeWay(first, options.base, second, third, { ...options, colour });
        return;
      }
      if (third !== undefined) throw new UserError(`diff compares two drafts; "${third}" is one too many (use --base for a three-way comparison).`);
      process.exitCode = await diffCommand(first, second, { ...options, colour });
    });
}
