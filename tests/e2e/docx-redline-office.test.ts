/**
 * The Word redline in a real word processor: LibreOffice Writer (Debian's libreoffice-writer-nogui) opens the
 * .docx `parley diff --format docx` writes, accepts all its tracked changes (or rejects them all) with its own
 * commands (.uno:AcceptAllTrackedChanges, .uno:RejectAllTrackedChanges, run by a Basic macro in a profile made
 * for the test) and saves the result; read back, it must be the newer draft (or the older one), clause for clause.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareDrafts } from '../../src/compare/compare.js';
import { isCosmeticOnly } from '../../src/export/text-redline.js';
import { loadDraftRef } from '../../src/node/cli/draft-ref.js';
import { loadDraftFile } from '../../src/node/read-draft-file.js';
import { corpus } from '../support/corpus.js';

const ROOT = join(import.meta.dirname, '..', '..');
const DOSSIER = join(ROOT, 'fixtures', 'rare-earths-mou');
const hasOffice = spawnSync('sh', ['-c', 'command -v soffice']).status === 0;
if (!hasOffice) console.warn('Word redline LibreOffice tests skipped: soffice is missing (apt-get install libreoffice-writer-nogui)');

/**
 * Opens $PARLEY_DOCX, accepts or rejects all tracked changes ($PARLEY_MODE), saves it as Word to $PARLEY_OUT. By way
 * of a copy in LibreOffice's own format, reopened: LibreOffice 7.4 (Debian 12) aborts on closing a document opened
 * hidden (as here, without a window) that it wrote as Word after accepting all its changes, when the document holds
 * a comment — any comment, one it wrote itself too. The file is whole by then, and with a window (tried under Xvfb)
 * nothing goes wrong; but the abort fails the run and leaves LibreOffice's lock file behind.
 */
const MACRO = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub Main
  Dim loadArgs(0) As New com.sun.star.beans.PropertyValue
  loadArgs(0).Name = &quot;Hidden&quot;
  loadArgs(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(Environ(&quot;PARLEY_DOCX&quot;)), &quot;_blank&quot;, 0, loadArgs())
  helper = createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;)
  frame = doc.getCurrentController().getFrame()
  If Environ(&quot;PARLEY_MODE&quot;) = &quot;accept&quot; Then
    helper.executeDispatch(frame, &quot;.uno:AcceptAllTrackedChanges&quot;, &quot;&quot;, 0, Array())
  Else
    helper.executeDispatch(frame, &quot;.uno:RejectAllTrackedChanges&quot;, &quot;&quot;, 0, Array())
  End If
  Dim odtArgs(0) As New com.sun.star.beans.PropertyValue
  odtArgs(0).Name = &quot;FilterName&quot;
  odtArgs(0).Value = &quot;writer8&quot;
  odt = ConvertToURL(Environ(&quot;PARLEY_OUT&quot;) &amp; &quot;.odt&quot;)
  doc.storeToURL(odt, odtArgs())
  doc.close(True)
  saved = StarDesktop.loadComponentFromURL(odt, &quot;_blank&quot;, 0, loadArgs())
  Dim saveArgs(0) As New com.sun.star.beans.PropertyValue
  saveArgs(0).Name = &quot;FilterName&quot;
  saveArgs(0).Value = &quot;MS Word 2007 XML&quot;
  saved.storeToURL(ConvertToURL(Environ(&quot;PARLEY_OUT&quot;)), saveArgs())
  saved.close(True)
End Sub
</script:module>
`;

describe.skipIf(!hasOffice)('the Word redline in LibreOffice', () => {
  let dir = '';
  let profile = '';

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'parley-docx-office-'));
    // A profile of the test's own: LibreOffice makes it on a first run, then the macro goes into its Standard library.
    profile = pathToFileURL(join(dir, 'profile')).href;
    writeFileSync(join(dir, 'start.txt'), 'start\n');
    const first = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'start.txt')], { encoding: 'utf8', timeout: 100_000 });
    expect(first.status, first.stderr).toBe(0);
    writeFileSync(join(dir, 'profile', 'user', 'basic', 'Standard', 'Module1.xba'), MACRO);
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The redline of old → new as LibreOffice leaves it with all its changes accepted, and with all rejected. */
  function throughLibreOffice(oldRef: string, newRef: string, name: string): { accepted: string; rejected: string } {
    const docx = join(dir, `${name}.docx`);
    const made = spawnSync(process.execPath, [join(ROOT, 'bin', 'parley.mjs'), 'diff', oldRef, newRef, '--format', 'docx', '-o', docx], { encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    const out = { accepted: join(dir, `${name}-accepted.docx`), rejected: join(dir, `${name}-rejected.docx`) };
    for (const mode of ['accept', 'reject'] as const) {
      const env = { ...process.env, PARLEY_DOCX: docx, PARLEY_OUT: mode === 'accept' ? out.accepted : out.rejected, PARLEY_MODE: mode };
      const run = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', 'macro:///Standard.Module1.Main'], { encoding: 'utf8', env, timeout: 100_000 });
      expect(run.status, run.stderr).toBe(0);
    }
    return out;
  }

  /** What differs between a draft and a Word document LibreOffice saved, clause by clause (cosmetic edits aside when asked). */
  async function differences(ref: string, file: string, cosmetic = false): Promise<string[]> {
    const [draft, saved] = await Promise.all([loadDraftRef(ref), loadDraftFile(file)]);
    // The saved document carries no tracked change any more: LibreOffice took them all in or out.
    expect(saved.diagnostics.filter((d) => d.code === 'tracked-changes')).toEqual([]);
    return compareDrafts(draft.draft, saved.draft).changes
      .filter((c) => (c.kind !== 'unchanged' || c.moved) && !(cosmetic && isCosmeticOnly(c)))
      .map((c) => `${c.kind} ${(c.new[0] ?? c.old[0])?.label || (c.new[0] ?? c.old[0])?.title}`);
  }

  it('accepting every change gives the newer version, rejecting every change the older one (sample dossier, v1 → v5)', async () => {
    const { accepted, rejected } = throughLibreOffice(`${DOSSIER}@1`, `${DOSSIER}@5`, 'sample');
    expect(await differences(`${DOSSIER}@5`, accepted)).toEqual([]);
    expect(await differences(`${DOSSIER}@1`, rejected)).toEqual([]);
    // The margin notes on the moved Stockpiling paragraph are read as comments and kept either way (Parley's
    // notes on the redline, which the reader deletes as comments, not as changes).
    for (const file of [accepted, rejected]) {
      const comments = strFromU8(unzipSync(readFileSync(file))['word/comments.xml'] ?? new Uint8Array());
      expect(comments).toContain('In “EU first proposal” this was Paragraph 9 — Stockpiling');
      expect(comments).toContain('obligation: — → intend to');
    }
  }, 240_000);

  it('so too for a tariff schedule whose rows were struck, put in and changed: Word rows, tracked as rows', async () => {
    const schedule = (rows: string[], closing: string) => `## Annex I\n### Tariff schedule\n\nThe Parties shall apply the following rates:\n\n| HS code | Description | Rate |\n|---|---|---|\n${rows.join('\n')}\n\n${closing}\n`;
    const [older, newer] = [join(dir, 'schedule-old.md'), join(dir, 'schedule-new.md')];
    writeFileSync(older, schedule(['| 2805.30 | Rare earth metals | 5% |', '| 2846.10 | Cerium compounds | 3% |', '| 8505.11 | Permanent magnets | 2% |'], 'Rates are reviewed every year.'));
    writeFileSync(newer, schedule(['| 2805.30 | Rare earth metals | 0% |', '| 8505.11 | Permanent magnets | 2% |', '| 8541.40 | Photovoltaic cells | 4% |'], 'Rates are reviewed every two years.'));
    const { accepted, rejected } = throughLibreOffice(older, newer, 'schedule');
    const xml = strFromU8(unzipSync(readFileSync(join(dir, 'schedule.docx')))['word/document.xml']!);
    expect(xml).toMatch(/<w:tr><w:trPr><w:ins [^>]*\/><\/w:trPr>/);
    expect(xml).toMatch(/<w:tr><w:trPr><w:del [^>]*\/><\/w:trPr>/);
    // The delimiter row comes back as Parley writes one ("| --- |"): punctuation only.
    expect(await differences(newer, accepted, true)).toEqual([]);
    expect(await differences(older, rejected, true)).toEqual([]);
  }, 240_000);

  it.skipIf(!corpus)('so too for two real frameworks, one made from the other (Australia → Japan)', async () => {
    const base = join(corpus!, 'us-critical-minerals-frameworks_AU-vs-JP');
    const [older, newer] = [join(base, 'v1_2025-10-20_US-Australia_framework.txt'), join(base, 'v2_2025-10-28_US-Japan_framework.txt')];
    const { accepted, rejected } = throughLibreOffice(older, newer, 'au-jp');
    expect(await differences(newer, accepted, true)).toEqual([]);
    expect(await differences(older, rejected, true)).toEqual([]);
  }, 240_000);
});
