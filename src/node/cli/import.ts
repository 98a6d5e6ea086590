/**
 * `parley import FILE --into DOSSIER`: a draft that arrived from outside (plain text, loose Markdown, a Word
 * document, a web page, or a Parley file from another dossier) becomes the dossier's working draft, each clause
 * carrying the id of the clause it aligns with in the latest tabled version (src/compare/inherit-ids.ts), so
 * that comparison and history follow the clauses through it.
 *
 * The working draft is replaced, so untabled work in it is not overwritten unless --force says so.
 */
import type { Command } from 'commander';
import { join } from 'node:path';
import { inheritFromVersions, type InheritReport } from '../../compare/inherit-ids.js';
import { parseDraft, serializeDraft } from '../../format/markdown.js';
import type { Draft } from '../../model/draft.js';
import { sameContent } from '../../model/text.js';
import { fewNamed } from '../../notices.js';
import { DossierError } from '../dossier/errors.js';
import { openDossier, WORKING_FILE } from '../dossier/store.js';
import { loadDraftFile, UserError } from '../read-draft-file.js';
import { consoleOutput, formatFinding, plural, toldWhenReading, type Output } from './output.js';

export interface ImportCliOptions {
  into: string;
  /** Replace the working draft even when it holds changes not yet tabled. */
  force?: boolean;
}

export async function importCommand(file: string, options: ImportCliOptions, output: Output = consoleOutput): Promise<number> {
  const loaded = await loadDraftFile(file);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  // Errors, and a Word document's tracked changes imported as accepted, as diff and show tell of them.
  for (const d of loaded.diagnostics) if (toldWhenReading(d)) output.err(formatFinding(d));
  if (errors.length) {
    output.err(`Not imported: ${file} has ${errors.length === 1 ? 'an error' : `${errors.length} errors`}.`);
    return 1;
  }
  const dir = options.into;
  let handle;
  try {
    handle = await openDossier(dir);
  } catch (error) {
    if (error instanceof DossierError) throw new UserError(error.message);
    throw error;
  }
  try {
    const versions = handle.listVersions();
    const tabled: Draft[] = [];
    for (const v of versions) {
      try {
        tabled.push(parseDraft(await handle.readVersion(v.version), { file: join(dir, v.file) }).draft);
      } catch (error) {
        if (error instanceof DossierError) throw new UserError(error.message, 1);
        throw error;
      }
    }
    const working = parseDraft(await handle.readWorking(), { file: join(dir, WORKING_FILE) }).draft;
    const latest = tabled[tabled.length - 1];
    const hasUntabledWork = working.clauses.length > 0 && (!latest || !sameContent(working, latest));
    if (hasUntabledWork && !options.force) {
      throw new UserError(`${join(dir, WORKING_FILE)} holds changes that have not been tabled; importing would replace them. ` +
        'Table them first (parley table), or pass --force to replace the working draft anyway.', 1);
    }
    const manifest = handle.manifest;
    const dossierMeta = { title: manifest.title, parties: Object.fromEntries(manifest.parties.map((p) => [p.id, p.name])) };
    // Nothing tabled yet: there are no ids to inherit, the generated ones stand (report null).
    const { draft, report } = inheritFromVersions(tabled, loaded.draft);
    draft.meta = dossierMeta;
    await handle.saveWorking(serializeDraft(draft), { force: options.force });
    for (const line of importSummary(draft, report, latest ? versions[versions.length - 1]!.version : null)) output.out(line);
    return 0;
  } finally {
    await handle.close();
  }
}

export function importSummary(draft: Draft, report: InheritReport | null, latestVersion: number | null): string[] {
  if (!report) {
    let count = 0;
    const walk = (list: Draft['clauses']) => { for (const c of list) { count++; walk(c.children); } };
    walk(draft.clauses);
    return [`${plural(count, 'clause')}: nothing has been tabled yet, so the ids stay as generated. Saved as the working draft.`];
  }
  const fresh = report.fresh.map((c) => c.id);
  const lines = [`${plural(report.clauses, 'clause')}: ${report.kept.length} kept their ids, ${fresh.length} new` +
    (fresh.length ? ` (ids ${fewNamed(fresh)})` : '') + '.'];
  // Clauses an earlier version had and the latest dropped, put back: named with the version they return from.
  if (report.restored.length) lines.push(`Put back from earlier versions, with their ids: ${fewNamed(report.restored.map((c) => `${c.id} (v${c.version})`))}.`);
  // A short text imported into a long treaty drops hundreds: a few named, the rest counted.
  if (report.dropped.length) lines.push(`Not in the imported text (from v${latestVersion}): ${fewNamed(report.dropped)}.`);
  lines.push('Saved as the working draft.');
  return lines;
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .argument('<file>', 'the draft to import: plain text, loose Markdown, a Word document (.docx), a web page (.html) or a Parley draft')
    .description('make an outside draft the working draft of a dossier, each clause keeping the id of the clause it matches in the latest version')
    .requiredOption('--into <dossier>', 'the dossier folder')
    .option('--force', 'replace the working draft even if it holds untabled changes')
    .addHelpText('after', '\nExample:\n  parley import counter-proposal.txt --into my-dossier')
    .action(async (file: string, options: ImportCliOptions) => {
      process.exitCode = await importCommand(file, options);
    });
}
