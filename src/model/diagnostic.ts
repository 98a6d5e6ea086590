/**
 * A finding about a draft, located in its source: what `parley check` prints and what parsers return instead of
 * throwing. Lines and columns are 1-based.
 */
export interface Diagnostic {
  file?: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  code: string;
  message: string;
}
