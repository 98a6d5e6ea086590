/**
 * The numbered paragraph a text stands in, which a point cited by its letter alone belongs to: "the stockpiles
 * referred to in point (b)" names point (b) of that paragraph — a sibling of the point the words stand in, or a
 * point of the paragraph itself — as EU texts cite within one paragraph ("point (b)") and US texts do
 * ("subparagraph (b)"). In a clause whose points stand without a numbered paragraph, it is the clause's point (b).
 *
 * Written as the provisions of a clause are labelled (model/provisions.ts, appendProvisionLines): a paragraph's
 * label is its own ("2", "2bis"); a point's carries its paragraph's ("2(b)"); a point after an unnumbered paragraph,
 * or first in the clause, stands alone ("(b)"). The paragraph is "" for the clause's own points, and null where it
 * is not known ("5.1", a sub-paragraph numbered under a number, or a point far from its paragraph): then "point (b)"
 * is not read.
 */
import { isPointLabel, leadingLabel } from '../model/provisions.js';

/**
 * The numbered paragraph a provision's label puts it in: "2" and "2(b)" → "2", "2bis(b)(ii)" → "2bis", "(2)(b)" → "(2)", "(b)" and an
 * unnumbered paragraph (null) → "", anything else ("5.1") → null.
 */
export function paragraphOfLabel(label: string | null): string | null {
  if (label === null) return '';
  const match = OWN_PARAGRAPH.exec(label.trim());
  return match ? match[1]!.toLowerCase() : null;
}

/**
 * A paragraph number ("2", "2bis", or "(2)" as EU texts number paragraphs) or none, then only points' parts, in
 * parentheses or closed by one ("2b)": a point written "b)").
 */
const OWN_PARAGRAPH = /^(\d+[a-z]*|\(\d+[a-z]*\)|)(?:\(?[0-9a-z]+\))*$/i;

/**
 * paragraphOfLabel for the line of `text` that holds `offset`, in a clause's text as the comparison writes it (a
 * provision a line, each opening with its label: model/text.ts, blocksText): a point's line reads the label of the
 * nearest line above it that is no point. Blank lines are passed over.
 */
export function paragraphAt(text: string, offset: number): string | null {
  let start = text.lastIndexOf('\n', offset - 1) + 1;
  const label = leadingLabel(lineAt(text, start));
  if (!isPointLabel(label)) return paragraphOfLabel(label);
  for (let lines = 0; start > 0; lines++) {
    // Too far from its paragraph (a list of hundreds of points) to be read for every reference in it.
    if (lines === MAX_LINES_UP) return null;
    start = text.lastIndexOf('\n', start - 2) + 1;
    const line = lineAt(text, start);
    if (line.trim() === '') continue;
    const above = leadingLabel(line);
    // A point of the paragraph above; after an unnumbered paragraph, a point of the clause.
    if (!isPointLabel(above)) return above === null ? '' : paragraphOfLabel(above);
  }
  // The first line of the clause is a point: the clause's own.
  return '';
}

/** How many lines paragraphAt reads up from a point to find its paragraph. */
const MAX_LINES_UP = 200;

/** The line of `text` opening at `start`, without its line break. */
function lineAt(text: string, start: number): string {
  const end = text.indexOf('\n', start);
  return end < 0 ? text.slice(start) : text.slice(start, end);
}
