/**
 * Terminal helpers for the redline commands. The redline itself ([-…-]{+…+}, the marks of `git diff
 * --word-diff`, kept when coloured so a colour-blind reader still sees what changed) is src/export's.
 */
import { partHeading, redlineText } from '../../export/text-redline.js';
import { partsOrWhole, type RedlinePart } from '../../compare/redline-parts.js';
import type { WordOp } from '../../compare/words.js';

export { redlineText };

/** Indent every line of a block of text (clause text runs over several lines, one per paragraph). */
export function indent(text: string, prefix = '  '): string[] {
  return text.split('\n').map((line) => (line ? prefix + line : line));
}

/** Whether stdout is a terminal that shows colour; NO_COLOR (no-color.org) turns it off. */
export function stdoutWantsColor(): boolean {
  return Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
}

/**
 * A redline indented under its heading, cut in parts where it has them (a merge: each merged clause's text under a
 * line naming it, as `parley diff` heads the parts); a part with no words prints nothing.
 */
export function redlineInParts(redline: { words: WordOp[]; parts?: RedlinePart<WordOp>[] }, color: boolean, prefix = '    '): string[] {
  const lines: string[] = [];
  for (const part of partsOrWhole(redline)) {
    if (part.head) lines.push(`${prefix}── ${partHeading(part.head)} ──`);
    if (part.words.length) lines.push(...indent(redlineText(part.words, color), prefix));
  }
  return lines;
}
