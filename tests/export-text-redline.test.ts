/**
 * The terminal redline's marks: the same with colour and without, colour adding red, green, cyan and a dim
 * tone for cosmetic changes, so that a reader tells them from changes of substance at a glance.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gatheredLegal, redlineText, textRedline, timesNote } from '../src/export/text-redline.js';
import { elideUnchanged } from '../src/export/elide-unchanged.js';
import { compareDrafts } from '../src/compare/compare.js';
import { htmlRedline } from '../src/export/html-redline.js';
import { parseDraft } from '../src/format/markdown.js';

const ESC = '\u001b[';

describe('redlineText', () => {
  const ops = [
    { op: 'equal', text: 'The Participants ' },
    { op: 'delete', text: 'shall' },
    { op: 'insert', text: 'will' },
    { op: 'equal', text: ' coordinate their stocks' },
    { op: 'delete', text: ';', cosmetic: true },
    { op: 'insert', text: ',', cosmetic: true },
    { op: 'equal', text: ' each will report.' },
  ] as const;

  it('marks deletions and insertions alike with and without colour', () => {
    expect(redlineText(ops)).toBe('The Participants [-shall-]{+will+} coordinate their stocks[-;-]{+,+} each will report.');
    expect(redlineText(ops, true).replace(/\u001b\[\d+m/g, '')).toBe(redlineText(ops));
  });

  it('dims cosmetic changes in colour, and only those', () => {
    const coloured = redlineText(ops, true);
    expect(coloured).toContain(`${ESC}31m${ESC}2m[-;-]${ESC}0m`);
    expect(coloured).toContain(`${ESC}32m${ESC}2m{+,+}${ESC}0m`);
    expect(coloured).toContain(`${ESC}31m[-shall-]${ESC}0m`);
    expect(coloured).toContain(`${ESC}32m{+will+}${ESC}0m`);
  });
});

describe('gatheredLegal', () => {
  it('gathers identical legal items in order of first appearance, and only identical ones', () => {
    const weaker = { type: 'obligation', old: 'shall', new: 'will', direction: 'weaker' } as const;
    const figure = { type: 'figure', old: 'thirty (30) days', new: 'sixty (60) days' } as const;
    const proposed = { ...weaker, proposedBy: 'US' };
    const gathered = gatheredLegal([weaker, figure, weaker, proposed]);
    expect(gathered.map(({ item, times }) => [item, times])).toEqual([[weaker, 2], [figure, 1], [proposed, 1]]);
    expect(gathered.map(({ times }) => timesNote(times))).toEqual([', twice', '', '']);
    expect(timesNote(3)).toBe(', 3 times');
  });
});

describe('an obligation turned into its opposite', () => {
  const article = (paragraphs: string[]) => parseDraft(`---\nparley: 1\ntitle: T\n---\n\n## Article 1 {#a}\n\n${paragraphs.map((t, k) => `${k + 1}. ${t}`).join('\n')}\n`).draft;
  const c = compareDrafts(
    article(['Each Participant shall notify the other of any stockpile release.', 'Each Participant may restrict exports of scrap.', 'Reports are due within 6 months.', 'The Participants shall consult.']),
    article(['Each Participant shall not notify the other of any stockpile release.', 'Each Participant shall not restrict exports of scrap.', 'Reports are due within six months.', 'The Participants will consult.']),
  );

  it('is flagged reversed in the JSON, with no direction', () => {
    expect(c.changes[0]!.legal.filter((l) => l.type === 'obligation')).toEqual([
      { type: 'obligation', old: 'shall', new: 'shall not', reversed: true },
      { type: 'obligation', old: 'may', new: 'shall not', reversed: true },
      { type: 'obligation', old: 'shall', new: 'will', direction: 'weaker' },
    ]);
  });

  it('reads "(reversed)" in the text and HTML redlines, as "(weaker)" does', () => {
    const text = textRedline(c);
    // Counted in the summary line, where the eye starts.
    expect(text).toContain('0 unchanged, 2 obligations reversed');
    expect(text).toContain('obligation: shall → shall not (reversed)');
    expect(text).toContain('obligation: may → shall not (reversed)');
    expect(text).toContain('obligation: shall → will (weaker)');
    expect(text).toContain('figure: within 6 months → within six months (wording only)');
    const html = htmlRedline(c);
    expect(html).toContain('<ins>shall not</ins> <span class="dir reversed">(reversed)</span>');
    expect(html).toContain('<span class="dir weaker">(weaker)</span>');
  });
});

describe('a redline of changes only', () => {
  const article = (paragraphs: string[]) => parseDraft(`---\nparley: 1\ntitle: T\n---\n\n## Article 1 {#a}\n\n${paragraphs.map((t, k) => `${k + 1}. ${t}`).join('\n')}\n`).draft;
  const paragraphs = Array.from({ length: 9 }, (_, k) => `The Participants will cooperate on matter number ${k + 1} of this Memorandum.`);

  it('counts the unchanged paragraphs of an edited clause beyond one either side of a change, and prints them all otherwise', () => {
    const changed = paragraphs.map((t, k) => (k === 4 ? t.replace('will cooperate', 'shall cooperate') : t));
    const c = compareDrafts(article(paragraphs), article(changed));
    const lines = textRedline(c, { changedOnly: true }).split('\n').map((l) => l.trim());
    const at = lines.findIndex((l) => l.includes('[-will-]{+shall+}'));
    expect(lines.slice(at - 2, at + 3)).toEqual([
      '… 3 unchanged paragraphs …', `4. ${paragraphs[3]}`, '5. The Participants [-will-]{+shall+} cooperate on matter number 5 of this Memorandum.', `6. ${paragraphs[5]}`, '… 3 unchanged paragraphs …',
    ]);
    // Without --changed-only, every paragraph.
    expect(textRedline(c).split('\n').filter((l) => l.includes('matter number'))).toHaveLength(9);
  });

  it('keeps a line the caller keeps (a stale reference), and leaves a clause without a change whole', () => {
    const ops = [
      { op: 'equal', text: 'Zero.\nOne.\nTwo.\nThree, see Article 8.\nFour.\nFive.\nSix ' },
      { op: 'delete', text: 'shall' }, { op: 'insert', text: 'will' },
      { op: 'equal', text: ' act.' },
    ] as const;
    expect(elideUnchanged([...ops]).map((o) => o.text)[0]).toBe('… 5 unchanged paragraphs …\nFive.\nSix ');
    // The kept line, and one paragraph of context either side of it.
    expect(elideUnchanged([...ops], { keep: (line) => line.includes('Article 8') }).map((o) => o.text)[0]).toBe('… 2 unchanged paragraphs …\nTwo.\nThree, see Article 8.\nFour.\nFive.\nSix ');
    const unchanged = [{ op: 'equal', text: 'One.\nTwo.\nThree.\nFour.\nFive.' }] as const;
    expect(elideUnchanged([...unchanged])).toEqual(unchanged);
  });
});

describe('a redline of changes only (property)', () => {
  const line = fc.constantFrom('1. The Participants will cooperate.', '| 2805.30 | Rare earth metals | 5% |', '| Code | Rate |', '|---|---|', '', '(a) stockpiles;');
  const op = fc.oneof(
    fc.array(line, { minLength: 1, maxLength: 12 }).map((lines) => ({ op: 'equal' as const, text: lines.join('\n') })),
    fc.constantFrom({ op: 'delete' as const, text: 'shall' }, { op: 'insert' as const, text: 'will\n' }, { op: 'insert' as const, text: '\n| 2846.10 | Cerium | 3% |' }),
  );

  it('leaves the changes as they are and counts exactly the lines it leaves out', () => {
    fc.assert(fc.property(fc.array(op, { minLength: 1, maxLength: 8 }), (ops) => {
      const out = elideUnchanged(ops);
      expect(out.filter((o) => o.op !== 'equal')).toEqual(ops.filter((o) => o.op !== 'equal'));
      ops.forEach((o, k) => {
        if (o.op !== 'equal') return;
        const lines = out[k]!.text.split('\n');
        const counted = lines.reduce((n, l) => n + Number(/^… ([\d,]+) unchanged (?:rows|paragraphs?) …$/.exec(l)?.[1]?.replace(/,/g, '') ?? 0), 0);
        const kept = lines.filter((l) => !/^… [\d,]+ unchanged/.test(l));
        expect(kept.length + counted).toBe(o.text.split('\n').length);
        // What is kept is the text's lines, in order.
        const all = o.text.split('\n');
        let at = 0;
        for (const l of kept) { while (at < all.length && all[at] !== l) at++; expect(at).toBeLessThan(all.length); at++; }
      });
    }), { numRuns: 400 });
  });
});

describe('a time limit moved within its paragraph, unchanged', () => {
  const article = (paragraph: string) => parseDraft(`---\nparley: 1\ntitle: T\n---\n\n## Article 1 {#a}\n\n1. ${paragraph}\n`).draft;
  const c = compareDrafts(
    article('The Participants shall, within thirty (30) days of a disruption, inform each other of its causes.'),
    article('The Participants shall inform each other of the causes of a disruption within thirty (30) days.'),
  );

  it('is one item, moved, in the JSON and in the text and HTML redlines, not one struck and one put in', () => {
    expect(c.changes[0]!.legal).toEqual([{ type: 'figure', old: 'within thirty (30) days', new: 'within thirty (30) days', moved: true }]);
    expect(textRedline(c)).toContain('  figure: within thirty (30) days → within thirty (30) days (moved within its paragraph, unchanged)\n');
    expect(htmlRedline(c)).toContain('<ins>within thirty (30) days</ins> <i>(moved within its paragraph, unchanged)</i></li>');
  });
});

describe('what a renumbered clause was called', () => {
  const drafted = (body: string) => parseDraft(`---\nparley: 1\ntitle: Agreement on Critical Minerals\n---\n\n${body}`).draft;
  const before = drafted('## Article 1 — Scope {#scope}\n\nThis Agreement applies to trade in critical minerals.\n\n## Article 2 — Definitions {#defs}\n\nIn this Agreement, "minerals" means the minerals listed in Annex I.\n\n## Article 3 — Stockpiles {#stocks}\n\nThe Parties shall inform each other of any release of strategic stocks within thirty (30) days.\n');
  const after = drafted('## Article 1 — Scope {#scope}\n\nThis Agreement applies to trade in critical minerals.\n\n## Article 2 — Strategic stocks {#stocks}\n\nThe Parties shall inform each other of any release of strategic stocks within thirty (30) days.\n\n## Article 3 — Definitions {#defs}\n\nIn this Agreement, "minerals" means the minerals listed in Annex I.\n');
  const c = compareDrafts(before, after);

  it('names the old number alone where the title stayed, and the old heading where the title changed too', () => {
    const text = textRedline(c);
    expect(text).toContain('\nArticle 3 — Definitions (was Article 2)  [unchanged, renumbered]\n');
    expect(text).toContain('\nArticle 2 — Strategic stocks (was Article 3 — Stockpiles)  [edited, moved, renumbered]\n');
    expect(text).toMatch(/\nArticle 1 — Scope {2}\[unchanged\]\n/);
    const html = htmlRedline(c);
    expect(html).toContain('Article 3 — Definitions <span class="was">(was Article 2)</span>');
    expect(html).toContain('Article 2 — Strategic stocks <span class="was">(was Article 3 — Stockpiles)</span>');
  });
});
