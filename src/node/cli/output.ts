/**
 * How the command line prints: located findings in the "file:line:column: severity: message" form that
 * editors and terminals make clickable, and counts in plain words.
 */
import type { Diagnostic } from '../../format/diagnostic.js';
import { TRACKED_CHANGES, WORD_COMMENTS } from '../read-draft-file.js';

export function formatFinding(d: Diagnostic): string {
  return `${d.file ?? '<input>'}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.code}]`;
}

/**
 * Whether a command that reads a draft to do something else with it (diff, show, import) tells of a finding on
 * standard error: an error, a Word document's tracked changes read as accepted, since such a document can pass
 * for a clean text, and its comments left out, since they are not in what was read. The rest is for `parley check`.
 */
export function toldWhenReading(d: Diagnostic): boolean {
  return d.severity === 'error' || d.code === TRACKED_CHANGES || d.code === WORD_COMMENTS;
}

export function plural(n: number, one: string, many = one + 's'): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** Everything the commands write goes through here, so tests and --format json can rely on it. */
export interface Output {
  out(line: string): void;
  err(line: string): void;
  /** Bytes as they are (a Word document asked for on standard output). */
  bytes?(data: Uint8Array): void;
}

export const consoleOutput: Output = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  bytes: (data) => process.stdout.write(data),
};
