/**
 * The terminal redline's marks: the same with colour and without, colour adding red, green, cyan and a dim
 * tone for cosmetic changes, so that a reader tells them from changes of substance at a glance.
 */
import { describe, expect, it } from 'vitest';
import { gatheredLegal, redlineText, timesNote } from '../src/export/text-redline.js';

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
