/**
 * `parley check PATH`: report what is wrong with a draft file or a whole dossier, each finding located.
 * Exit status: 0 clean, 1 findings, 2 a path that cannot be read.
 */
import type { Command } from 'commander';
import { stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Diagnostic } from '../../format/diagnostic.js';
import { parseDraft } from '../../format/markdown.js';
import { openDossier, WORKING_FILE } from '../dossier/store.js';
import { MANIFEST_FILE } from '../dossier/manifest-io.js';
import { DossierError } from '../dossier/errors.js';
import { loadDraftFile, readDraftText, UserError } from '../read-draft-file.js';
import { consoleOutput, formatFinding, plural, type Output } from './output.js';

export async function checkPath(path: string, output: Output = consoleOutput): Promise<number> {
  let isDir = false;
  try {
    isDir = (await stat(path)).isDirectory();
  } catch {
    throw new UserError(`${path} cannot be read: no such file or folder.`);
  }
  const findings = isDir ? await checkDossier(path) : (await loadDraftFile(path)).diagnostics;
  for (const finding of findings) output.out(formatFinding(finding));
  const errors = findings.filter((f) => f.severity === 'error').length;
  if (findings.length === 0) {
    output.out(`${path}: clean`);
    return 0;
  }
  output.out(`${path}: ${plural(findings.length, 'problem')} (${plural(errors, 'error')}, ${plural(findings.length - errors, 'warning')})`);
  return 1;
}

/** Every file of a dossier: the manifest, each tabled version (parsed and against its hash), the working draft. */
async function checkDossier(dir: string): Promise<Diagnostic[]> {
  const findings: Diagnostic[] = [];
  let handle;
  try {
    handle = await openDossier(dir, { readOnly: true });
  } catch (error) {
    if (error instanceof DossierError && error.diagnostics.length) {
      return error.diagnostics;
    }
    if (error instanceof DossierError && error.code === 'not-a-dossier') throw new UserError(error.message);
    throw error;
  }
  try {
    const show = (file: string) => relative(process.cwd(), join(dir, file)) || file;
    for (const w of handle.warnings) findings.push({ ...w, file: show(MANIFEST_FILE) });
    for (const finding of await handle.verify()) {
      findings.push({ file: show(finding.file), line: 1, column: 1, severity: finding.severity, code: finding.code, message: finding.message });
    }
    const files = [...handle.listVersions().map((v) => v.file), WORKING_FILE];
    for (const file of files) {
      let text: string;
      try {
        text = await readDraftText(join(dir, file));
      } catch (error) {
        if (error instanceof UserError && /no such file/.test(error.message)) continue; // reported by verify()
        if (error instanceof UserError) {
          findings.push({ file: show(file), line: 1, column: 1, severity: 'error', code: 'unreadable', message: error.message });
          continue;
        }
        throw error;
      }
      findings.push(...parseDraft(text, { file: show(file) }).diagnostics);
    }
  } finally {
    await handle.close();
  }
  return findings;
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .argument('<path>', 'a draft file (.md, .txt, .docx, .html) or a dossier folder')
    .description('report problems in a draft or a dossier: front matter, duplicate ids, unknown parties, unbalanced brackets, unknown stances, empty headings, table rows with more or fewer cells than their header, tabled versions whose bytes changed')
    .addHelpText('after', '\nExit status: 0 clean, 1 problems found, 2 the path cannot be read.\n\nExample:\n  parley check fixtures/rare-earths-mou')
    .action(async (path: string) => {
      process.exitCode = await checkPath(path);
    });
}
