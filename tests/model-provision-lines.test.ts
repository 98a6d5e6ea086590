/**
 * appendProvisionLines reads a clause's provisions straight into lines; it must list exactly what walking
 * provisionsOf lists (each provision, then its points, a point's label prefixed with its owner's).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { flattenDraft } from '../src/compare/align.js';
import { parseDraft } from '../src/format/markdown.js';
import { importDraft } from '../src/format/import-text.js';
import type { Clause } from '../src/model/draft.js';
import { appendProvisionLines, pointLabel, provisionsOf, type Provision, type ProvisionLine } from '../src/model/provisions.js';

/** The definition: provisionsOf walked, points after their provision. */
function linesByWalking(clause: Clause): ProvisionLine[] {
  const out: ProvisionLine[] = [];
  const visit = (p: Provision, ownerLabel: string | null) => {
    out.push({ label: ownerLabel !== null && p.label !== null ? pointLabel(ownerLabel, p.label) : p.label, text: p.text });
    for (const point of p.points) visit(point, p.label);
  };
  for (const p of provisionsOf(clause, { brackets: 'marked' })) visit(p, null);
  return out;
}

function random(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff;
    return s % n;
  };
}

/** Lines that open the ways provisions open: numbers, letters, romans, bullets, quotes, nested items. */
const OPENINGS = ['1. ', '2. ', '(a) ', '(b) ', 'b) ', '(iv) ', '- ', '> ', '   (a) ', '   1. ', '   - ', '(3) ', 'iv) ', '', '', 'Text [bracketed] ', '2bis. ', '   2bis. ', '3 ter. '];

function randomClauses(count: number, seed: number): Clause[] {
  const pick = random(seed);
  let md = '';
  for (let c = 0; c < count; c++) {
    md += `## Article ${c + 1}\n\n`;
    for (let k = 0, n = 1 + pick(7); k < n; k++) md += OPENINGS[pick(OPENINGS.length)] + 'the Party shall notify ' + pick(100) + '\n\n';
  }
  return flattenDraft(parseDraft(md).draft).map((c) => c.clause);
}

function corpusClauses(): Clause[] {
  const clauses: Clause[] = [];
  const fixtures = path.join(__dirname, '..', 'fixtures', 'rare-earths-mou', 'versions');
  for (const file of fs.readdirSync(fixtures).filter((f) => f.endsWith('.md'))) {
    for (const c of flattenDraft(parseDraft(fs.readFileSync(path.join(fixtures, file), 'utf8'), { file }).draft)) clauses.push(c.clause);
  }
  const corpus = path.join(__dirname, '..', '..', 'shared', 'corpus');
  if (fs.existsSync(corpus)) {
    for (const dir of fs.readdirSync(corpus)) {
      const full = path.join(corpus, dir);
      if (!fs.statSync(full).isDirectory()) continue;
      for (const file of fs.readdirSync(full).filter((f) => /^v.*\.(txt|md)$/.test(f))) {
        for (const c of flattenDraft(importDraft(fs.readFileSync(path.join(full, file), 'utf8'), { file }).draft)) clauses.push(c.clause);
      }
    }
  }
  return clauses;
}

describe('appendProvisionLines', () => {
  it('lists what walking provisionsOf lists', () => {
    const written = parseDraft([
      '## Article 1\n\n1. The Party shall:\n\n(a) notify;\n\nb) publish.\n\n2. Next.\n\n(iv) after two\n',
      '## Article 2\n\nChapeau:\n\n(a) not a point of an unnumbered paragraph\n\n(b) nor of a lettered one\n',
      '## Article 3\n\n1. Item\n\n   continued\n\n   (a) nested point\n\n(b) a point after the nested one\n\n- bullet\n\n(c) not a point of a bullet\n',
    ].join('\n')).draft;
    const clauses = [...flattenDraft(written).map((c) => c.clause), ...corpusClauses(), ...randomClauses(400, 5), ...randomClauses(400, 11)];
    for (const clause of clauses) {
      const lines: ProvisionLine[] = [];
      appendProvisionLines(clause, { brackets: 'marked' }, lines);
      expect(lines).toEqual(linesByWalking(clause));
    }
  });

  it('labels a point after its provision, with a dot between two numbers', () => {
    const clause = parseDraft('## Article 9\n\n4. Each Participant shall:\n\n(a) notify;\n\n5. The purpose of the framework is to:\n\n    1. provide clarity;\n    2. inform the stocktake.\n').draft.clauses[0]!;
    const lines: ProvisionLine[] = [];
    appendProvisionLines(clause, { brackets: 'marked' }, lines);
    expect(lines.map((l) => l.label)).toEqual(['4', '4(a)', '5', '5.1', '5.2']);
  });

  it('reads a nested paragraph that writes its own number ("1.") as the list item would be read', () => {
    const clause = parseDraft('## Article 9\n\n5. The purpose of the framework is to:\n\n    1\\. provide clarity;\n\n    2\\. inform the stocktake.\n').draft.clauses[0]!;
    const lines: ProvisionLine[] = [];
    appendProvisionLines(clause, { brackets: 'marked' }, lines);
    expect(lines.map((l) => l.label)).toEqual(['5', '5.1', '5.2']);
    expect(lines[1]!.text).toContain('provide clarity');
  });

  it('reads a paragraph put in without renumbering ("3bis.", "3 ter.") as a provision of its own, written inside item 3 too', () => {
    const labels = (md: string) => {
      const lines: ProvisionLine[] = [];
      appendProvisionLines(parseDraft(md).draft.clauses[0]!, { brackets: 'marked' }, lines);
      return lines.map((l) => [l.label, l.text]);
    };
    expect(labels('## Article 3\n\n3. Each Party shall report.\n\n3bis. Developed country Parties should take the lead:\n\n(a) on finance;\n\n4. Reports are public.\n'))
      .toEqual([['3', 'Each Party shall report.'], ['3bis', '3bis. Developed country Parties should take the lead:'], ['3bis(a)', '(a) on finance;'], ['4', 'Reports are public.']]);
    // Indented under item 3, as the Paris compilation writes its "3bis." paragraphs.
    expect(labels('## Article 3\n\n3. Each Party shall report.\n\n    3 ter. Each Party may report jointly.\n\n    Reports are filed yearly.\n\n4. Reports are public.\n'))
      .toEqual([['3', 'Each Party shall report.'], ['3ter', '3 ter. Each Party may report jointly.\nReports are filed yearly.'], ['4', 'Reports are public.']]);
    // "3 tonnes." opens no paragraph number.
    expect(labels('## Article 3\n\n3 tonnes. That is the quota.\n')).toEqual([[null, '3 tonnes. That is the quota.']]);
  });

  it('reads a paragraph numbered in its text ("4.") with the label of the list item "4."', () => {
    const asText = parseDraft('## Article 9\n\n4\\. Each Participant shall notify.\n').draft.clauses[0]!;
    const asList = parseDraft('## Article 9\n\n4. Each Participant shall notify.\n').draft.clauses[0]!;
    const labels = (clause: Clause) => {
      const lines: ProvisionLine[] = [];
      appendProvisionLines(clause, { brackets: 'marked' }, lines);
      return lines.map((l) => l.label);
    };
    expect(labels(asText)).toEqual(['4']);
    expect(labels(asList)).toEqual(['4']);
  });
});
