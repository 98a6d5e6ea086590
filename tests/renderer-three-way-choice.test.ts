/**
 * What the Three-way dialog compares when it opens (defaultThreeWayChoice): the last three tabled versions, the
 * earliest as the base; with fewer, the working draft makes up the three.
 */
import { describe, expect, it } from 'vitest';
import { defaultThreeWayChoice } from '../renderer/three-way-view.js';

const tabled = (n: number) => Array.from({ length: n }, (_, k) => ({ version: k + 1 }));

describe('defaultThreeWayChoice', () => {
  it('takes the last three tabled versions, the earliest as the base', () => {
    expect(defaultThreeWayChoice(tabled(5))).toEqual({ base: 3, first: 4, second: 5 });
    expect(defaultThreeWayChoice(tabled(3))).toEqual({ base: 1, first: 2, second: 3 });
  });

  it('makes up the three with the working draft, and the earliest draft again, where fewer are tabled', () => {
    expect(defaultThreeWayChoice(tabled(2))).toEqual({ base: 1, first: 2, second: 'working' });
    expect(defaultThreeWayChoice(tabled(1))).toEqual({ base: 1, first: 1, second: 'working' });
    expect(defaultThreeWayChoice([])).toEqual({ base: 'working', first: 'working', second: 'working' });
  });
});
