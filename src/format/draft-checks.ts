/**
 * Checks that need the whole draft rather than one node: identity of clauses.
 */
import type { Clause, Draft } from '../model/draft.js';
import { walkClauses } from '../model/provisions.js';
import type { Diagnostic } from './diagnostic.js';
import { isValidIdentifier } from './heading.js';

export function checkDraft(draft: Draft, file: string | undefined, headingLines: ReadonlyMap<Clause, number>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const firstSeen = new Map<string, number>();
  for (const { clause } of walkClauses(draft.clauses)) {
    const line = headingLines.get(clause) ?? 1;
    if (!isValidIdentifier(clause.id)) {
      diagnostics.push({ file, line, column: 1, severity: 'error', code: 'invalid-id', message: `clause id "${clause.id}" cannot be written in a heading (no spaces, braces, or leading "." or "#")` });
    }
    const earlier = firstSeen.get(clause.id);
    if (earlier !== undefined) {
      diagnostics.push({ file, line, column: 1, severity: 'error', code: 'duplicate-id', message: `clause id "${clause.id}" is used twice (first on line ${earlier}); each clause needs its own id` });
    } else firstSeen.set(clause.id, line);
  }
  return diagnostics;
}
