/**
 * A word redline for the terminal: deletions as [-…-] and insertions as {+…+} (the marks of `git diff
 * --word-diff`, which readers of plain text and logs already know), coloured red and green when the output
 * is a terminal. The marks stay when coloured, so that a colour-blind reader still sees what changed.
 */
import type { WordOp } from '../../compare/words.js';

const RED = '\u001b[31m';
const GREEN = '\u001b[32m';
const RESET = '\u001b[0m';

export function redlineText(ops: readonly Pick<WordOp, 'op' | 'text'>[], color = false): string {
  let out = '';
  for (const op of ops) {
    if (op.op === 'equal') out += op.text;
    else if (op.op === 'delete') out += color ? `${RED}[-${op.text}-]${RESET}` : `[-${op.text}-]`;
    else out += color ? `${GREEN}{+${op.text}+}${RESET}` : `{+${op.text}+}`;
  }
  return out;
}

/** Indent every line of a block of text (clause text runs over several lines, one per paragraph). */
export function indent(text: string, prefix = '  '): string[] {
  return text.split('\n').map((line) => (line ? prefix + line : line));
}

/** Whether stdout is a terminal that shows colour; NO_COLOR (no-color.org) turns it off. */
export function stdoutWantsColor(): boolean {
  return Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
}
