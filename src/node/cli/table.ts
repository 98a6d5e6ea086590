/**
 * `parley table DOSSIER --label ... --by PARTY`: table the working draft as the next, immutable version.
 * A working draft with errors is not tabled: a tabled version cannot be corrected afterwards.
 */
import type { Command } from 'commander';
import { DRAFT_STATUSES, type DraftStatus } from '../../model/draft.js';
import { parseDraft } from '../../format/markdown.js';
import { openDossier, type DossierHandle } from '../dossier/store.js';
import { sameContent } from '../../model/text.js';
import { sameTextNote } from '../../notices.js';
import type { Draft } from '../../model/draft.js';
import { UserError } from '../read-draft-file.js';
import { consoleOutput, formatFinding, type Output } from './output.js';

export interface TableCliOptions {
  label: string;
  by: string;
  status?: string;
  date?: string;
}

export async function tableDossier(dir: string, options: TableCliOptions, output: Output = consoleOutput): Promise<number> {
  if (options.status && !(DRAFT_STATUSES as readonly string[]).includes(options.status)) {
    throw new UserError(`--status must be one of ${DRAFT_STATUSES.join(', ')}, not "${options.status}".`);
  }
  const handle = await openDossier(dir);
  try {
    const working = parseDraft(await handle.readWorking(), { file: `${dir}/working.md` });
    const errors = working.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length) {
      for (const e of errors) output.err(formatFinding(e));
      output.err(`Not tabled: the working draft has ${errors.length === 1 ? 'an error' : `${errors.length} errors`}; a tabled version cannot be corrected afterwards.`);
      return 1;
    }
    const sameAs = await versionWithSameText(handle, working.draft);
    const entry = await handle.tableWorking({
      label: options.label,
      by: options.by,
      status: options.status as DraftStatus | undefined,
      date: options.date,
    });
    output.out(`Tabled version ${entry.version} "${entry.label}" by ${entry.tabledBy} on ${entry.date} (${entry.status}): ${entry.file}, sha256 ${entry.sha256.slice(0, 12)}…`);
    if (sameAs !== null) output.out(sameTextNote(sameAs));
    return 0;
  } finally {
    await handle.close();
  }
}

export function registerTable(program: Command): void {
  program
    .command('table')
    .argument('<dossier>', 'the dossier folder')
    .description('table the working draft as the next version (immutable, its hash recorded in dossier.yaml)')
    .requiredOption('--label <label>', 'what this version is, e.g. "Joint text after the Brussels round"')
    .requiredOption('--by <party>', 'the party tabling it (an id from dossier.yaml, e.g. EU)')
    .option('--status <status>', `one of ${DRAFT_STATUSES.join(', ')}`, 'draft')
    .option('--date <date>', 'YYYY-MM-DD (default: today)')
    .addHelpText('after', '\nExample:\n  parley table my-dossier --label "EU revised proposal" --by EU')
    .action(async (dir: string, options: TableCliOptions) => {
      process.exitCode = await tableDossier(dir, options);
    });
}

/** The latest tabled version when the working draft's text is its text unchanged, else null (or when it cannot be read). */
async function versionWithSameText(handle: DossierHandle, working: Draft): Promise<number | null> {
  const latest = handle.listVersions().at(-1);
  if (!latest) return null;
  try {
    return sameContent(working, parseDraft(await handle.readVersion(latest.version)).draft) ? latest.version : null;
  } catch {
    // A version that cannot be read is for tabling itself, or parley check, to report; this is only a note.
    return null;
  }
}
