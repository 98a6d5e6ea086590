/**
 * Terminal helpers for the redline commands. The redline itself ([-…-]{+…+}, the marks of `git diff
 * --word-diff`, kept when coloured so a colour-blind reader still sees what changed) is src/export's.
 */
export { redlineText } from '../../export/text-redline.js';

/** Indent every line of a block of text (clause text runs over several lines, one per paragraph). */
export function indent(text: string, prefix = '  '): string[] {
  return text.split('\n').map((line) => (line ? prefix + line : line));
}

/** Whether stdout is a terminal that shows colour; NO_COLOR (no-color.org) turns it off. */
export function stdoutWantsColor(): boolean {
  return Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
}
