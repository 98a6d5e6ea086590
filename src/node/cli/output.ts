/**
 * How the command line prints: located findings in the "file:line:column: severity: message" form that
 * editors and terminals make clickable, and counts in plain words.
 */
import type { Diagnostic } from '../../format/diagnostic.js';

export function formatFinding(d: Diagnostic): string {
  return `${d.file ?? '<input>'}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.code}]`;
}

export function plural(n: number, one: string, many = one + 's'): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** Everything the commands write goes through here, so tests and --format json can rely on it. */
export interface Output {
  out(line: string): void;
  err(line: string): void;
}

export const consoleOutput: Output = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
};
